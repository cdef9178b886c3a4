import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const BASES = ['registered', 'resident'] as const;

/** Two links, one per household basis: the same community, date and rule set, on the other basis. */
export async function BasisSwitch({ current, hrefFor }: { current: 'registered' | 'resident'; hrefFor: (basis: 'registered' | 'resident') => string }) {
  const [t, tc] = await Promise.all([getTranslations('audit'), getTranslations('compliance')]);
  return (
    <nav aria-labelledby="basis-switch-label" className="mb-6 print:hidden">
      <p id="basis-switch-label" className="mb-1 font-medium">
        {t('basisSwitchLabel')}
      </p>
      <ul className="flex flex-wrap gap-2">
        {BASES.map((basis) => (
          <li key={basis}>
            <Link
              href={hrefFor(basis)}
              aria-current={basis === current ? 'page' : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 font-medium hover:bg-brand-50 aria-[current=page]:border-brand-800 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              <span className="block first-letter:uppercase">{tc(`basisOf.${basis}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
