import { z } from 'zod';
import type { HouseholdBasis } from '@/db/schema/enums';
import type { AreaBasis, UseClass } from '@/db/schema/register';
import type { CommunityEvidence } from '@/server/registry/facility-queries';
import { parseDecimal, SCALE, truncated, type Decimal } from './decimal';
import type { ComplianceReport, ComplianceRow, Rule, RuleResult, RuleSet } from './types';

// Read-only views over a compliance report: which rows a screen (and its export) shows, in what
// order, and the figures its charts draw. Pure functions, so the page and the export route
// cannot disagree about a row.

// ---------------------------------------------------------------------------------------------
// Numbers as people read them.

/**
 * A JSON figure as text with `places` decimals, cut (never rounded): 19.999 → '19.99'. The
 * report's numbers are already exact to 4 decimals, so working on their decimal text is exact.
 */
export function truncate2(value: number | null | undefined, places = 2): string | null {
  if (value == null || !Number.isFinite(value)) return null;
  const magnitude = Math.abs(value);
  // Below 1e-6 JavaScript writes an exponent; such a value has no digit in the first places.
  const text = truncated(parseDecimal(magnitude < 1e-6 ? '0' : String(magnitude)), places);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** '12345.67' → '12,345.67' (the digits untouched). */
export function groupThousands(text: string | null): string | null {
  if (text == null) return null;
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// What the auditor asked to see.

export const STATUS_FILTERS = ['pass', 'fail', 'insufficient_data', 'stale'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const SORT_KEYS = ['gap', 'value', 'name', 'town', 'households', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The screen's own options, beside complianceQuerySchema's (rule set, date, basis, town). */
export const reportViewSchema = z.object({
  rule: z
    .string()
    .regex(/^[A-Z0-9-]{2,40}$/, 'invalid')
    .optional(),
  status: z.enum(STATUS_FILTERS, 'invalid').optional(),
  sort: z.enum(SORT_KEYS, 'invalid').default('gap'),
  dir: z.enum(['asc', 'desc'], 'invalid').optional(),
  all: z.enum(['1'], 'invalid').optional(),
});
export type ReportViewInput = z.infer<typeof reportViewSchema>;

/** '?ruleSet=DG2012' is the latest version; 'DG2012@1' names one. */
export function parseRuleSetParam(value: string | undefined): { code: string; version?: number } | null {
  if (!value) return { code: 'DG2012' };
  const match = /^([A-Z0-9]{2,20})(?:@(\d{1,4}))?$/.exec(value);
  if (!match) return null;
  return { code: match[1]!, version: match[2] ? Number(match[2]) : undefined };
}

export function ruleSetParam(set: Pick<RuleSet, 'code' | 'version'>, latestVersion: number): string {
  return set.version === latestVersion ? set.code : `${set.code}@${set.version}`;
}

export function communityRules(ruleSet: Pick<RuleSet, 'rules'>): Rule[] {
  return ruleSet.rules.filter((rule) => rule.scope === 'community');
}

/** The rule a view is about: the one asked for if the set has it, else the set's first community rule. */
export function pickRule(ruleSet: Pick<RuleSet, 'rules'>, code: string | undefined): Rule | null {
  const rules = communityRules(ruleSet);
  return rules.find((rule) => rule.code === code) ?? rules[0] ?? null;
}

/** Newest first: default direction of each sort key (worst first where that means anything). */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === 'gap' || sort === 'households' ? 'desc' : 'asc';
}

// ---------------------------------------------------------------------------------------------
// Rows.

export interface SelectedRow {
  row: ComplianceRow;
  result: RuleResult;
}

const STATUS_ORDER = { fail: 0, insufficient_data: 1, pass: 2 } as const;

function matches(result: RuleResult, status: StatusFilter | undefined) {
  if (!status) return true;
  if (status === 'stale') return result.stale;
  return result.status === status;
}

/**
 * The rows of one rule, filtered by status and sorted. Missing figures (null gap, value or
 * households) sort last whichever the direction; ties fall back to the statistical code.
 */
export function selectRows(rows: ComplianceRow[], ruleCode: string, options: { status?: StatusFilter; sort: SortKey; dir: SortDirection }, locale = 'zh-CN'): SelectedRow[] {
  const selected = rows.flatMap((row) => {
    const result = row.results.find((r) => r.rule === ruleCode);
    return result && matches(result, options.status) ? [{ row, result }] : [];
  });
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN');
  const sign = options.dir === 'asc' ? 1 : -1;
  const key = (item: SelectedRow): number | string | null => {
    switch (options.sort) {
      case 'gap':
        return item.result.gapM2;
      case 'value':
        return item.result.value;
      case 'households':
        return item.result.households;
      case 'status':
        return STATUS_ORDER[item.result.status] * 2 + (item.result.stale ? 0 : 1);
      case 'name':
        return item.row.name;
      case 'town':
        return locale === 'en' ? item.row.townNameEn : item.row.townCode;
    }
  };
  return selected.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      const order = typeof ka === 'string' ? collator.compare(ka, kb as string) : ka - (kb as number);
      if (order !== 0) return order * sign;
    }
    return a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Figures for the charts.

export interface TownShare {
  townCode: string;
  townNameZh: string;
  townNameEn: string;
  communities: number;
  pass: number;
  fail: number;
  insufficientData: number;
  stale: number;
  /** Passing communities as a % of the town's (truncated, 2 decimals), null for an empty town. */
  passShare: number | null;
}

/** Each town's tally for one rule, lowest passing share first (the worst town leads). */
export function townShares(report: Pick<ComplianceReport, 'towns'>, ruleCode: string): TownShare[] {
  return report.towns
    .map((town) => {
      const tally = town.tallies.find((t) => t.rule === ruleCode);
      return {
        townCode: town.townCode,
        townNameZh: town.townNameZh,
        townNameEn: town.townNameEn,
        communities: town.communities,
        pass: tally?.pass ?? 0,
        fail: tally?.fail ?? 0,
        insufficientData: tally?.insufficientData ?? 0,
        stale: tally?.stale ?? 0,
        passShare: tally?.passShare ?? null,
      };
    })
    .sort((a, b) => (a.passShare ?? 101) - (b.passShare ?? 101) || a.townCode.localeCompare(b.townCode));
}

export interface HistogramBin {
  from: number;
  /** Exclusive upper edge; null for the last, open bin ("≥ from"). */
  to: number | null;
  count: number;
  /** The whole bin lies below the threshold. */
  below: boolean;
}

/**
 * Counts of values per bin. Bins are a quarter of the threshold wide, so the threshold is an
 * edge, up to four times the threshold; the last bin is open. Percentages stop at 100.
 */
export function histogram(results: RuleResult[], rule: Pick<Rule, 'threshold' | 'unit'>): { bins: HistogramBin[]; binWidth: number; withoutValue: number } {
  const threshold = Number(rule.threshold);
  const percent = rule.unit === 'percent';
  const binWidth = percent ? 10 : threshold > 0 ? threshold / 4 : 1;
  const count = percent ? 10 : 16;
  const bins: HistogramBin[] = Array.from({ length: count + (percent ? 0 : 1) }, (_, i) => {
    const from = i * binWidth;
    const open = !percent && i === count;
    return { from, to: open ? null : from + binWidth, count: 0, below: !open && from + binWidth <= threshold };
  });
  let withoutValue = 0;
  for (const result of results) {
    if (result.value === null) {
      withoutValue++;
      continue;
    }
    const index = Math.min(Math.floor(result.value / binWidth), bins.length - 1);
    bins[Math.max(0, index)]!.count++;
  }
  return { bins, binWidth, withoutValue };
}

// ---------------------------------------------------------------------------------------------
// The tile map's layout (db/seed/dongguan-town-grid.csv: code,name_zh,row,col,lat,lon).

export interface GridTile {
  code: string;
  nameZh: string;
  row: number;
  col: number;
}

export const GRID_ROWS = 7;
export const GRID_COLS = 10;

export function parseTownGrid(csv: string): GridTile[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (!header?.startsWith('code,name_zh,row,col')) throw new Error(`Unexpected town grid header: ${header}`);
  const tiles = lines.map((line) => {
    const [code, nameZh, row, col] = line.split(',');
    return { code: code!, nameZh: nameZh!, row: Number(row), col: Number(col) };
  });
  // 松山湖 (Songshan Lake) has no tile in the published grid: its land lies between 寮步 (2,4),
  // 东坑 (2,6), 茶山 (1,5) and 大朗 (3,5), and the cell they surround, (2,5), is free.
  if (!tiles.some((tile) => tile.code === '441900401') && !tiles.some((tile) => tile.row === 2 && tile.col === 5)) {
    tiles.push({ code: '441900401', nameZh: '松山湖', row: 2, col: 5 });
  }
  return tiles;
}

// ---------------------------------------------------------------------------------------------
// The evidence behind one community's figure.

export type ExclusionReason =
  | 'facility_not_open'
  | 'no_valid_share'
  | 'retired'
  | 'other_setting'
  | 'use_class'
  | 'other_basis_only'
  | 'not_measured';

type EvidenceFacility = CommunityEvidence['facilities'][number];
type EvidenceSpace = EvidenceFacility['spaces'][number];
type EvidenceMeasurement = EvidenceSpace['measurements'][number];

export interface CountedSpace {
  facility: EvidenceFacility;
  space: EvidenceSpace;
  measurement: EvidenceMeasurement;
  /** The community's share of the facility, in %. */
  percent: number;
  /** Area × share, exact (40% of 47.28 is '18.912'). */
  countedM2: string;
}

export interface ExcludedSpace {
  facility: EvidenceFacility;
  space: EvidenceSpace;
  reason: ExclusionReason;
  /** Latest measurement at the date on any basis, when there is one. */
  measurement: EvidenceMeasurement | null;
}

export interface RuleExplanation {
  counted: CountedSpace[];
  excluded: ExcludedSpace[];
  /**
   * Sum of the counted areas, exact: a hand calculation from these figures gives the report's
   * value (shares make sums like 459.7324 m², which 2 decimals would not reproduce).
   */
  totalM2: string;
  /** Part of it in residents' activity rooms (for the activity-share rule), exact. */
  activityM2: string;
}

/** A decimal with every digit it has, at least 2 decimals: 18.912000 → '18.912', 86.5 → '86.50'. */
export function exactText(value: Decimal): string {
  return truncated(value, 6).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** The latest measurement on `basis` dated on or before `asOf` (as the report picks it). */
export function measurementAt(space: EvidenceSpace, basis: AreaBasis | null, asOf: string): EvidenceMeasurement | null {
  const candidates = space.measurements
    .filter((m) => m.measuredOn <= asOf && (basis === null || m.basis === basis))
    .sort((a, b) => (a.measuredOn === b.measuredOn ? b.createdAt.localeCompare(a.createdAt) : b.measuredOn.localeCompare(a.measuredOn)));
  return candidates[0] ?? null;
}

/** The community's share (%) of a facility at the date, or null when the facility does not serve it then. */
export function shareAt(facility: EvidenceFacility, communityId: string, asOf: string): number | null {
  const valid = facility.shares.filter((s) => s.validFrom <= asOf && (s.validTo === null || s.validTo >= asOf));
  if (valid.length === 0) return facility.hostedHere ? 100 : null;
  const mine = valid.filter((s) => s.communityId === communityId);
  return mine.length === 0 ? null : mine.reduce((sum, s) => sum + s.percent, 0);
}

function isOpen(facility: EvidenceFacility, asOf: string) {
  return (facility.openedOn === null || facility.openedOn <= asOf) && (facility.closedOn === null || facility.closedOn > asOf);
}

/**
 * Which spaces a per-area rule counts for a community at a date, and why the others do not:
 * the same definitions as the report's facts query (docs/decisions), spelt out space by space.
 */
export function explainRule(evidence: Pick<CommunityEvidence, 'community' | 'facilities'>, rule: Rule, asOf: string): RuleExplanation {
  const setting = rule.metric.startsWith('outdoor') ? 'outdoor' : 'indoor';
  const counted: CountedSpace[] = [];
  const excluded: ExcludedSpace[] = [];
  let total: Decimal = 0n;
  let activity: Decimal = 0n;
  for (const facility of evidence.facilities) {
    const open = isOpen(facility, asOf);
    const percent = open ? shareAt(facility, evidence.community.id, asOf) : null;
    for (const space of facility.spaces) {
      const anyMeasurement = measurementAt(space, null, asOf);
      const exclude = (reason: ExclusionReason) => excluded.push({ facility, space, reason, measurement: anyMeasurement });
      if (!open) exclude('facility_not_open');
      else if (percent === null) exclude('no_valid_share');
      else if (space.retiredOn !== null && space.retiredOn <= asOf) exclude('retired');
      else if (space.setting !== setting) exclude('other_setting');
      else if (!rule.useClasses.includes(space.useClass as UseClass)) exclude('use_class');
      else {
        const measurement = measurementAt(space, rule.areaBasis, asOf);
        if (measurement) {
          // area (2 decimals) × percent (2 decimals) / 100: exact in millionths.
          const share = (parseDecimal(String(measurement.areaM2)) * parseDecimal(String(percent))) / (100n * SCALE);
          total += share;
          if (space.useClass === 'resident_activity') activity += share;
          counted.push({ facility, space, measurement, percent, countedM2: exactText(share) });
        } else exclude(anyMeasurement ? 'other_basis_only' : 'not_measured');
      }
    }
  }
  return { counted, excluded, totalM2: exactText(total), activityM2: exactText(activity) };
}

/** The household count a result used: the latest on its basis dated on or before the date. */
export function householdCountAt(counts: CommunityEvidence['householdCounts'], basis: HouseholdBasis | null, asOf: string) {
  if (!basis) return null;
  return (
    counts
      .filter((c) => c.basis === basis && c.asOf <= asOf)
      .sort((a, b) => (a.asOf === b.asOf ? b.createdAt.localeCompare(a.createdAt) : b.asOf.localeCompare(a.asOf)))[0] ?? null
  );
}
