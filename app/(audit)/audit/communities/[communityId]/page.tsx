import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ParticipationTable } from '@/components/activities/participation-table';
import { FilterForm } from '@/components/compliance/filter-form';
import { localName } from '@/components/compliance/format';
import { PrintHeader } from '@/components/compliance/print-header';
import { RuleSetPanel } from '@/components/compliance/rule-set-panel';
import { townName } from '@/components/registry/town-name';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { monthsBefore, participationReport } from '@/server/activities/queries';
import { requirePageRole } from '@/server/auth/session';
import { communityRules, defaultDirection } from '@/server/compliance/report-views';
import { isAppError } from '@/server/errors';
import { getCommunityEvidence, type CommunityEvidence } from '@/server/registry/facility-queries';
import { loadReportView, viewHref, type SearchParams } from '../../_lib/report-view';
import { BasisComparison } from './_components/basis-comparison';
import { BasisSwitch } from './_components/basis-switch';
import { HouseholdHistory, MeasurementHistory } from './_components/history';
import { RuleEvidence } from './_components/rule-evidence';

const idSchema = z.uuid();

async function evidenceOrNotFound(ctx: Parameters<typeof getCommunityEvidence>[0], communityId: string): Promise<CommunityEvidence> {
  try {
    return await getCommunityEvidence(ctx, communityId);
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}

export default async function AuditCommunityPage({ params, searchParams }: { params: Promise<{ communityId: string }>; searchParams: Promise<SearchParams> }) {
  const { communityId } = await params;
  const { ctx } = await requirePageRole(`/audit/communities/${communityId}`, 'auditor', 'admin');
  if (!idSchema.safeParse(communityId).success) notFound();
  const evidence = await evidenceOrNotFound(ctx, communityId);
  const raw = await searchParams;
  const town = evidence.community.townCode;
  // Only this community is evaluated, on both bases.
  const fixed = { town, communityIds: [communityId] };
  const [view, t, tc, tAll, tKinds, locale] = await Promise.all([
    loadReportView(ctx, raw, fixed),
    getTranslations('audit'),
    getTranslations('compliance'),
    getTranslations(),
    getTranslations('kinds'),
    getLocale(),
  ]);
  const { params: p, ruleSet } = view;
  const other = await loadReportView(ctx, { ...raw, basis: p.basis === 'registered' ? 'resident' : 'registered' }, fixed);
  const rowOf = (source: typeof view) => source.report.rows.find((r) => r.communityId === communityId) ?? null;
  const row = rowOf(view);
  const byBasis = p.basis === 'registered' ? { registered: row, resident: rowOf(other) } : { registered: rowOf(other), resident: row };
  const { community } = evidence;
  const townLabel = townName({ nameZh: community.townNameZh, nameEn: community.townNameEn }, locale);
  const path = `/audit/communities/${communityId}`;
  const own = { ruleSet: p.ruleSet, asOf: p.asOf, basis: p.basis, rule: p.rule };
  const rules = communityRules(ruleSet);
  const aggregates = ruleSet.rules.filter((rule) => rule.scope === 'aggregate');
  // Activity participation over the twelve months up to the report date: counts only, no people.
  const participationTo = p.asOf.slice(0, 7);
  const participationFrom = monthsBefore(participationTo, 11);
  const participation = await participationReport([communityId], participationFrom, participationTo);

  return (
    <div data-report>
      <PrintHeader ruleSet={`${ruleSet.code} v${ruleSet.version} · ${localName(ruleSet, locale)}`} asOf={p.asOf} basis={tc(`basisOf.${p.basis}`)} scope={`${townLabel} ${community.name}`} />
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm print:hidden">
        <Link href={viewHref('/audit', own)} className="text-brand-700 underline">
          {t('heading')}
        </Link>
        <span aria-hidden="true"> › </span>
        <Link href={viewHref(`/audit/towns/${town}`, own)} className="text-brand-700 underline">
          {townLabel}
        </Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{community.name}</span>
      </nav>
      <PageHeader title={community.name} intro={t('communityIntro', { town: townLabel, kind: tKinds(community.kind), code: community.code })} />
      {view.problems.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{view.problems.map((problem) => tAll(`${problem.namespace}.${problem.key}`)).join(' ')}</Alert>
        </div>
      ) : null}
      <FilterForm
        action={path}
        values={{ ...own, sort: undefined, dir: p.dir === defaultDirection(p.sort) ? undefined : p.dir }}
        ruleSets={view.ruleSets}
        latestVersions={view.latestVersions}
        ruleSet={ruleSet}
        withStatus={false}
        withRule={false}
      />
      <BasisSwitch current={p.basis} hrefFor={(basis) => viewHref(path, { ...own, basis })} />
      <RuleSetPanel ruleSet={ruleSet} basis={p.basis} asOf={p.asOf} staleAfterMonths={view.report.staleAfterMonths} />

      <BasisComparison rules={rules} registered={byBasis.registered} resident={byBasis.resident} current={p.basis} />

      {row ? (
        <>
          {rules.map((rule) => (
            <RuleEvidence key={rule.code} rule={rule} row={row} evidence={evidence} asOf={p.asOf} basis={p.basis} staleAfterMonths={view.report.staleAfterMonths} />
          ))}
          {aggregates.length > 0 ? (
            <section aria-labelledby="centre-heading" className="mb-8 break-inside-avoid">
              <h2 id="centre-heading" className="text-xl font-bold">
                {t('centreHeading')}
              </h2>
              <p>{row.hasComprehensiveCentre ? t('hasCentre', { asOf: p.asOf }) : t('hasNoCentre', { asOf: p.asOf })}</p>
              <p className="text-sm text-muted">{t('centreCountsFor', { rules: aggregates.map((rule) => localName(rule, locale)).join(locale === 'en' ? '; ' : '；') })}</p>
            </section>
          ) : null}
        </>
      ) : (
        <p className="mb-8 rounded-md bg-slate-50 p-4">{t('noRow')}</p>
      )}

      <section aria-labelledby="history-heading" className="mb-8">
        <h2 id="history-heading" className="text-xl font-bold">
          {t('historyHeading')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('historyIntro')}</p>
        <HouseholdHistory counts={evidence.householdCounts} asOf={p.asOf} />
        <MeasurementHistory evidence={evidence} asOf={p.asOf} />
      </section>

      <section aria-labelledby="participation-heading" className="mb-8 break-inside-avoid">
        <h2 id="participation-heading" className="text-xl font-bold">
          {t('participationHeading')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('participationIntro', { from: participationFrom, to: participationTo })}</p>
        <ParticipationTable rows={participation} showCommunity={false} />
      </section>
    </div>
  );
}
