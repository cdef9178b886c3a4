import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * The security log (Cybersecurity Law art. 21: kept at least six months): sign-ins, tokens,
 * permission refusals, views and exports of personal data, erasures. Migration 0010 refuses any
 * UPDATE, and any DELETE of an entry younger than 180 days, so the purge job can never cut it short.
 */
export const securityEventKinds = [
  'sign_in_succeeded',
  'sign_in_failed',
  'token_created',
  'token_revoked',
  'permission_refused',
  'personal_data_viewed',
  'personal_data_exported',
  'account_erased',
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];

export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text({ enum: securityEventKinds }).notNull(),
    /** Who acted (null when unknown, e.g. a failed sign-in). */
    actorId: uuid().references(() => users.id),
    /** Whose personal data was viewed or exported, or whose account was erased. */
    subjectId: uuid().references(() => users.id),
    /** The login typed at a sign-in, lower-cased. */
    login: text(),
    clientAddress: text(),
    /** What was refused or viewed: a path, an operation, a field. */
    detail: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    requestId: text(),
  },
  (t) => [index('security_events_at_idx').on(t.at), index('security_events_kind_idx').on(t.kind, t.at), index('security_events_actor_idx').on(t.actorId, t.at), index('security_events_subject_idx').on(t.subjectId, t.at)],
);
