import type { RuleSet } from '@/server/compliance/types';

const TONES: Record<RuleSet['verification'], string> = {
  verified: 'border-green-800 text-green-900',
  press_only: 'border-amber-800 text-amber-950',
  unverified: 'border-red-800 text-red-900',
};

/** How firm a threshold is, in words: auditors must see it next to every figure. */
export function VerificationBadge({ verification, label }: { verification: RuleSet['verification']; label: string }) {
  return (
    <span data-verification={verification} className={`inline-block rounded border bg-white px-1.5 py-0.5 text-sm font-semibold ${TONES[verification]}`}>
      {label}
    </span>
  );
}
