import type { BookingView } from '@/server/bookings/schemas';

type Status = BookingView['status'];

// A symbol and a word for each status; the colour only repeats what they say.
const LOOK: Record<Status, { symbol: string; className: string }> = {
  pending: { symbol: '⏳', className: 'border-amber-700 bg-amber-50 text-amber-950' },
  confirmed: { symbol: '✓', className: 'border-sky-700 bg-sky-50 text-sky-950' },
  attended: { symbol: '✔', className: 'border-green-700 bg-green-50 text-green-950' },
  no_show: { symbol: '!', className: 'border-red-700 bg-red-50 text-red-950' },
  rejected: { symbol: '✕', className: 'border-slate-500 bg-slate-100 text-slate-900' },
  cancelled: { symbol: '—', className: 'border-slate-500 bg-slate-100 text-slate-900' },
};

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const look = LOOK[status];
  return (
    <span data-status={status} className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${look.className}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {label}
    </span>
  );
}
