import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SortDirection, SortKey } from '@/server/compliance/report-views';

interface SortHeaderProps {
  sortKey: SortKey;
  current: SortKey;
  dir: SortDirection;
  /** The link that sorts by this column (the page builds it with the other filters kept). */
  href: string;
  label: ReactNode;
  /** "sorted ascending/descending", "sort by" in the current language. */
  stateLabel: string;
  className?: string;
}

/** A column header that sorts by links (works without JavaScript) and says how it is sorted. */
export function SortHeader({ sortKey, current, dir, href, label, stateLabel, className = '' }: SortHeaderProps) {
  const active = sortKey === current;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`px-2 py-2 align-bottom ${className}`}>
      <Link href={href} className="inline-flex min-h-11 items-end gap-1 underline decoration-slate-400 underline-offset-4 hover:decoration-brand-700 print:min-h-0 print:no-underline">
        <span>{label}</span>
        <span aria-hidden="true" className="text-xs">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{stateLabel}</span>
      </Link>
    </th>
  );
}
