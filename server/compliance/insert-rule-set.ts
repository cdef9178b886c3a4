import type { Executor } from '@/db/client';
import { rules, ruleSets } from '@/db/schema';
import type { AreaBasis, UseClass } from '@/db/schema/register';
import type { RuleMetric, Verification } from '@/db/schema/compliance';

export interface RuleSetDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  source: string;
  verification: Verification;
  notesZh: string;
  notesEn: string;
  rules: {
    code: string;
    nameZh: string;
    nameEn: string;
    metric: RuleMetric;
    threshold: string;
    unit: 'm2_per_100_households' | 'm2' | 'percent' | 'per_10000_residents';
    scope: 'community' | 'aggregate';
    areaBasis?: AreaBasis | null;
    householdBasis?: 'registered' | 'resident' | null;
    useClasses?: UseClass[];
    communityKind?: 'village' | 'community' | null;
    verification?: Verification;
  }[];
}

/** Writes one version of a rule set with its rules, in the caller's transaction. */
export async function insertRuleSet(tx: Executor, set: RuleSetDefinition, version: number, createdBy: string | null) {
  const [row] = await tx
    .insert(ruleSets)
    .values({ code: set.code, version, nameZh: set.nameZh, nameEn: set.nameEn, source: set.source, verification: set.verification, notesZh: set.notesZh, notesEn: set.notesEn, createdBy })
    .returning({ id: ruleSets.id });
  await tx.insert(rules).values(
    set.rules.map((rule, position) => ({
      ruleSetId: row!.id,
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
      useClasses: rule.useClasses ?? [],
      communityKind: rule.communityKind ?? null,
      source: set.source,
      verification: rule.verification ?? set.verification,
    })),
  );
  return row!.id;
}
