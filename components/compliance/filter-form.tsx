import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { townName } from '@/components/registry/town-name';
import { communityRules, ruleSetParam, STATUS_FILTERS } from '@/server/compliance/report-views';
import type { RuleSet } from '@/server/compliance/types';
import { localName } from './format';

export interface FilterValues {
  ruleSet: string;
  asOf: string;
  basis: 'registered' | 'resident';
  town?: string;
  status?: string;
  rule: string;
  sort?: string;
  dir?: string;
}

interface FilterFormProps {
  /** Where the form sends its GET request (the page itself). */
  action: string;
  values: FilterValues;
  ruleSets: RuleSet[];
  latestVersions: Map<string, number>;
  /** The rule set in force, whose community rules the rule filter offers. */
  ruleSet: RuleSet;
  /** Towns to choose from; omitted where the route fixes the town. */
  towns?: { code: string; nameZh: string; nameEn: string }[];
  /** Offer the status filter (lists only). */
  withStatus?: boolean;
  /** Offer the rule filter. */
  withRule?: boolean;
}

const labelClass = 'mb-1 block font-medium';

/**
 * The report's filters as a plain GET form: the URL it produces is the report, shareable and
 * working without JavaScript. The sort order rides along in hidden fields.
 */
export async function FilterForm({ action, values, ruleSets, latestVersions, ruleSet, towns, withStatus = true, withRule = true }: FilterFormProps) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  const rules = communityRules(ruleSet);
  return (
    <form method="get" action={action} aria-label={t('filtersLabel')} className="mb-6 rounded-lg border border-slate-300 bg-slate-50 p-4 print:hidden">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="filter-rule-set" className={labelClass}>
            {t('filterRuleSet')}
          </label>
          <select id="filter-rule-set" name="ruleSet" defaultValue={values.ruleSet} className={inputClass}>
            {ruleSets.map((set) => {
              const value = ruleSetParam(set, latestVersions.get(set.code)!);
              return (
                <option key={`${set.code}@${set.version}`} value={value}>
                  {t('ruleSetOption', { code: set.code, name: localName(set, locale), version: set.version, verification: tc(`verification.${set.verification}`) })}
                </option>
              );
            })}
          </select>
        </div>
        <div>
          <label htmlFor="filter-as-of" className={labelClass}>
            {t('filterAsOf')}
          </label>
          <input id="filter-as-of" name="asOf" type="date" min="1990-01-01" max="2100-12-31" defaultValue={values.asOf} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-basis" className={labelClass}>
            {t('filterBasis')}
          </label>
          <select id="filter-basis" name="basis" defaultValue={values.basis} className={inputClass}>
            <option value="registered">{tc('basisOption.registered')}</option>
            <option value="resident">{tc('basisOption.resident')}</option>
          </select>
        </div>
        {towns ? (
          <div>
            <label htmlFor="filter-town" className={labelClass}>
              {t('filterTown')}
            </label>
            <select id="filter-town" name="town" defaultValue={values.town ?? ''} className={inputClass}>
              <option value="">{t('allTowns')}</option>
              {towns.map((town) => (
                <option key={town.code} value={town.code}>
                  {townName(town, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {withRule && rules.length > 1 ? (
          <div>
            <label htmlFor="filter-rule" className={labelClass}>
              {t('filterRule')}
            </label>
            <select id="filter-rule" name="rule" defaultValue={values.rule} className={inputClass}>
              {rules.map((rule) => (
                <option key={rule.code} value={rule.code}>
                  {localName(rule, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="rule" value={values.rule} />
        )}
        {withStatus ? (
          <div>
            <label htmlFor="filter-status" className={labelClass}>
              {t('filterStatus')}
            </label>
            <select id="filter-status" name="status" defaultValue={values.status ?? ''} className={inputClass}>
              <option value="">{t('allStatuses')}</option>
              {STATUS_FILTERS.map((status) => (
                <option key={status} value={status}>
                  {tc(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          {t('apply')}
        </button>
        <Link href={action} className={buttonClass('secondary')}>
          {t('resetFilters')}
        </Link>
        <p className="text-sm text-muted">{withStatus ? t('filtersHint') : t('filtersHintShort')}</p>
      </div>
    </form>
  );
}
