import type { Rule, RuleResult } from '@/server/compliance/types';
import { ruleHouseholdBasis } from './format';

/** A translator of the "compliance" namespace (getTranslations('compliance')). */
export type ComplianceT = (key: string, values?: Record<string, string | number>) => string;

/**
 * The basis a figure rests on, in words: "户籍户数口径 · 建筑面积" / "registered households ·
 * building area". Every figure on these pages carries it.
 */
export function basisLine(t: ComplianceT, rule: Pick<Rule, 'metric' | 'householdBasis' | 'areaBasis'>, chosen: 'registered' | 'resident'): string {
  const households = ruleHouseholdBasis(rule, chosen);
  const parts = [households ? t(`basisOf.${households}`) : null, rule.areaBasis ? t(`areaBasis.${rule.areaBasis}`) : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : t('basisNone');
}

export function thresholdText(t: ComplianceT, rule: Pick<Rule, 'threshold' | 'unit'>): string {
  return t('atLeast', { threshold: Number(rule.threshold), unit: unitAfterNumber(t, rule.unit) });
}

/** Why a result is insufficient, in words (with the spaces measured on another basis). */
export function reasonText(t: ComplianceT, result: Pick<RuleResult, 'reason' | 'reasonDetail'>, listSeparator: string): string {
  if (!result.reason) return '';
  return t(`reasons.${result.reason}`, { spaces: (result.reasonDetail ?? []).join(listSeparator) });
}

export function statusText(t: ComplianceT, result: Pick<RuleResult, 'status'>): string {
  return t(`status.${result.status}`);
}

export function staleText(t: ComplianceT, result: Pick<RuleResult, 'stale'>): string {
  return result.stale ? t('status.stale') : '';
}

/** A unit as written after a number: "20 平方米/百户", but "50%". */
export function unitAfterNumber(t: ComplianceT, unit: string): string {
  return unit === 'percent' ? t('units.percent') : ` ${t(`units.${unit}`)}`;
}
