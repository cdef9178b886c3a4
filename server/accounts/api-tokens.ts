import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, preparedQuery } from '@/db/client';
import { apiTokens, staffAssignments, users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { actorColumns, actorFromRows, requireUser, type Actor, type RequestContext } from '@/server/auth/context';
import { AppError } from '@/server/errors';
import { logSecurityEvent } from '@/server/security/security-log';
import { authenticate } from './authenticate';
import type { CredentialsInput } from './schemas';

export const TOKEN_LIFETIME_DAYS = 30;
const PREFIX = 'lnl_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** POST /api/v1/auth/token: exchanges a login and password for a bearer token. */
export async function issueApiToken(input: CredentialsInput, ctx: RequestContext) {
  const { userId } = await authenticate(input, { clientAddress: ctx.clientAddress, channel: 'api' });
  const token = PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, tokenHash: hashToken(token), expiresAt: sql`now() + make_interval(days => ${TOKEN_LIFETIME_DAYS})` })
      .returning({ id: apiTokens.id, expiresAt: apiTokens.expiresAt });
    if (!row) throw new Error('token insert returned nothing');
    await writeAudit(tx, {
      actorId: userId,
      action: 'api_token.create',
      entity: 'api_token',
      entityId: row.id,
      after: { expiresAt: row.expiresAt },
      requestId: ctx.requestId,
    });
    await logSecurityEvent({ kind: 'token_created', actorId: userId, clientAddress: ctx.clientAddress, detail: { tokenId: row.id }, requestId: ctx.requestId }, tx);
    return { token, expiresAt: new Date(row.expiresAt).toISOString() };
  });
}

/**
 * The account behind a bearer token, read with the token in one query, or null when the token is
 * unknown, revoked or expired. `actor` is null when the account is disabled.
 */
export async function actorForToken(token: string): Promise<{ userId: string; actor: Actor | null } | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const tokenHash = hashToken(token);
  // Every API request asks this: built once (preparedQuery).
  const rows = await preparedQuery('actor_for_token', (database, name) =>
    database
      .select({ ...actorColumns, fresh: sql<boolean>`${apiTokens.lastUsedAt} > now() - interval '5 minutes'` })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(staffAssignments, eq(staffAssignments.userId, users.id))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)))
      .prepare(name),
  ).execute({ tokenHash });
  const first = rows[0];
  if (!first) return null;
  // Last use is kept to the nearest five minutes, so that reads cost no write.
  if (!first.fresh) await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.tokenHash, tokenHash));
  return { userId: first.id, actor: actorFromRows(rows) };
}

/** DELETE /api/v1/auth/token: revokes the token the request was made with. */
export async function revokeApiToken(ctx: RequestContext, token: string | null) {
  const actor = await requireUser(ctx);
  if (!token) throw new AppError('unauthenticated', 'A bearer token is required', { messageKey: 'bearer_required' });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError('not_found', 'Token not found');
    await writeAudit(tx, { actorId: actor.id, action: 'api_token.revoke', entity: 'api_token', entityId: row.id, requestId: ctx.requestId });
    await logSecurityEvent({ kind: 'token_revoked', actorId: actor.id, clientAddress: ctx.clientAddress, detail: { tokenId: row.id }, requestId: ctx.requestId }, tx);
  });
}
