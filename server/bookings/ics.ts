import type { BookingView } from './schemas';

// RFC 5545 by hand: a handful of properties, escaped and folded, with an Asia/Shanghai VTIMEZONE
// so that calendars show the wall-clock time the resident booked.

function escapeText(text: string) {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8 safe: never inside a character). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** '2026-12-03T10:00:00+08:00' → '20261203T100000' (local Shanghai time, for TZID=Asia/Shanghai). */
function localStamp(iso: string) {
  return iso.slice(0, 19).replace(/[-:]/g, '');
}

function utcStamp(date: Date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const STATUS: Record<BookingView['status'], string> = {
  pending: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  attended: 'CONFIRMED',
  no_show: 'CONFIRMED',
  rejected: 'CANCELLED',
  cancelled: 'CANCELLED',
};

export function bookingsToIcs(items: BookingView[], calendarName: string, now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linli//Community centre bookings//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const booking of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${booking.id}@linli`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=Asia/Shanghai:${localStamp(booking.startsAt)}`,
      `DTEND;TZID=Asia/Shanghai:${localStamp(booking.endsAt)}`,
      `SUMMARY:${escapeText(`${booking.roomName} · ${booking.purpose}`)}`,
      `LOCATION:${escapeText(`${booking.facilityName} ${booking.roomName}`)}`,
      `DESCRIPTION:${escapeText(`${booking.purpose}（${booking.attendees}人）`)}`,
      `STATUS:${STATUS[booking.status]}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
