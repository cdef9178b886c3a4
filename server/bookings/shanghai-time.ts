/**
 * People read and type Asia/Shanghai time. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset converts exactly for every date Linli handles (1990–2100).
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;

/** The Shanghai calendar date 'YYYY-MM-DD' of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since Shanghai midnight of an instant (0–1439). */
export function shanghaiMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** ISO weekday in Shanghai: 1 = Monday … 7 = Sunday. */
export function shanghaiWeekday(instant: Date): number {
  const day = new Date(instant.getTime() + OFFSET_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of a Shanghai wall-clock time: ('2026-11-26', 600) → 2026-11-26T02:00:00Z. */
export function shanghaiInstant(date: string, minuteOfDay: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minuteOfDay * 60_000);
}

/** 'HH:MM' → minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The Monday 00:00 (Shanghai) starting the week of an instant. */
export function shanghaiWeekStart(instant: Date): Date {
  const date = shanghaiDate(instant);
  const monday = new Date(Date.parse(`${date}T00:00:00Z`) - (shanghaiWeekday(instant) - 1) * 86_400_000);
  return shanghaiInstant(monday.toISOString().slice(0, 10), 0);
}

/** An instant as ISO 8601 with the Shanghai offset: 2026-11-26T10:00:00+08:00. */
export function toShanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
