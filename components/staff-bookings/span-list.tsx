'use client';

import { useTranslations } from 'next-intl';
import { formatSpan } from './format';

export interface CheckedSpan {
  startsAt: string;
  endsAt: string;
  /** What holds the room then (booking, activity_session, closure, maintenance), or null when free. */
  conflict: string | null;
  /** Words before the time, e.g. "Week 3". */
  label?: string;
}

/** Times checked against a room's occupancy: each free or taken, said in words and with a mark. */
export function SpanList({ heading, spans }: { heading: string; spans: CheckedSpan[] }) {
  const t = useTranslations('staffBookings');
  return (
    <section aria-label={heading} className="space-y-2">
      <h2 className="text-lg font-bold">{heading}</h2>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-300">
        {spans.map((span) => (
          <li key={span.startsAt} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2">
            <span>
              {span.label ? <span className="text-muted">{span.label}</span> : null} {formatSpan(t, span)}
            </span>
            {span.conflict ? (
              <span className="font-semibold text-red-800">
                <span aria-hidden="true">✕ </span>
                {t('recurring.taken', { kind: t(`kinds.${span.conflict}`) })}
              </span>
            ) : (
              <span className="font-semibold text-green-800">
                <span aria-hidden="true">✓ </span>
                {t('recurring.weekFree')}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
