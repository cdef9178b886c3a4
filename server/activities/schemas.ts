import { z } from 'zod';
import { activityAudienceEnum, activityCategoryEnum, activityStatusEnum } from '@/db/schema';
import { uuidSchema } from '@/server/accounts/schemas';
import { instantSchema, optionalReasonSchema, reasonSchema } from '@/server/bookings/schemas';
import { isoDateSchema, whenFieldsValid } from '@/server/common-schemas';

export const MAX_SESSIONS = 60;
const DAY_MS = 86_400_000;

export const categorySchema = z.enum(activityCategoryEnum.enumValues, 'category_invalid');
export const audienceSchema = z.enum(activityAudienceEnum.enumValues, 'audience_invalid');
export const activityStatusSchema = z.enum(activityStatusEnum.enumValues, 'activity_status_invalid');
export const capacitySchema = z.number('capacity_invalid').int('capacity_invalid').min(1, 'capacity_invalid').max(10_000, 'capacity_invalid');

export const sessionTimesSchema = z
  .object({ startsAt: instantSchema, endsAt: instantSchema })
  .refine((s) => s.endsAt.getTime() > s.startsAt.getTime(), { path: ['endsAt'], message: 'ends_before_starts', ...whenFieldsValid })
  .refine((s) => s.endsAt.getTime() - s.startsAt.getTime() <= DAY_MS, { path: ['endsAt'], message: 'session_too_long', ...whenFieldsValid });

export const createActivitySchema = z
  .object({
    title: z.string('title_invalid').trim().min(1, 'title_invalid').max(120, 'title_invalid'),
    description: z.string('description_invalid').trim().max(4000, 'description_invalid').optional(),
    category: categorySchema,
    audience: audienceSchema,
    roomId: uuidSchema,
    capacity: capacitySchema,
    sessions: z.array(sessionTimesSchema, 'sessions_invalid').min(1, 'sessions_invalid').max(MAX_SESSIONS, 'sessions_too_many'),
    /** draft or published; an activity is cancelled afterwards, not created cancelled. */
    status: z.enum(['draft', 'published'], 'activity_status_invalid').default('published'),
    signupOpensAt: instantSchema.optional(),
    signupClosesAt: instantSchema.optional(),
  })
  .refine((a) => !sessionsOverlap(a.sessions), { path: ['sessions'], message: 'sessions_overlap', ...whenFieldsValid })
  .refine((a) => !a.signupOpensAt || !a.signupClosesAt || a.signupClosesAt.getTime() > a.signupOpensAt.getTime(), {
    path: ['signupClosesAt'],
    message: 'signup_window_invalid',
    ...whenFieldsValid,
  })
  .meta({ id: 'CreateActivityRequest' });
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

function sessionsOverlap(sessions: { startsAt: Date; endsAt: Date }[]): boolean {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return sorted.some((session, i) => i > 0 && session.startsAt.getTime() < sorted[i - 1]!.endsAt.getTime());
}

/** Weekly sessions from a first one until a last date (inclusive), as the staff form offers. */
export function weeklySessions(first: { startsAt: Date; endsAt: Date }, untilDate: string | undefined) {
  if (!untilDate) return [first];
  const until = Date.parse(`${untilDate}T23:59:59+08:00`);
  const sessions: { startsAt: Date; endsAt: Date }[] = [];
  for (let week = 0; first.startsAt.getTime() + week * 7 * DAY_MS <= until && week <= MAX_SESSIONS; week++) {
    sessions.push({ startsAt: new Date(first.startsAt.getTime() + week * 7 * DAY_MS), endsAt: new Date(first.endsAt.getTime() + week * 7 * DAY_MS) });
  }
  return sessions;
}

const codeOrId = z.string().trim().max(40).optional();

export const activityQuerySchema = z.object({
  /** Town code (9 digits). */
  town: codeOrId,
  /** Community code (12 digits) or id. */
  community: codeOrId,
  category: categorySchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Only sessions with a place left. */
  hasPlaces: z.enum(['true', 'false']).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

// The reason is told to everyone signed up when an activity is cancelled (its title when none).
export const updateActivitySchema = z.object({ status: z.enum(['published', 'cancelled'], 'activity_status_invalid'), ...optionalReasonSchema.shape }).meta({ id: 'UpdateActivityRequest' });
export const sessionCapacitySchema = z.object({ capacity: capacitySchema }).meta({ id: 'UpdateSessionRequest' });
export const cancelSessionSchema = reasonSchema.meta({ id: 'CancelSessionRequest' });
export const checkInSchema = z.object({ attended: z.boolean('boolean_invalid') }).meta({ id: 'CheckInRequest' });

// What the API answers.

export const signupStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled', 'attended', 'absent']);

export const sessionViewSchema = z
  .object({
    id: z.uuid(),
    startsAt: z.string().describe('ISO 8601, +08:00'),
    endsAt: z.string(),
    capacity: z.number().int(),
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    remaining: z.number().int(),
    cancelled: z.boolean(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'ActivitySession' });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const activityViewSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    category: categorySchema,
    audience: audienceSchema,
    status: activityStatusSchema,
    communityId: z.uuid(),
    communityName: z.string(),
    townCode: z.string(),
    roomId: z.uuid(),
    roomName: z.string(),
    facilityName: z.string(),
    signupOpensAt: z.string().nullable(),
    signupClosesAt: z.string().nullable(),
    sessions: z.array(sessionViewSchema),
  })
  .meta({ id: 'Activity' });
export type ActivityView = z.infer<typeof activityViewSchema>;

export const signupViewSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    status: signupStatusSchema,
    /** 1 = next to be promoted; only while waitlisted. */
    position: z.number().int().optional(),
  })
  .meta({ id: 'Signup' });
export type SignupView = z.infer<typeof signupViewSchema>;

export const rosterEntrySchema = z
  .object({
    signupId: z.uuid(),
    name: z.string(),
    /** Masked unless opened on purpose (personal-information protection). */
    mobile: z.string().nullable(),
    status: signupStatusSchema,
    position: z.number().int().optional(),
    signedUpAt: z.string(),
  })
  .meta({ id: 'RosterEntry' });
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
