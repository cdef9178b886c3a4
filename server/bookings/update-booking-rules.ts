import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookingRules, facilities } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import type { WeeklyHours } from '@/db/schema/register';
import type { BookingRulesInput } from './schemas';
import { facilityForStaff } from './staff-access';

/** Staff set their facility's opening hours and booking rules; existing bookings stay as they are. */
export async function updateBookingRules(ctx: RequestContext, facilityId: string, rules: BookingRulesInput, openingHours?: WeeklyHours) {
  const actor = await requireUser(ctx);
  return db.transaction(async (tx) => {
    const facility = await facilityForStaff(tx, actor, facilityId);
    const [before] = await tx.select().from(bookingRules).where(eq(bookingRules.facilityId, facilityId));
    const [after] = await tx
      .insert(bookingRules)
      .values({ facilityId, communityId: facility.communityId, ...rules })
      .onConflictDoUpdate({ target: bookingRules.facilityId, set: { ...rules, updatedAt: new Date() } })
      .returning();
    if (openingHours) await tx.update(facilities).set({ openingHours, updatedAt: new Date() }).where(eq(facilities.id, facilityId));
    await writeAudit(tx, { actorId: actor.id, action: 'booking_rules.update', entity: 'facility', entityId: facilityId, before: { rules: before, openingHours: facility.openingHours }, after: { rules: after, openingHours: openingHours ?? facility.openingHours }, requestId: ctx.requestId });
    return after!;
  });
}
