import type { CommunityKind, HouseholdBasis } from '@/db/schema/enums';
import type { AreaBasis, UseClass } from '@/db/schema/register';
import type { RuleMetric, Verification } from '@/db/schema/compliance';
import type { Millionths } from './decimal';

export type ComplianceStatus = 'pass' | 'fail' | 'insufficient_data';

/** Why a result is insufficient_data: keys under "compliance.reasons" in messages. */
export type InsufficientReason = 'no_household_count' | 'zero_households' | 'measured_on_other_basis' | 'no_indoor_area' | 'not_in_register';

export interface Rule {
  code: string;
  nameZh: string;
  nameEn: string;
  metric: RuleMetric;
  threshold: string;
  unit: 'm2_per_100_households' | 'm2' | 'percent' | 'per_10000_residents';
  scope: 'community' | 'aggregate';
  areaBasis: AreaBasis | null;
  /** Fixed by the rule, or null when the auditor chooses. */
  householdBasis: HouseholdBasis | null;
  useClasses: UseClass[];
  communityKind: CommunityKind | null;
  source: string;
  verification: Verification;
}

export interface RuleSet {
  id: string;
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  source: string;
  verification: Verification;
  notesZh: string;
  notesEn: string;
  createdAt: string;
  rules: Rule[];
}

export interface HouseholdCount {
  households: number;
  asOf: string;
}

/** What the database says about one community at the report date (one row of the facts query). */
export interface CommunityFacts {
  communityId: string;
  code: string;
  name: string;
  kind: CommunityKind;
  townCode: string;
  townNameZh: string;
  townNameEn: string;
  registered: HouseholdCount | null;
  resident: HouseholdCount | null;
  hasComprehensiveCentre: boolean;
  /** Eligible indoor building area and outdoor land area, shares applied, in millionths of a m². */
  indoorM2: Millionths;
  outdoorM2: Millionths;
  /** Per community rule code: the area it counts (millionths of a m²), and spaces measured only on another basis. */
  ruleAreas: Record<string, { area: Millionths; activity: Millionths; otherBasisSpaces: readonly string[] }>;
}

export interface RuleResult {
  rule: string;
  value: number | null;
  threshold: number;
  status: ComplianceStatus;
  stale: boolean;
  gapM2: number | null;
  reason: InsufficientReason | null;
  /** Spaces behind a measured_on_other_basis reason. */
  reasonDetail: readonly string[] | null;
  householdBasis: HouseholdBasis | null;
  areaBasis: AreaBasis | null;
  /** The household count used, for per-100-household rules. */
  households: number | null;
  householdsAsOf: string | null;
}

export interface ComplianceRow {
  communityId: string;
  code: string;
  name: string;
  kind: CommunityKind;
  townCode: string;
  townNameZh: string;
  townNameEn: string;
  /** Households on the report's household basis, and the date of that count. */
  households: number | null;
  householdsAsOf: string | null;
  registeredHouseholds: number | null;
  residentHouseholds: number | null;
  hasComprehensiveCentre: boolean;
  indoorM2: number;
  outdoorM2: number;
  results: RuleResult[];
}

export interface AggregateResult {
  rule: string;
  value: number | null;
  threshold: number;
  status: ComplianceStatus;
  /** Communities counted (the denominator) and those meeting the condition. */
  counted: number;
  meeting: number;
}

export interface RuleTally {
  rule: string;
  pass: number;
  fail: number;
  insufficientData: number;
  stale: number;
  /** Passing communities as a % of all in scope (truncated, 2 decimals). */
  passShare: number | null;
}

export interface TownRollup {
  townCode: string;
  townNameZh: string;
  townNameEn: string;
  communities: number;
  tallies: RuleTally[];
  aggregates: AggregateResult[];
}

export interface ComplianceReport {
  ruleSet: string;
  ruleSetVersion: number;
  asOf: string;
  householdBasis: HouseholdBasis;
  staleAfterMonths: number;
  rows: ComplianceRow[];
  aggregates: AggregateResult[];
  tallies: RuleTally[];
  towns: TownRollup[];
  /** Only when the query asked for a page (limit / offset): the rows are rows[offset, offset + limit) of `total`. */
  page?: { offset: number; limit: number; total: number };
}
