import { eq, max, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { rules, ruleSets } from '@/db/schema';
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
      const [set] = await tx
        .insert(ruleSets)
        .values({
          code: input.code,
          version,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          source: input.source,
          verification: input.verification,
          notesZh: input.notesZh,
          notesEn: input.notesEn,
          createdBy: actor.id,
        })
        .returning({ id: ruleSets.id });
      await tx.insert(rules).values(
        input.rules.map((rule, position) => ({
          ruleSetId: set!.id,
          code: rule.code,
          position,
          nameZh: rule.nameZh,
          nameEn: rule.nameEn,
          metric: rule.metric,
          threshold: rule.threshold,
          unit: rule.unit,
          scope: rule.scope,
          areaBasis: rule.areaBasis ?? null,
          householdBasis: rule.householdBasis ?? null,
          useClasses: rule.useClasses,
          communityKind: rule.communityKind ?? null,
          source: input.source,
          verification: rule.verification ?? input.verification,
        })),
      );
      await writeAudit(tx, { actorId: actor.id, action: 'rule_set.create_version', entity: 'rule_set', entityId: set!.id, after: { ...input, version }, requestId: ctx.requestId });
      return (await getRuleSet(input.code, version, tx))!;
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('conflict', 'Version exists', { messageKey: 'conflict' });
    throw error;
  }
}
