import type { BookingRulesInput } from '@/server/bookings/schemas';

type NumericRule = Exclude<keyof BookingRulesInput, 'requiresApproval'>;

/**
 * The booking rules as people think of them: durations in minutes or hours, windows in hours or
 * days. The database keeps minutes (and days, and counts); `factor` is how many stored units one
 * unit on the form is.
 */
export const RULE_FIELDS: { key: NumericRule; unit: 'minutes' | 'hours' | 'days' | 'count'; factor: number }[] = [
  { key: 'slotMinutes', unit: 'minutes', factor: 1 },
  { key: 'minMinutes', unit: 'minutes', factor: 1 },
  { key: 'maxMinutes', unit: 'hours', factor: 60 },
  { key: 'minNoticeMinutes', unit: 'hours', factor: 60 },
  { key: 'maxDaysAhead', unit: 'days', factor: 1 },
  { key: 'cancelCutoffMinutes', unit: 'hours', factor: 60 },
  { key: 'maxActiveBookings', unit: 'count', factor: 1 },
  { key: 'maxMinutesPerWeek', unit: 'hours', factor: 60 },
  { key: 'noShowLimit', unit: 'count', factor: 1 },
  { key: 'noShowWindowDays', unit: 'days', factor: 1 },
  { key: 'suspensionDays', unit: 'days', factor: 1 },
];

/** A stored value in the unit the form shows: 240 minutes → 4 (hours). */
export function toFormUnit(field: (typeof RULE_FIELDS)[number], stored: number): number {
  return Math.round((stored / field.factor) * 100) / 100;
}

/** A typed value back to what is stored; NaN stays NaN so the schema refuses it. */
export function fromFormUnit(field: (typeof RULE_FIELDS)[number], typed: number): number {
  return Number.isFinite(typed) ? Math.round(typed * field.factor * 1000) / 1000 : Number.NaN;
}

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
