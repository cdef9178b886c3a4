type DayHours = { opens: string; closes: string } | null | undefined;
type Translate = (key: string, values?: Record<string, string>) => string;

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/**
 * A facility's week in words, runs of days with the same hours on one line: "周一至周五
 * 08:00–21:30", "周六至周日 休息" — easier to read on a phone than seven lines.
 */
export function openingHoursLines(hours: Record<string, DayHours>, t: Translate): string[] {
  const runs: { from: string; to: string; hours: DayHours }[] = [];
  for (const day of WEEKDAYS) {
    const today = hours[day] ?? null;
    const last = runs.at(-1);
    if (last && last.hours?.opens === today?.opens && last.hours?.closes === today?.closes) last.to = day;
    else runs.push({ from: day, to: day, hours: today });
  }
  return runs.map((run) => {
    const days = run.from === run.to ? t(`weekdays.${run.from}`) : t('dayRange', { from: t(`weekdays.${run.from}`), to: t(`weekdays.${run.to}`) });
    return run.hours ? t('hoursLine', { days, opens: run.hours.opens, closes: run.hours.closes }) : t('closedLine', { days });
  });
}
