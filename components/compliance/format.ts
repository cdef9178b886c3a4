import { groupThousands, truncate2 } from '@/server/compliance/report-views';
import type { Rule } from '@/server/compliance/types';

/** A figure on screen: truncated to 2 decimals (never rounded), thousands grouped; '—' when missing. */
export function figure(value: number | null | undefined): string {
  return groupThousands(truncate2(value)) ?? '—';
}

/** A figure in a file: truncated to 2 decimals, no grouping; empty when missing. */
export function plainFigure(value: number | null | undefined): string {
  return truncate2(value) ?? '';
}

export function integer(value: number | null | undefined, locale: string): string {
  return value == null ? '—' : new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN').format(value);
}

export function localName(item: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === 'en' ? item.nameEn : item.nameZh;
}

/** Whether a rule counts per 100 households (and so depends on the household basis). */
export function perHousehold(rule: Pick<Rule, 'metric'>): boolean {
  return rule.metric === 'indoor_area_per_100_households' || rule.metric === 'outdoor_area_per_100_households';
}

/** The household basis a rule uses in a report: its own fixed one, or the auditor's choice. */
export function ruleHouseholdBasis(rule: Pick<Rule, 'metric' | 'householdBasis'>, chosen: 'registered' | 'resident') {
  return perHousehold(rule) ? (rule.householdBasis ?? chosen) : null;
}
