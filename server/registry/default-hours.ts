import type { WeeklyHours } from '@/db/schema/register';

/** A new facility is open 08:00–21:30 every day until its staff say otherwise. */
export const DEFAULT_OPENING_HOURS: WeeklyHours = Object.fromEntries(
  (['1', '2', '3', '4', '5', '6', '7'] as const).map((day) => [day, { opens: '08:00', closes: '21:30' }]),
) as WeeklyHours;
