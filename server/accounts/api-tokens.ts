import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import type { RequestContext } from '@/server/auth/context';
import { requireUser } from '@/server/auth/context';
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

/** The user behind a bearer token, or null when it is unknown, revoked or expired. */
export async function userIdForToken(token: string): Promise<string | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ userId: apiTokens.userId, fresh: sql<boolean>`${apiTokens.lastUsedAt} > now() - interval '5 minutes'` })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)));
  if (!row) return null;
  // Last use is kept to the nearest five minutes, so that reads cost no write.
  if (!row.fresh) await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.tokenHash, tokenHash));
  return row.userId;
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
