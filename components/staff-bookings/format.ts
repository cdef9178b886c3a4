// Dates and times as people at the desk read them, in Asia/Shanghai. Booking times arrive as
// '2026-11-28T10:00:00+08:00', so the wall-clock parts are read off the string; formatting by
// hand (not Intl) keeps the server's and the browser's rendering identical.

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** '2026-11-28' → 2026年11月28日（周六） / Sat 28 Nov 2026; `t` is the staffBookings translator. */
export function formatDay(t: Translate, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return t('format.day', { year, month, day, weekday: t(`weekdays.${weekdayOf(date)}`), monthName: t(`months.${month}`) });
}

export const dateOf = (iso: string) => iso.slice(0, 10);
export const timeOf = (iso: string) => iso.slice(11, 16);

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** A span in words: one day with two times, or two days; an end at midnight reads as 24:00. */
export function formatSpan(t: Translate, span: { startsAt: string; endsAt: string }): string {
  let endDate = dateOf(span.endsAt);
  let endTime = timeOf(span.endsAt);
  if (endTime === '00:00' && endDate > dateOf(span.startsAt)) {
    endDate = previousDay(endDate);
    endTime = '24:00';
  }
  if (endDate === dateOf(span.startsAt)) return t('format.span', { day: formatDay(t, endDate), from: timeOf(span.startsAt), to: endTime });
  return t('format.spanAcross', { fromDay: formatDay(t, dateOf(span.startsAt)), from: timeOf(span.startsAt), toDay: formatDay(t, endDate), to: endTime });
}

/** Only the times, for rows already under a day heading. */
export function formatTimes(span: { startsAt: string; endsAt: string }, day?: string): string {
  const from = day && dateOf(span.startsAt) < day ? '00:00' : timeOf(span.startsAt);
  const to = day && dateOf(span.endsAt) > day ? '24:00' : timeOf(span.endsAt);
  return `${from}–${to}`;
}

/** One moment: 2026年11月28日（周六）10:00. */
export function formatMoment(t: Translate, iso: string): string {
  return t('format.moment', { day: formatDay(t, dateOf(iso)), time: timeOf(iso) });
}
