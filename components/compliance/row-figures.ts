import { localName, plainFigure } from './format';
import { reasonText, staleText, statusText, type ComplianceT } from './labels';
import { townName } from '@/components/registry/town-name';
import type { SelectedRow } from '@/server/compliance/report-views';
import type { Rule, RuleSet } from '@/server/compliance/types';

// One row of the "worst gaps first" list as text: the export writes these cells, and the page
// shows the same values (with thousands grouped), so a file always matches its screen.

export interface RowFigures {
  code: string;
  community: string;
  town: string;
  rule: string;
  status: string;
  stale: string;
  /** Truncated to 2 decimals, '' when missing. */
  value: string;
  threshold: string;
  gap: string;
  households: number | null;
  householdBasis: string;
  householdsAsOf: string;
  areaBasis: string;
  reason: string;
  ruleSet: string;
  verification: string;
}

export interface FigureContext {
  tc: ComplianceT;
  locale: string;
  rule: Rule;
  ruleSet: RuleSet;
}

export function rowFigures({ row, result }: SelectedRow, { tc, locale, rule, ruleSet }: FigureContext): RowFigures {
  return {
    code: row.code,
    community: row.name,
    town: townName({ nameZh: row.townNameZh, nameEn: row.townNameEn }, locale),
    rule: `${rule.code} ${localName(rule, locale)}`,
    status: statusText(tc, result),
    stale: staleText(tc, result),
    value: plainFigure(result.value),
    threshold: plainFigure(result.threshold),
    gap: plainFigure(result.gapM2),
    households: result.households,
    householdBasis: result.householdBasis ? tc(`householdBasis.${result.householdBasis}`) : '',
    householdsAsOf: result.householdsAsOf ?? '',
    areaBasis: result.areaBasis ? tc(`areaBasis.${result.areaBasis}`) : '',
    reason: reasonText(tc, result, locale === 'en' ? ', ' : '、'),
    ruleSet: `${ruleSet.code} v${ruleSet.version}`,
    verification: tc(`verification.${rule.verification}`),
  };
}

export const EXPORT_COLUMNS = [
  'code',
  'community',
  'town',
  'rule',
  'status',
  'stale',
  'value',
  'threshold',
  'gap',
  'households',
  'householdBasis',
  'householdsAsOf',
  'areaBasis',
  'reason',
  'ruleSet',
  'verification',
] as const satisfies readonly (keyof RowFigures)[];

/** One community of a town's table: its households and every community rule's figures. */
export interface TownRowFigures {
  code: string;
  community: string;
  kind: string;
  households: number | null;
  householdBasis: string;
  householdsAsOf: string;
  results: { rule: string; status: string; stale: string; value: string; threshold: string; gap: string; reason: string }[];
  centre: string;
}

export function townRowFigures(row: SelectedRow['row'], rules: Rule[], { tc, locale, basis, yes, no, kind }: { tc: ComplianceT; locale: string; basis: 'registered' | 'resident'; yes: string; no: string; kind: string }): TownRowFigures {
  return {
    code: row.code,
    community: row.name,
    kind,
    households: row.households,
    householdBasis: tc(`householdBasis.${basis}`),
    householdsAsOf: row.householdsAsOf ?? '',
    results: rules.map((rule) => {
      const result = row.results.find((r) => r.rule === rule.code);
      return {
        rule: rule.code,
        status: result ? statusText(tc, result) : '',
        stale: result ? staleText(tc, result) : '',
        value: plainFigure(result?.value),
        threshold: plainFigure(result?.threshold),
        gap: plainFigure(result?.gapM2),
        reason: result ? reasonText(tc, result, locale === 'en' ? ', ' : '、') : '',
      };
    }),
    centre: row.hasComprehensiveCentre ? yes : no,
  };
}
