import { eq, max, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { ruleSets } from '@/db/schema';
import { insertRuleSet } from './insert-rule-set';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import { getRuleSet } from './rule-sets';
import type { CreateRuleSetVersionInput } from './schemas';

/**
 * Adds the next version of a rule set (or version 1 of a new one). Earlier versions are never
 * changed, so every report computed with them can be recomputed.
 */
export async function createRuleSetVersion(ctx: RequestContext, input: CreateRuleSetVersionInput) {
  const actor = await requireRole(ctx, 'admin');
  try {
    return await db.transaction(async (tx) => {
      // Serialises two admins adding a version of the same set at once.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rule_set:${input.code}`}))`);
      const [latest] = await tx.select({ version: max(ruleSets.version) }).from(ruleSets).where(eq(ruleSets.code, input.code));
      const version = (latest?.version ?? 0) + 1;
      const id = await insertRuleSet(tx, input, version, actor.id);
      await writeAudit(tx, { actorId: actor.id, action: 'rule_set.create_version', entity: 'rule_set', entityId: id, after: { ...input, version }, requestId: ctx.requestId });
      return (await getRuleSet(input.code, version, tx))!;
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('conflict', 'Version exists', { messageKey: 'conflict' });
    throw error;
  }
}
