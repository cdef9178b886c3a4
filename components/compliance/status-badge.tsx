import type { ComplianceStatus } from '@/server/compliance/types';

const TONES: Record<ComplianceStatus, { className: string; mark: string }> = {
  pass: { className: 'border-green-800 bg-green-50 text-green-900', mark: '✓' },
  fail: { className: 'border-red-800 bg-red-50 text-red-900', mark: '✗' },
  insufficient_data: { className: 'border-amber-800 bg-amber-50 text-amber-950', mark: '?' },
};

/** A status in words, with a mark and a tone that only repeat what the words say. */
export function StatusBadge({ status, label }: { status: ComplianceStatus; label: string }) {
  const tone = TONES[status];
  return (
    <span data-status={status} className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-sm font-semibold ${tone.className}`}>
      <span aria-hidden="true">{tone.mark}</span>
      {label}
    </span>
  );
}

/** The stale flag, in words: the household count is older than the report's limit. */
export function StaleBadge({ label, title }: { label: string; title?: string }) {
  return (
    <span title={title} className="inline-flex items-center gap-1 whitespace-nowrap rounded border border-dashed border-slate-700 bg-white px-1.5 py-0.5 text-sm font-semibold text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.75">
        <circle cx="8" cy="8" r="6.5" />
        <path d="M8 4.5V8l2.5 1.5" />
      </svg>
      {label}
    </span>
  );
}
