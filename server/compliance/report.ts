import { db } from '@/db/client';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { canReadRegister } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { communityEvaluator, evaluateAggregates, tally } from './evaluate';
import { forEachCommunityFacts } from './facts-query';
import { getRuleSet } from './rule-sets';
import { MAX_PAGE, type ComplianceQuery } from './schemas';
import type { ComplianceReport, ComplianceRow, TownRollup } from './types';

/** Today in Asia/Shanghai, the date people mean when they say "today". */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * The compliance report for a date, rule set and household basis. Auditors and admins see the
 * city; staff see their own communities; residents and the public see none of it (household
 * figures and evidence are not public).
 */
export async function getComplianceReport(ctx: RequestContext, query: ComplianceQuery): Promise<ComplianceReport> {
  const actor = await requireUser(ctx);
  if (!canReadRegister(actor) && actor.role !== 'staff') throw new AppError('forbidden', 'Not allowed for this account');
  const ruleSet = await getRuleSet(query.ruleSet, query.ruleSetVersion);
  if (!ruleSet) throw new AppError('not_found', 'No such rule set', { messageKey: 'rule_set_unknown' });
  const asOf = query.asOf ?? todayInShanghai();
  const options = { asOf, householdBasis: query.householdBasis, staleAfterMonths: query.staleAfterMonths };

  // Staff see their own communities; a communityIds filter narrows the scope further.
  const own = canReadRegister(actor) ? undefined : actor.communityIds;
  const communityIds = query.communityIds && own ? query.communityIds.filter((id) => own.includes(id)) : (query.communityIds ?? own);
  // Each community is evaluated as its facts are read: only the result rows are kept.
  const evaluate = communityEvaluator(ruleSet.rules, options);
  const rows: ComplianceRow[] = [];
  await forEachCommunityFacts(db, ruleSet.rules, { asOf, town: query.town, codePrefix: query.codePrefix, communityIds }, (facts) => rows.push(evaluate(facts)));

  const byTown = new Map<string, typeof rows>();
  for (const row of rows) {
    const townRows = byTown.get(row.townCode);
    if (townRows) townRows.push(row);
    else byTown.set(row.townCode, [row]);
  }
  const towns: TownRollup[] = [...byTown.values()].map((townRows) => ({
    townCode: townRows[0]!.townCode,
    townNameZh: townRows[0]!.townNameZh,
    townNameEn: townRows[0]!.townNameEn,
    communities: townRows.length,
    tallies: tally(ruleSet.rules, townRows),
    aggregates: evaluateAggregates(ruleSet.rules, townRows),
  }));

  const paged = query.limit !== undefined || query.offset !== undefined;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? MAX_PAGE;
  return {
    ruleSet: ruleSet.code,
    ruleSetVersion: ruleSet.version,
    asOf,
    householdBasis: query.householdBasis,
    staleAfterMonths: query.staleAfterMonths,
    rows: paged ? rows.slice(offset, offset + limit) : rows,
    aggregates: evaluateAggregates(ruleSet.rules, rows),
    tallies: tally(ruleSet.rules, rows),
    towns,
    ...(paged ? { page: { offset, limit, total: rows.length } } : {}),
  };
}
