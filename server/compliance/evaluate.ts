import type { HouseholdBasis } from '@/db/schema/enums';
import { divide, fromInteger, millionthsToNumber, parseDecimal, toNumber, truncated } from './decimal';
import { absoluteFigures, activityShareFigures, perHouseholdFigures, readThreshold, type Figures, type Threshold } from './figures';
import type { AggregateResult, CommunityFacts, ComplianceRow, InsufficientReason, Rule, RuleResult, RuleTally } from './types';

// The definitions (docs/decisions/0002-compliance-definitions.md), as pure functions over the
// facts the database computed. Every comparison is exact: "不少于" is ≥, nothing is rounded first.

export interface EvaluationOptions {
  asOf: string;
  householdBasis: HouseholdBasis;
  staleAfterMonths: number;
}

/** The date `months` before `asOf` ('YYYY-MM-DD'), clamped to the month's last day. */
export function monthsBefore(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** An insufficient_data result; `base` may set the household fields, stale and reasonDetail. */
function insufficient(rule: Rule, reason: InsufficientReason, base: Partial<RuleResult> = {}): RuleResult {
  // Written out, not spread: the keys keep this order (it is the JSON's), and spreading objects
  // costs microseconds each, which a national report does a million times.
  return {
    rule: rule.code,
    value: null,
    threshold: Number(rule.threshold),
    status: 'insufficient_data',
    stale: base.stale ?? false,
    gapM2: null,
    reason,
    reasonDetail: base.reasonDetail ?? null,
    householdBasis: base.householdBasis ?? null,
    areaBasis: rule.areaBasis,
    households: base.households ?? null,
    householdsAsOf: base.householdsAsOf ?? null,
  };
}

/** A pass / fail result (the same keys in the same order as insufficient()'s: one shape for every result). */
function decided(prepared: PreparedRule, householdBasis: HouseholdBasis | null, count: { households: number; asOf: string } | null, figures: Figures, stale: boolean): RuleResult {
  return {
    rule: prepared.rule.code,
    value: figures.value,
    threshold: prepared.thresholdNumber,
    status: figures.pass ? 'pass' : 'fail',
    stale,
    gapM2: figures.gapM2,
    reason: null,
    reasonDetail: null,
    householdBasis,
    areaBasis: prepared.rule.areaBasis,
    households: count?.households ?? null,
    householdsAsOf: count?.asOf ?? null,
  };
}

/** What a rule's evaluation needs that does not depend on the community: parsed once per report. */
interface PreparedRule {
  rule: Rule;
  threshold: Threshold;
  thresholdNumber: number;
  perHousehold: boolean;
}

const thresholds = new Map<string, Threshold>();

function prepare(rule: Rule): PreparedRule {
  let threshold = thresholds.get(rule.threshold);
  if (threshold === undefined) {
    threshold = readThreshold(rule.threshold);
    thresholds.set(rule.threshold, threshold);
  }
  return {
    rule,
    threshold,
    thresholdNumber: Number(rule.threshold),
    perHousehold: rule.metric === 'indoor_area_per_100_households' || rule.metric === 'outdoor_area_per_100_households',
  };
}

const NO_AREA = { area: 0, activity: 0, otherBasisSpaces: [] as string[] };

export function evaluateRule(rule: Rule, facts: CommunityFacts, options: EvaluationOptions): RuleResult {
  return evaluatePrepared(prepare(rule), facts, options, monthsBefore(options.asOf, options.staleAfterMonths));
}

/** `staleBefore`: a count dated before this day is stale (monthsBefore(asOf, staleAfterMonths)). */
function evaluatePrepared(prepared: PreparedRule, facts: CommunityFacts, options: EvaluationOptions, staleBefore: string): RuleResult {
  const { rule, threshold, perHousehold } = prepared;
  if (rule.metric === 'not_in_register') return insufficient(rule, 'not_in_register');
  const area = facts.ruleAreas[rule.code] ?? NO_AREA;
  const householdBasis = perHousehold ? (rule.householdBasis ?? options.householdBasis) : null;
  const count = householdBasis ? facts[householdBasis] : null;
  const stale = count ? count.asOf < staleBefore : false;

  if (area.otherBasisSpaces.length > 0) {
    return insufficient(rule, 'measured_on_other_basis', { householdBasis, households: count?.households ?? null, householdsAsOf: count?.asOf ?? null, stale, reasonDetail: area.otherBasisSpaces });
  }

  if (perHousehold) {
    if (!count) return insufficient(rule, 'no_household_count', { householdBasis, households: null, householdsAsOf: null });
    if (count.households === 0) return insufficient(rule, 'zero_households', { householdBasis, households: 0, householdsAsOf: count.asOf, stale });
    return decided(prepared, householdBasis, count, perHouseholdFigures(threshold, area.area, count.households), stale);
  }

  if (rule.metric === 'resident_activity_share') {
    // Millionths are numbers whenever they can be (decimal.ts), so zero is always the number 0.
    if (area.area === 0) return insufficient(rule, 'no_indoor_area');
    return decided(prepared, householdBasis, count, activityShareFigures(threshold, area.area, area.activity), false);
  }

  // Absolute areas (indoor_area, outdoor_area).
  return decided(prepared, householdBasis, count, absoluteFigures(threshold, area.area), false);
}

export function evaluateCommunity(rules: Rule[], facts: CommunityFacts, options: EvaluationOptions): ComplianceRow {
  return communityEvaluator(rules, options)(facts);
}

/** evaluateCommunity for many communities: the rules are prepared once. */
export function communityEvaluator(rules: Rule[], options: EvaluationOptions): (facts: CommunityFacts) => ComplianceRow {
  const prepared = rules.filter((rule) => rule.scope === 'community').map(prepare);
  const staleBefore = monthsBefore(options.asOf, options.staleAfterMonths);
  return (facts) => {
    const chosen = facts[options.householdBasis];
    // Sized up front: an array grown by push keeps room for 16 results, and a national report
    // keeps 615,000 of these arrays.
    const results = new Array<RuleResult>(prepared.length);
    for (let i = 0; i < prepared.length; i++) results[i] = evaluatePrepared(prepared[i]!, facts, options, staleBefore);
    return {
      communityId: facts.communityId,
      code: facts.code,
      name: facts.name,
      kind: facts.kind,
      townCode: facts.townCode,
      townNameZh: facts.townNameZh,
      townNameEn: facts.townNameEn,
      households: chosen?.households ?? null,
      householdsAsOf: chosen?.asOf ?? null,
      registeredHouseholds: facts.registered?.households ?? null,
      residentHouseholds: facts.resident?.households ?? null,
      hasComprehensiveCentre: facts.hasComprehensiveCentre,
      indoorM2: millionthsToNumber(facts.indoorM2),
      outdoorM2: millionthsToNumber(facts.outdoorM2),
      results,
    };
  };
}

/** Aggregate rules (centre coverage) over a set of rows: the city, or one town. */
export function evaluateAggregates(rules: Rule[], rows: ComplianceRow[]): AggregateResult[] {
  return rules
    .filter((rule) => rule.scope === 'aggregate' && rule.metric === 'centre_coverage')
    .map((rule) => {
      const scope = rule.communityKind ? rows.filter((row) => row.kind === rule.communityKind) : rows;
      const meeting = scope.filter((row) => row.hasComprehensiveCentre).length;
      const threshold = parseDecimal(rule.threshold);
      if (scope.length === 0) return { rule: rule.code, value: null, threshold: Number(rule.threshold), status: 'insufficient_data', counted: 0, meeting: 0 };
      return {
        rule: rule.code,
        value: toNumber(divide(fromInteger(meeting * 100), fromInteger(scope.length))),
        threshold: Number(rule.threshold),
        status: fromInteger(meeting * 100) >= threshold * BigInt(scope.length) ? 'pass' : 'fail',
        counted: scope.length,
        meeting,
      };
    });
}

/** How many communities pass, fail or lack data on each community rule. */
export function tally(rules: Rule[], rows: ComplianceRow[]): RuleTally[] {
  return rules
    .filter((rule) => rule.scope === 'community')
    .map((rule, index) => {
      // One pass, counting: a national report tallies 615,000 rows per rule, and again per town.
      let pass = 0;
      let fail = 0;
      let insufficientData = 0;
      let stale = 0;
      for (const row of rows) {
        // A row's results are in the order of the community rules (communityEvaluator).
        const result = row.results[index]!;
        if (result.status === 'pass') pass++;
        else if (result.status === 'fail') fail++;
        else if (result.status === 'insufficient_data') insufficientData++;
        if (result.stale) stale++;
      }
      return {
        rule: rule.code,
        pass,
        fail,
        insufficientData,
        stale,
        passShare: rows.length === 0 ? null : Number(truncated(divide(fromInteger(pass * 100), fromInteger(rows.length)), 2)),
      };
    });
}
