import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { issueApiToken } from '../server/accounts/api-tokens';
import { setUserDisabled } from '../server/accounts/update-user-access';
import { createActivity } from '../server/activities/create-activity';
import { participationReport, sessionRoster } from '../server/activities/queries';
import { createActivitySchema } from '../server/activities/schemas';
import { getMySignup, signUp } from '../server/activities/signups';
import { regenerateCalendarFeed } from '../server/bookings/calendar-feed';
import { createBooking } from '../server/bookings/create-booking';
import { createBookingSchema } from '../server/bookings/schemas';
import { addDays, shanghaiDate } from '../server/bookings/shanghai-time';
import { eraseMyAccount, ERASED_NAME } from '../server/privacy/erase-my-account';
import { exportMyData, myDataAsRows } from '../server/privacy/export-my-data';
import { revealMobile } from '../server/privacy/reveal-mobile';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { makeCommunities, makeUser, TEST_PASSWORD, uniqueMobile, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

const day = (n: number) => addDays(shanghaiDate(new Date()), n);
const at = (n: number, hhmm: string) => `${day(n)}T${hhmm}:00+08:00`;

let admin: TestUser;
let staff: TestUser;
let communityId: string;
let roomId: string;

beforeAll(async () => {
  admin = await makeUser('admin');
  [communityId] = (await makeCommunities(1)) as [string];
  staff = await makeUser('staff', { communityIds: [communityId] });
  const facility = await createFacility(admin.ctx, { communityId, name: '中心', kind: 'comprehensive_centre' });
  roomId = (await createSpace(admin.ctx, facility.id, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 40 })).id;
});

async function session(n: number, capacity: number) {
  const { sessionIds } = await createActivity(
    staff.ctx,
    createActivitySchema.parse({ title: '讲座', category: 'health', audience: 'everyone', roomId, capacity, sessions: [{ startsAt: at(n, '19:00'), endsAt: at(n, '20:00') }] }),
  );
  return sessionIds[0]!;
}

/** A resident with something in every table that can hold their data. */
async function busyResident(n: number) {
  const resident = await makeUser('resident', { mobile: uniqueMobile(), homeCommunityId: communityId });
  const booking = await createBooking(resident.ctx, createBookingSchema.parse({ roomId, startsAt: at(n, '10:00'), endsAt: at(n, '11:00'), purpose: '给孙子过生日', attendees: 5 }));
  const sessionId = await session(n + 1, 1);
  await signUp(resident.ctx, sessionId);
  await regenerateCalendarFeed(resident.ctx);
  await issueApiToken({ login: resident.mobile!, password: TEST_PASSWORD }, resident.ctx);
  return { resident, booking, sessionId };
}

// Every table that refers to a user, and where the export shows it. A new such table fails the
// test below until it is exported too.
const EXPORTED_AS: Record<string, string> = {
  users: 'account',
  staff_assignments: 'staffAssignments',
  api_tokens: 'apiTokens',
  audit_log: 'auditLog',
  bookings: 'bookings',
  closures: 'closuresCreated',
  notifications: 'notifications',
  calendar_feeds: 'calendarFeed',
  activities: 'activitiesCreated',
  signups: 'signups',
  security_events: 'securityLog',
  household_counts: 'householdCountsRecorded',
  area_measurements: 'areaMeasurementsRecorded',
  facility_shares: 'facilitySharesRecorded',
  rule_sets: 'ruleSetsCreated',
};

describe('my data: export', () => {
  it('covers every table that refers to a user, with the person’s rows and no secrets', async () => {
    const { resident, booking, sessionId } = await busyResident(2);
    const referring = await rawSql()<{ table: string }[]>`
      select distinct conrelid::regclass::text as table from pg_constraint where contype = 'f' and confrelid = 'users'::regclass`;
    for (const { table } of referring) expect(EXPORTED_AS[table], `table ${table} refers to users but is not exported`).toBeDefined();

    const data = await exportMyData(resident.ctx);
    expect(data.account).toMatchObject({ id: resident.id, mobile: resident.mobile, homeCommunityId: communityId });
    expect(data.bookings.map((b) => b.id)).toEqual([booking.id]);
    expect(data.signups.map((s) => s.sessionId)).toEqual([sessionId]);
    expect(data.notifications.length).toBeGreaterThanOrEqual(2);
    expect(data.calendarFeed).not.toBeNull();
    expect(data.apiTokens).toHaveLength(1);
    expect(data.signInAttempts.length).toBeGreaterThanOrEqual(1);
    expect(data.securityLog.map((e) => e.kind)).toContain('token_created');
    expect(data.auditLog.map((e) => e.action)).toEqual(expect.arrayContaining(['booking.create', 'signup.create']));
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|tokenHash|\$argon2/);

    const rows = myDataAsRows(data);
    expect(rows[0]).toEqual(['section', 'record', 'field', 'value']);
    expect(rows).toContainEqual(['account', '1', 'mobile', resident.mobile]);
    expect(rows).toContainEqual(['bookings', '1', 'purpose', '给孙子过生日']);
    // The export itself is a personal-data event in the security log.
    const [logged] = await rawSql()<{ n: number }[]>`select count(*)::int as n from security_events where kind = 'personal_data_exported' and subject_id = ${resident.id}`;
    expect(logged!.n).toBe(1);
  });
});

describe('my data: deleting the account', () => {
  it('cancels future bookings and sign-ups, promotes the waitlist, leaves no personal field, keeps statistics', async () => {
    const { resident, booking, sessionId } = await busyResident(4);
    const waiting = await makeUser('resident');
    expect((await signUp(waiting.ctx, sessionId)).status).toBe('waitlisted');
    const month = day(5).slice(0, 7);
    const before = await participationReport([communityId], month, month);
    const [{ n: bookingsBefore }] = (await rawSql()`select count(*)::int as n from bookings where community_id = ${communityId}`) as unknown as [{ n: number }];

    expect((await refusal(eraseMyAccount(resident.ctx, 'not-my-password'))).options.fieldErrors).toEqual({ password: ['password_wrong'] });
    const summary = await eraseMyAccount(resident.ctx, TEST_PASSWORD);
    expect(summary).toEqual({ cancelledBookings: 1, withdrawnSignups: 1, promoted: 1 });

    // The room is free again, and the person waiting has the place and was told.
    const [held] = await rawSql()<{ n: number }[]>`select count(*)::int as n from occupancies where booking_id = ${booking.id}`;
    expect(held!.n).toBe(0);
    expect((await getMySignup(waiting.ctx, sessionId)).status).toBe('confirmed');
    const [told] = await rawSql()<{ n: number }[]>`select count(*)::int as n from notifications where user_id = ${waiting.id} and kind = 'signup_promoted'`;
    expect(told!.n).toBe(1);

    // No personal field is left on the account or in what it holds.
    const [account] = await rawSql()<Record<string, unknown>[]>`select name, email, mobile, home_community_id, disabled, erased_at from users where id = ${resident.id}`;
    expect(account).toMatchObject({ name: ERASED_NAME, email: null, mobile: null, home_community_id: null, disabled: true });
    expect(account!.erased_at).not.toBeNull();
    const [left] = await rawSql()<{ purposes: string[]; notes: number; feeds: number; tokens: number }[]>`
      select (select array_agg(distinct purpose) from bookings where resident_id = ${resident.id}) as purposes,
             (select count(*)::int from notifications where user_id = ${resident.id}) as notes,
             (select count(*)::int from calendar_feeds where user_id = ${resident.id}) as feeds,
             (select count(*)::int from api_tokens where user_id = ${resident.id}) as tokens`;
    expect(left).toEqual({ purposes: ['—'], notes: 0, feeds: 0, tokens: 0 });

    // Statistics are unchanged: the rows stay (anonymous), only their status moved. The place
    // taken is still taken (by the promoted person), so only "still waiting" drops by one.
    const [{ n: bookingsAfter }] = (await rawSql()`select count(*)::int as n from bookings where community_id = ${communityId}`) as unknown as [{ n: number }];
    expect(bookingsAfter).toBe(bookingsBefore);
    expect(await participationReport([communityId], month, month)).toEqual(before.map((row) => ({ ...row, stillWaiting: row.stillWaiting - 1 })));

    // The audit log says an erasure happened, without the erased data.
    const [entry] = await rawSql()<{ after: unknown }[]>`select after from audit_log where action = 'user.erase' and entity_id = ${resident.id}`;
    expect(entry!.after).toEqual(summary);
    expect(JSON.stringify(entry)).not.toContain(resident.mobile!);
    // The account cannot be used again.
    expect((await refusal(exportMyData(resident.ctx))).code).toBe('unauthenticated');
  });

  it('an erased account cannot be enabled again: a refusal, not a database error', async () => {
    const resident = await makeUser('resident');
    await eraseMyAccount(resident.ctx, TEST_PASSWORD);
    const error = await refusal(setUserDisabled(admin.ctx, { userId: resident.id, disabled: false }));
    expect(error.code).toBe('conflict');
    expect(error.options.messageKey).toBe('account_erased');
    const [account] = await rawSql()<{ disabled: boolean }[]>`select disabled from users where id = ${resident.id}`;
    expect(account!.disabled).toBe(true);
  });
});

describe('minimal exposure', () => {
  it('staff see a masked number unless they open it, which is logged; auditors and residents see no roster', async () => {
    const sessionId = await session(8, 10);
    const resident = await makeUser('resident', { mobile: '13712345678' });
    await signUp(resident.ctx, sessionId);
    const { roster } = await sessionRoster(staff.ctx, sessionId);
    expect(roster[0]!.mobile).toBe('137****5678');
    expect(await revealMobile(staff.ctx, { kind: 'signup', id: roster[0]!.signupId })).toEqual({ mobile: '13712345678' });
    const [logged] = await rawSql()<{ actor_id: string; subject_id: string }[]>`select actor_id, subject_id from security_events where kind = 'personal_data_viewed' and subject_id = ${resident.id}`;
    expect(logged).toEqual({ actor_id: staff.id, subject_id: resident.id });

    const auditor = await makeUser('auditor');
    expect((await refusal(sessionRoster(auditor.ctx, sessionId))).code).toBe('not_found');
    expect((await refusal(revealMobile(auditor.ctx, { kind: 'signup', id: roster[0]!.signupId }))).code).toBe('forbidden');
    expect((await refusal(sessionRoster(resident.ctx, sessionId))).code).toBe('not_found');
    const otherStaff = await makeUser('staff', { communityIds: (await makeCommunities(1)) as string[] });
    expect((await refusal(revealMobile(otherStaff.ctx, { kind: 'signup', id: roster[0]!.signupId }))).code).toBe('not_found');
    // The auditor's refusal is itself in the security log.
    const [refused] = await rawSql()<{ n: number }[]>`select count(*)::int as n from security_events where kind = 'permission_refused' and actor_id = ${auditor.id}`;
    expect(refused!.n).toBe(1);
  });
});
