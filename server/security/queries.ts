import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { db } from '@/db/client';
import { securityEventKinds, securityEvents, users } from '@/db/schema';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { shanghaiInstant, toShanghaiIso } from '@/server/bookings/shanghai-time';
import { isoDateSchema, searchTextSchema } from '@/server/common-schemas';

export const securityLogQuerySchema = z.object({
  kind: z.enum(securityEventKinds, 'kind_invalid').optional(),
  /** A login (e-mail or mobile), exactly as typed at sign-in. */
  login: searchTextSchema(100, { lowerCase: true }),
  address: searchTextSchema(100),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type SecurityLogQuery = z.infer<typeof securityLogQuerySchema>;

export { securityEventKinds };

const PAGE = 200;
const actors = alias(users, 'actor');
const subjects = alias(users, 'subject');

/** Admins search the security log: newest first, at most 200 entries per search. */
export async function searchSecurityLog(ctx: RequestContext, query: SecurityLogQuery) {
  await requireRole(ctx, 'admin');
  const filters: SQL[] = [];
  if (query.kind) filters.push(eq(securityEvents.kind, query.kind));
  if (query.login) filters.push(or(eq(securityEvents.login, query.login), eq(actors.email, query.login), eq(actors.mobile, query.login))!);
  if (query.address) filters.push(eq(securityEvents.clientAddress, query.address));
  if (query.from) filters.push(gte(securityEvents.at, shanghaiInstant(query.from, 0)));
  if (query.to) filters.push(lt(securityEvents.at, shanghaiInstant(query.to, 24 * 60)));
  const rows = await db
    .select({ event: securityEvents, actorName: actors.name, subjectName: subjects.name })
    .from(securityEvents)
    .leftJoin(actors, eq(actors.id, securityEvents.actorId))
    .leftJoin(subjects, eq(subjects.id, securityEvents.subjectId))
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(securityEvents.at), desc(securityEvents.id))
    .limit(PAGE);
  return rows.map(({ event, actorName, subjectName }) => ({
    id: event.id,
    at: toShanghaiIso(event.at),
    kind: event.kind,
    actorName,
    subjectName,
    login: event.login,
    clientAddress: event.clientAddress,
    detail: event.detail,
    requestId: event.requestId,
  }));
}
