import type { BookingView } from '@/server/bookings/schemas';

const TONES: Record<BookingView['status'], string> = {
  pending: 'border-amber-700 bg-amber-50 text-amber-950',
  confirmed: 'border-green-700 bg-green-50 text-green-950',
  attended: 'border-green-700 bg-green-50 text-green-950',
  rejected: 'border-red-700 bg-red-50 text-red-950',
  no_show: 'border-red-700 bg-red-50 text-red-950',
  cancelled: 'border-slate-500 bg-slate-100 text-slate-900',
};

/** A booking's status in words; the colour only repeats them. */
export function StatusBadge({ status, label }: { status: BookingView['status']; label: string }) {
  return (
    <span data-status={status} className={`inline-flex shrink-0 items-center rounded-full border px-3 py-0.5 text-base font-semibold ${TONES[status]}`}>
      {label}
    </span>
  );
}
