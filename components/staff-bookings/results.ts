import type { FormResult } from '@/server/form-result';

// What the booking desk's actions return beyond a plain FormResult: the details a person needs
// to decide what to do next (what stands in the way, which weeks were booked).

export interface TimeSpan {
  startsAt: string;
  endsAt: string;
}

export interface ClosureConflict extends TimeSpan {
  kind: 'booking' | 'activity_session' | 'closure' | 'maintenance';
  room: string;
}

export interface ClosureResult extends FormResult {
  conflicts?: ClosureConflict[];
  cancelledBookings?: number;
}

export interface RecurringWeek extends TimeSpan {
  conflict: string | null;
}

export interface RecurringResult extends FormResult {
  weeks?: RecurringWeek[];
  booked?: RecurringWeek[];
  skipped?: RecurringWeek[];
}
