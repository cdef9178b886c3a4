// Dates and times as residents read them, in Asia/Shanghai (next-intl's configured time zone),
// with the same wording on the server (getFormatter) and in the browser (useFormatter).

import type { DateTimeFormatOptions } from 'next-intl';

interface Formatter {
  dateTime(value: Date, options: DateTimeFormatOptions): string;
}

type Translate = (key: 'minutes' | 'hours' | 'hoursMinutes' | 'days', values: Record<string, number>) => string;

/** 12月3日星期四 / Thursday, December 3 */
export function formatDay(format: Formatter, iso: string | Date) {
  return format.dateTime(new Date(iso), { month: 'long', day: 'numeric', weekday: 'long' });
}

/** 2026年12月3日 / December 3, 2026 */
export function formatDate(format: Formatter, iso: string | Date) {
  return format.dateTime(new Date(iso), { year: 'numeric', month: 'long', day: 'numeric' });
}

/** 10:00 (24-hour clock in both languages: what the centres' notices use). */
export function formatTime(format: Formatter, iso: string | Date) {
  return format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** 10:00–11:30 */
export function formatTimeRange(format: Formatter, startsAt: string, endsAt: string) {
  return `${formatTime(format, startsAt)}–${formatTime(format, endsAt)}`;
}

/** 90 → "1 小时 30 分钟" / "1 hour 30 minutes" */
export function formatMinutes(t: Translate, minutes: number) {
  if (minutes < 60) return t('minutes', { count: minutes });
  if (minutes % 60 === 0) return t('hours', { count: minutes / 60 });
  return t('hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
