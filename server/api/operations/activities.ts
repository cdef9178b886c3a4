import { z } from 'zod';
import { uuidSchema } from '@/server/accounts/schemas';
import {
  activityQuerySchema,
  activityViewSchema,
  cancelSessionSchema,
  checkInSchema,
  createActivitySchema,
  rosterEntrySchema,
  sessionCapacitySchema,
  sessionViewSchema,
  signupStatusSchema,
  updateActivitySchema,
} from '@/server/activities/schemas';
import { defineOperation } from '../operation';

const activityParams = z.object({ activityId: uuidSchema });
const sessionParams = z.object({ sessionId: uuidSchema });

export const createActivityOperation = defineOperation({
  operationId: 'createActivity',
  method: 'POST',
  path: '/api/v1/activities',
  summary:
    'Staff of the room’s community (or an admin) publish an activity with its sessions. Each session holds the room: 409 with a type ending in /session-conflict (and `conflicts`) when one collides with a booking, closure or other session.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  body: createActivitySchema,
  response: {
    status: 201,
    description: 'The new activity',
    schema: z.object({ id: z.uuid(), sessionIds: z.array(z.uuid()) }).meta({ id: 'CreatedActivity' }),
  },
  errors: [400, 401, 403, 404, 409, 415, 422],
});

export const listActivitiesOperation = defineOperation({
  operationId: 'listActivities',
  method: 'GET',
  path: '/api/v1/activities',
  summary:
    'Published activities with a session between from and to (dates, Asia/Shanghai; from today by default), filtered by town code, community (code or id), category and hasPlaces. Only the matching sessions are listed.',
  tag: 'Activities',
  access: 'public',
  query: activityQuerySchema,
  response: { status: 200, description: 'Activities', schema: z.object({ items: z.array(activityViewSchema) }).meta({ id: 'ActivityList' }) },
  errors: [422],
});

export const getActivityOperation = defineOperation({
  operationId: 'getActivity',
  method: 'GET',
  path: '/api/v1/activities/{activityId}',
  summary: 'One activity with all its sessions and their places (capacity, confirmed, waitlisted, remaining). Drafts only for their staff.',
  tag: 'Activities',
  access: 'public',
  params: activityParams,
  response: { status: 200, description: 'The activity', schema: activityViewSchema },
  errors: [404, 422],
});

export const updateActivityOperation = defineOperation({
  operationId: 'updateActivity',
  method: 'PATCH',
  path: '/api/v1/activities/{activityId}',
  summary: 'Publishes a draft, or cancels the activity: its future sessions are cancelled, everyone signed up or waiting is told, and the room is freed.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  params: activityParams,
  body: updateActivitySchema,
  response: { status: 200, description: 'The new status', schema: z.object({ id: z.uuid(), status: z.enum(['published', 'cancelled']) }).meta({ id: 'ActivityStatus' }) },
  errors: [400, 401, 403, 404, 415, 422],
});

export const signUpOperation = defineOperation({
  operationId: 'signUpForSession',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/signups',
  summary:
    'A resident signs up: a place if one is left (confirmed), else the waitlist with a position. 409 /already-signed-up; 422 /signup-closed, /signup-not-open, /session-cancelled; 403 /audience-restricted for community-only activities.',
  tag: 'Activities',
  access: 'user',
  roles: ['resident'],
  params: sessionParams,
  response: {
    status: 201,
    description: 'The sign-up',
    schema: z.object({ id: z.uuid(), sessionId: z.uuid(), status: z.enum(['confirmed', 'waitlisted']), position: z.number().int().optional().describe('Only when waitlisted: 1 is promoted next') }).meta({ id: 'CreatedSignup' }),
  },
  errors: [401, 403, 404, 409, 422],
});

export const getMySignupOperation = defineOperation({
  operationId: 'getMySignup',
  method: 'GET',
  path: '/api/v1/sessions/{sessionId}/signups/me',
  summary: 'The caller’s sign-up for a session: status and, while waitlisted, position. 404 when not signed up.',
  tag: 'Activities',
  access: 'user',
  params: sessionParams,
  response: { status: 200, description: 'The sign-up', schema: z.object({ status: signupStatusSchema, position: z.number().int().optional() }).meta({ id: 'MySignup' }) },
  errors: [401, 404, 422],
});

export const cancelMySignupOperation = defineOperation({
  operationId: 'cancelMySignup',
  method: 'DELETE',
  path: '/api/v1/sessions/{sessionId}/signups/me',
  summary: 'Withdraws before the session starts; the first person waiting is promoted (and told) in the same transaction.',
  tag: 'Activities',
  access: 'user',
  params: sessionParams,
  response: {
    status: 200,
    description: 'Cancelled',
    schema: z.object({ id: z.uuid(), sessionId: z.uuid(), status: z.literal('cancelled'), promoted: z.number().int() }).meta({ id: 'CancelledSignup' }),
  },
  errors: [401, 404, 422],
});

export const rosterOperation = defineOperation({
  operationId: 'getSessionRoster',
  method: 'GET',
  path: '/api/v1/sessions/{sessionId}/roster',
  summary: 'Staff of the community: the session’s places in sign-up order, then its waitlist. Mobile numbers are masked.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  params: sessionParams,
  response: {
    status: 200,
    description: 'The roster',
    schema: z.object({ session: sessionViewSchema, roster: z.array(rosterEntrySchema) }).meta({ id: 'SessionRoster' }),
  },
  errors: [401, 404, 422],
});

export const updateSessionOperation = defineOperation({
  operationId: 'updateSession',
  method: 'PATCH',
  path: '/api/v1/sessions/{sessionId}',
  summary: 'Changes a session’s capacity: raising it promotes from the waitlist in order; below the places taken is 422 /capacity-below-confirmed.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  params: sessionParams,
  body: sessionCapacitySchema,
  response: { status: 200, description: 'The new capacity', schema: z.object({ id: z.uuid(), capacity: z.number().int(), promoted: z.number().int() }).meta({ id: 'SessionCapacity' }) },
  errors: [400, 401, 404, 415, 422],
});

export const cancelSessionOperation = defineOperation({
  operationId: 'cancelSession',
  method: 'POST',
  path: '/api/v1/sessions/{sessionId}/cancel',
  summary: 'Cancels a session with a reason: everyone signed up or waiting is told, and the room is freed.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  params: sessionParams,
  body: cancelSessionSchema,
  response: { status: 200, description: 'Cancelled', schema: z.object({ id: z.uuid(), cancelled: z.literal(true) }).meta({ id: 'CancelledSession' }) },
  errors: [400, 401, 404, 415, 422],
});

export const checkInSignupOperation = defineOperation({
  operationId: 'checkInSignup',
  method: 'POST',
  path: '/api/v1/signups/{signupId}/check-in',
  summary: 'Staff record attendance for a person with a place: attended true or false (absent). From an hour before the start.',
  tag: 'Activities',
  access: 'user',
  roles: ['staff', 'admin'],
  params: z.object({ signupId: uuidSchema }),
  body: checkInSchema,
  response: { status: 200, description: 'Attendance recorded', schema: z.object({ id: z.uuid(), status: signupStatusSchema }).meta({ id: 'CheckIn' }) },
  errors: [400, 401, 404, 415, 422],
});

