import { WEEKDAYS } from './options';

type DayHours = { opens: string; closes: string } | null;

/**
 * Runs of consecutive weekdays with the same hours — "Mon–Fri 08:00–21:30, Sat–Sun closed" —
 * which read better on a phone than seven lines.
 */
export function hoursRuns(hours: Record<string, DayHours | undefined>): { from: string; to: string; hours: DayHours }[] {
  const runs: { from: string; to: string; hours: DayHours }[] = [];
  for (const day of WEEKDAYS) {
    const today = hours[day] ?? null;
    const last = runs.at(-1);
    if (last && last.hours?.opens === today?.opens && last.hours?.closes === today?.closes) last.to = day;
    else runs.push({ from: day, to: day, hours: today });
  }
  return runs;
}
