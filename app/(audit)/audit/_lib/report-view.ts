import 'server-only';
import type { RequestContext } from '@/server/auth/context';
import { getComplianceReport, todayInShanghai } from '@/server/compliance/report';
import {
  defaultDirection,
  parseRuleSetParam,
  pickRule,
  reportViewSchema,
  ruleSetParam,
  selectRows,
  type SelectedRow,
  type SortDirection,
  type SortKey,
  type StatusFilter,
} from '@/server/compliance/report-views';
import { listRuleSets } from '@/server/compliance/rule-sets';
import { complianceQuerySchema } from '@/server/compliance/schemas';
import type { ComplianceReport, Rule, RuleSet } from '@/server/compliance/types';
import type { HouseholdBasis } from '@/db/schema/enums';
import { firstParam } from '@/server/search-params';

// The one place that turns a URL's search parameters into the report an auditor sees: the
// overview, the town page and the export route all go through loadReportView, so a file
// exported from a screen holds exactly that screen's rows.

export type SearchParams = Record<string, string | string[] | undefined>;

/** Rows shown before "show all". */
export const ROW_LIMIT = 50;

export interface ViewParams {
  /** The rule set as written in the URL: 'DG2012' (latest) or 'DG2012@1'. */
  ruleSet: string;
  asOf: string;
  basis: HouseholdBasis;
  town?: string;
  status?: StatusFilter;
  rule: string;
  sort: SortKey;
  dir: SortDirection;
  all: boolean;
}

export interface ReportView {
  params: ViewParams;
  /** Every version of every rule set, for the filter. */
  ruleSets: RuleSet[];
  latestVersions: Map<string, number>;
  ruleSet: RuleSet;
  /** The rule the map, charts and table are about (null for a set without community rules). */
  rule: Rule | null;
  report: ComplianceReport;
  /** Filtered by status and sorted: every row of the selection. */
  rows: SelectedRow[];
  /** What the table shows: the first ROW_LIMIT rows unless "show all". */
  shown: SelectedRow[];
  /** Message keys for parameters that were refused and replaced by their defaults. */
  problems: { key: string; namespace: 'validation' | 'errors' }[];
}

/**
 * Reads the filters (dropping any invalid one with a message, keeping the others), loads the
 * report and selects the rows. `fixed` pins parameters a route owns (the town page's town, the
 * community page's community).
 */
export async function loadReportView(ctx: RequestContext, raw: SearchParams, fixed: { town?: string; communityIds?: string[] } = {}): Promise<ReportView> {
  const problems: ReportView['problems'] = [];
  const ruleSets = await listRuleSets();
  const latestVersions = new Map<string, number>();
  for (const set of ruleSets) latestVersions.set(set.code, Math.max(set.version, latestVersions.get(set.code) ?? 0));

  const wanted = parseRuleSetParam(firstParam(raw.ruleSet));
  if (!wanted) problems.push({ key: 'rule_set_invalid', namespace: 'validation' });
  let ruleSet = wanted
    ? ruleSets.find((set) => set.code === wanted.code && set.version === (wanted.version ?? latestVersions.get(set.code)))
    : undefined;
  if (wanted && !ruleSet) problems.push({ key: 'rule_set_unknown', namespace: 'errors' });
  ruleSet ??= ruleSets.find((set) => set.code === 'DG2012' && set.version === latestVersions.get('DG2012')) ?? ruleSets[0];
  if (!ruleSet) throw new Error('No rule set in the database: run the seed.');

  // Each field on its own, so one bad parameter does not throw the others away.
  const candidate: Record<string, string | undefined> = {
    asOf: firstParam(raw.asOf),
    householdBasis: firstParam(raw.basis),
    town: fixed.town ?? firstParam(raw.town),
  };
  let query = complianceQuerySchema.safeParse({ ruleSet: ruleSet.code, ruleSetVersion: ruleSet.version, ...candidate });
  while (!query.success) {
    const field = query.error.issues[0]?.path[0];
    if (typeof field !== 'string' || !(field in candidate) || candidate[field] === undefined) throw query.error;
    problems.push({ key: query.error.issues[0]!.message, namespace: 'validation' });
    candidate[field] = undefined;
    query = complianceQuerySchema.safeParse({ ruleSet: ruleSet.code, ruleSetVersion: ruleSet.version, ...candidate });
  }

  const viewCandidate: Record<string, string | undefined> = { rule: firstParam(raw.rule), status: firstParam(raw.status), sort: firstParam(raw.sort), dir: firstParam(raw.dir), all: firstParam(raw.all) };
  let view = reportViewSchema.safeParse(viewCandidate);
  while (!view.success) {
    const field = view.error.issues[0]?.path[0];
    if (typeof field !== 'string' || viewCandidate[field] === undefined) throw view.error;
    problems.push({ key: 'invalid', namespace: 'validation' });
    viewCandidate[field] = undefined;
    view = reportViewSchema.safeParse(viewCandidate);
  }

  const asOf = query.data.asOf ?? todayInShanghai();
  const report = await getComplianceReport(ctx, { ...query.data, asOf, communityIds: fixed.communityIds });
  const rule = pickRule(ruleSet, view.data.rule);
  const params: ViewParams = {
    ruleSet: ruleSetParam(ruleSet, latestVersions.get(ruleSet.code)!),
    asOf,
    basis: query.data.householdBasis,
    town: query.data.town,
    status: view.data.status,
    rule: rule?.code ?? '',
    sort: view.data.sort,
    dir: view.data.dir ?? defaultDirection(view.data.sort),
    all: view.data.all === '1',
  };
  const rows = rule ? selectRows(report.rows, rule.code, { status: params.status, sort: params.sort, dir: params.dir }) : [];
  return { params, ruleSets, latestVersions, ruleSet, rule, report, rows, shown: params.all ? rows : rows.slice(0, ROW_LIMIT), problems };
}

/**
 * A link to `path` with the view's parameters, minus defaults, with `changes` applied
 * (undefined removes one). Links stay short and shareable.
 */
export function viewHref(path: string, params: Partial<ViewParams>, changes: Partial<Record<keyof ViewParams, string | boolean | undefined>> = {}): string {
  const merged: Record<string, string | boolean | undefined> = { ...params, ...changes };
  const search = new URLSearchParams();
  const put = (key: string, value: string | boolean | undefined, skip?: string) => {
    if (value === undefined || value === false || value === '' || value === skip) return;
    search.set(key, value === true ? '1' : value);
  };
  put('ruleSet', merged.ruleSet, 'DG2012');
  put('asOf', merged.asOf);
  put('basis', merged.basis, 'registered');
  put('town', merged.town);
  put('rule', merged.rule);
  put('status', merged.status);
  if (merged.sort && merged.sort !== 'gap') put('sort', merged.sort);
  if (merged.dir && merged.dir !== defaultDirection((merged.sort as SortKey) ?? 'gap')) put('dir', merged.dir);
  put('all', merged.all);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
