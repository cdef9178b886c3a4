import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, occupancies, type BookingStatus } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { notifyAboutBooking } from './notify';
import { loadBookingFor } from './queries';
import { loadRoomContext } from './room-context';
import { toBookingView } from './views';

type Change = 'cancel' | 'approve' | 'reject' | 'check_in' | 'no_show';

const FROM: Record<Change, BookingStatus[]> = {
  cancel: ['pending', 'confirmed'],
  approve: ['pending'],
  reject: ['pending'],
  // Attendance can be corrected: an automatic no-show for someone who did come, or the reverse.
  check_in: ['confirmed', 'no_show'],
  no_show: ['confirmed', 'attended'],
};
const TO: Record<Change, BookingStatus> = { cancel: 'cancelled', approve: 'confirmed', reject: 'rejected', check_in: 'attended', no_show: 'no_show' };

/**
 * Every change of a booking's status, in one transaction with its audit entry and notification.
 * Residents cancel their own bookings until the cut-off; staff of the room's community (and
 * admins) approve, reject (with a reason), cancel (with a reason) and record attendance.
 * Releasing the slot deletes its occupancy, so it is free again at once.
 */
export async function changeBooking(ctx: RequestContext, bookingId: string, change: Change, reason?: string, now = new Date()) {
  const actor = await requireUser(ctx);
  return db.transaction(async (tx) => {
    const row = await loadBookingFor(tx, actor, bookingId, { forUpdate: true });
    const { booking } = row;
    const byStaff = canManageCommunity(actor, booking.communityId);
    const byOwner = booking.residentId === actor.id;
    if (change !== 'cancel' && !byStaff) throw new AppError('forbidden', 'Staff only');
    if (!FROM[change].includes(booking.status)) {
      throw new AppError('conflict', `Cannot ${change} a ${booking.status} booking`, { type: 'booking-state', messageKey: 'booking_wrong_state' });
    }
    if ((change === 'reject' || (change === 'cancel' && !byOwner)) && !reason) {
      throw new AppError('validation', 'A reason is required', { fieldErrors: { reason: ['reason_invalid'] } });
    }
    if (change === 'cancel' && byOwner && !byStaff) {
      const room = await loadRoomContext(tx, booking.spaceId);
      if (booking.startsAt.getTime() - now.getTime() < room!.rules.cancelCutoffMinutes * 60_000) {
        throw new AppError('conflict', 'Past the cancellation cut-off', { type: 'cancel-cutoff', messageKey: 'booking_cancel_cutoff', extra: { cutoffMinutes: room!.rules.cancelCutoffMinutes } });
      }
    }
    // Once it has ended, a booking is recorded as attended or not; cancelling it would erase that.
    if (change === 'cancel' && booking.endsAt <= now) {
      throw new AppError('conflict', 'The booking has ended', { type: 'booking-ended', messageKey: 'booking_ended' });
    }
    if ((change === 'check_in' || change === 'no_show') && booking.startsAt > now) {
      throw new AppError('conflict', 'Not started yet', { type: 'booking-not-started', messageKey: 'booking_not_started' });
    }
    const [after] = await tx
      .update(bookings)
      .set({ status: TO[change], reason: reason ?? booking.reason, decidedBy: byStaff ? actor.id : booking.decidedBy, decidedAt: byStaff ? now : booking.decidedAt, updatedAt: now })
      .where(eq(bookings.id, bookingId))
      .returning();
    if (change === 'cancel' || change === 'reject') await tx.delete(occupancies).where(eq(occupancies.bookingId, bookingId));
    const kind = change === 'approve' ? 'booking_approved' : change === 'reject' ? 'booking_rejected' : change === 'cancel' && !byOwner ? 'booking_cancelled_by_staff' : null;
    if (kind) await notifyAboutBooking(tx, kind, after!, row);
    await writeAudit(tx, { actorId: actor.id, action: `booking.${change}`, entity: 'booking', entityId: bookingId, before: { status: booking.status }, after: { status: after!.status, reason: after!.reason }, requestId: ctx.requestId });
    return toBookingView(after!, row);
  });
}
