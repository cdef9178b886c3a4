import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, facilities, spaces } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { notifyAboutBooking } from '@/server/bookings/notify';

export const REMINDER_HOURS_AHEAD = 24;
/** A confirmed booking nobody checked in this long after its start is recorded as a no-show. */
export const NO_SHOW_GRACE_MINUTES = 30;
const BATCH = 200;

/**
 * Sends each confirmed booking's reminder once, a day before it starts. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so two app instances running this at once split the work and never
 * send a reminder twice; a crash rolls the batch back and the next run picks it up.
 */
export async function sendReminders(now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ booking: bookings, roomName: spaces.name, facilityName: facilities.name })
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
      .where(
        and(
          eq(bookings.status, 'confirmed'),
          isNull(bookings.reminderSentAt),
          sql`${bookings.startsAt} > ${now.toISOString()}::timestamptz`,
          lte(bookings.startsAt, new Date(now.getTime() + REMINDER_HOURS_AHEAD * 3_600_000)),
        ),
      )
      .limit(BATCH)
      .for('update', { of: bookings, skipLocked: true });
    for (const row of due) {
      await notifyAboutBooking(tx, 'booking_reminder', row.booking, row);
    }
    if (due.length > 0) {
      await tx.update(bookings).set({ reminderSentAt: now }).where(inArray(bookings.id, due.map((row) => row.booking.id)));
    }
    return due.length;
  });
}

/** Records confirmed bookings that nobody checked in within the grace period as no-shows. */
export async function markNoShows(now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const overdue = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.status, 'confirmed'), lte(bookings.startsAt, new Date(now.getTime() - NO_SHOW_GRACE_MINUTES * 60_000))))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (overdue.length === 0) return 0;
    const ids = overdue.map((row) => row.id);
    await tx.update(bookings).set({ status: 'no_show', updatedAt: now }).where(inArray(bookings.id, ids));
    for (const id of ids) {
      await writeAudit(tx, { actorId: null, action: 'booking.no_show_automatic', entity: 'booking', entityId: id, before: { status: 'confirmed' }, after: { status: 'no_show' } });
    }
    return ids.length;
  });
}

export async function runBookingJobs(now = new Date()) {
  return { reminders: await sendReminders(now), noShows: await markNoShows(now) };
}
