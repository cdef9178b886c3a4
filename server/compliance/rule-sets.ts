import { and, asc, desc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { rules, ruleSets } from '@/db/schema';
import type { RuleSet } from './types';

// Rule sets are public reference data: anyone may read what the standards say.

type RuleSetRow = typeof ruleSets.$inferSelect;

async function withRules(executor: Executor, sets: RuleSetRow[]): Promise<RuleSet[]> {
  if (sets.length === 0) return [];
  const ruleRows = await executor.select().from(rules).orderBy(asc(rules.position));
  return sets.map((set) => ({
    id: set.id,
    code: set.code,
    version: set.version,
    nameZh: set.nameZh,
    nameEn: set.nameEn,
    source: set.source,
    verification: set.verification,
    notesZh: set.notesZh,
    notesEn: set.notesEn,
    createdAt: set.createdAt.toISOString(),
    rules: ruleRows
      .filter((rule) => rule.ruleSetId === set.id)
      .map((rule) => ({
        code: rule.code,
        nameZh: rule.nameZh,
        nameEn: rule.nameEn,
        metric: rule.metric,
        threshold: rule.threshold,
        unit: rule.unit,
        scope: rule.scope,
        areaBasis: rule.areaBasis,
        householdBasis: rule.householdBasis,
        useClasses: rule.useClasses,
        communityKind: rule.communityKind,
        source: rule.source,
        verification: rule.verification,
      })),
  }));
}

/** Every version of every rule set, newest version first within a code. */
export async function listRuleSets(): Promise<RuleSet[]> {
  const sets = await db.select().from(ruleSets).orderBy(asc(ruleSets.createdAt), asc(ruleSets.code), desc(ruleSets.version));
  return withRules(db, sets);
}

/** One rule set: the given version, or the latest. */
export async function getRuleSet(code: string, version?: number, executor: Executor = db): Promise<RuleSet | null> {
  const [set] = await executor
    .select()
    .from(ruleSets)
    .where(version ? and(eq(ruleSets.code, code), eq(ruleSets.version, version)) : eq(ruleSets.code, code))
    .orderBy(desc(ruleSets.version))
    .limit(1);
  if (!set) return null;
  return (await withRules(executor, [set]))[0] ?? null;
}
