import { getLocale, getTranslations } from 'next-intl/server';
import type { HouseholdBasis } from '@/db/schema/enums';
import type { AggregateResult, RuleSet, RuleTally } from '@/server/compliance/types';
import { figure, integer, localName } from './format';
import { basisLine, thresholdText } from './labels';
import { StatusBadge } from './status-badge';

interface HeadlineProps {
  ruleSet: RuleSet;
  basis: HouseholdBasis;
  communities: number;
  tallies: RuleTally[];
  aggregates: AggregateResult[];
  /** The heading's id prefix, unique on the page. */
  id: string;
}

const card = 'rounded-lg border border-slate-300 bg-white p-4 break-inside-avoid';

/** The figures that answer "how is the city doing?": one card per rule, each with its basis. */
export async function Headline({ ruleSet, basis, communities, tallies, aggregates, id }: HeadlineProps) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8">
      <h2 id={`${id}-heading`} className="mb-3 text-xl font-bold">
        {t('headlineHeading')}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
        <li className={card}>
          <p className="text-sm text-muted">{t('communitiesCounted')}</p>
          <p className="text-3xl font-bold tabular-nums" data-figure="communities">
            {integer(communities, locale)}
          </p>
        </li>
        {tallies.map((tally) => {
          const rule = ruleSet.rules.find((r) => r.code === tally.rule);
          if (!rule) return null;
          return (
            <li key={tally.rule} className={card}>
              <p className="text-sm text-muted">{t('passShareOf', { rule: localName(rule, locale) })}</p>
              <p className="text-3xl font-bold tabular-nums" data-figure={`pass-share-${rule.code}`}>
                {tally.passShare === null ? '—' : `${figure(tally.passShare)}%`}
              </p>
              <p className="text-sm">
                {t('tallyLine', { pass: tally.pass, fail: tally.fail, insufficient: tally.insufficientData, stale: tally.stale })}
              </p>
              <p className="mt-1 text-xs text-muted">
                {thresholdText(tc, rule)} · {rule.metric === 'not_in_register' ? tc('reasons.not_in_register') : basisLine(tc, rule, basis)}
              </p>
            </li>
          );
        })}
        {aggregates.map((aggregate) => {
          const rule = ruleSet.rules.find((r) => r.code === aggregate.rule);
          if (!rule) return null;
          return (
            <li key={aggregate.rule} className={card}>
              <p className="text-sm text-muted">{localName(rule, locale)}</p>
              <p className="flex flex-wrap items-baseline gap-2">
                <span className="text-3xl font-bold tabular-nums" data-figure={`aggregate-${rule.code}`}>
                  {aggregate.value === null ? '—' : `${figure(aggregate.value)}%`}
                </span>
                <span className="text-sm">{t('versusThreshold', { threshold: thresholdText(tc, rule) })}</span>
                <StatusBadge status={aggregate.status} label={tc(`status.${aggregate.status}`)} />
              </p>
              <p className="text-sm">{t('coverageLine', { meeting: aggregate.meeting, counted: aggregate.counted })}</p>
              <p className="mt-1 text-xs text-muted">{rule.communityKind ? t('aggregateVillages') : t('aggregateAll')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
