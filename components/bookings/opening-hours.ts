import { hoursRuns } from '@/components/register/opening-hours';

type DayHours = { opens: string; closes: string } | null | undefined;
type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * A facility's week in words, runs of days with the same hours on one line: "周一至周五
 * 08:00–21:30", "周六至周日 休息" — easier to read on a phone than seven lines.
 */
export function openingHoursLines(hours: Record<string, DayHours>, t: Translate): string[] {
  return hoursRuns(hours).map((run) => {
    const days = run.from === run.to ? t(`weekdays.${run.from}`) : t('dayRange', { from: t(`weekdays.${run.from}`), to: t(`weekdays.${run.to}`) });
    return run.hours ? t('hoursLine', { days, opens: run.hours.opens, closes: run.hours.closes }) : t('closedLine', { days });
  });
}
