import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/compliance/export-links';
import { FilterForm } from '@/components/compliance/filter-form';
import { localName } from '@/components/compliance/format';
import { Headline } from '@/components/compliance/headline';
import { basisLine, type ComplianceT } from '@/components/compliance/labels';
import { PrintHeader } from '@/components/compliance/print-header';
import { RuleSetPanel } from '@/components/compliance/rule-set-panel';
import { TownCommunitiesTable } from '@/components/compliance/town-communities-table';
import { townName } from '@/components/registry/town-name';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { communityRules, defaultDirection, type SortKey } from '@/server/compliance/report-views';
import { getTown } from '@/server/registry/queries';
import { townCodeSchema } from '@/server/registry/schemas';
import { loadReportView, viewHref, type SearchParams } from '../../_lib/report-view';

export async function generateMetadata({ params }: { params: Promise<{ townCode: string }> }) {
  const { townCode } = await params;
  const [t, locale, town] = await Promise.all([getTranslations('audit'), getLocale(), townCodeSchema.safeParse(townCode).success ? getTown(townCode) : null]);
  return { title: town ? t('townHeading', { town: townName(town, locale) }) : t('heading') };
}

export default async function AuditTownPage({ params, searchParams }: { params: Promise<{ townCode: string }>; searchParams: Promise<SearchParams> }) {
  const { townCode } = await params;
  const { ctx } = await requirePageRole(`/audit/towns/${townCode}`, 'auditor', 'admin');
  if (!townCodeSchema.safeParse(townCode).success) notFound();
  const town = await getTown(townCode);
  if (!town) notFound();
  const raw = await searchParams;
  const [view, t, tc, tAll, tKinds, locale] = await Promise.all([
    loadReportView(ctx, raw, { town: townCode }),
    getTranslations('audit'),
    getTranslations('compliance'),
    getTranslations(),
    getTranslations('kinds'),
    getLocale(),
  ]);
  const { params: p, report, ruleSet, rule } = view;
  const name = townName(town, locale);
  const path = `/audit/towns/${townCode}`;
  const own = { ...p, town: undefined };
  const ruleName = rule ? localName(rule, locale) : '';
  const ruleBasis = rule ? basisLine(tc as ComplianceT, rule, p.basis) : '';
  const sortHref = (key: SortKey) => viewHref(path, own, { sort: key, dir: key === p.sort ? (p.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(key) });
  const communityHref = (id: string) => viewHref(`/audit/communities/${id}`, { ruleSet: p.ruleSet, asOf: p.asOf, basis: p.basis, rule: p.rule });
  const exportHref = (format: 'csv' | 'xlsx') => `${viewHref('/audit/export', { ...p, all: true })}&view=town&format=${format}`;

  return (
    <div data-report>
      <PrintHeader ruleSet={`${ruleSet.code} v${ruleSet.version} · ${localName(ruleSet, locale)}`} asOf={p.asOf} basis={tc(`basisOf.${p.basis}`)} scope={name} />
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm print:hidden">
        <Link href={viewHref('/audit', own)} className="text-brand-700 underline">
          {t('heading')}
        </Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{name}</span>
      </nav>
      <PageHeader title={t('townHeading', { town: name })} intro={t('townIntro', { kind: tKinds(town.kind), code: town.code, count: report.rows.length })} />
      {view.problems.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{view.problems.map((problem) => tAll(`${problem.namespace}.${problem.key}`)).join(' ')}</Alert>
        </div>
      ) : null}
      <FilterForm
        action={path}
        values={{ ...own, sort: p.sort === 'gap' ? undefined : p.sort, dir: p.dir === defaultDirection(p.sort) ? undefined : p.dir }}
        ruleSets={view.ruleSets}
        latestVersions={view.latestVersions}
        ruleSet={ruleSet}
      />
      <RuleSetPanel ruleSet={ruleSet} basis={p.basis} asOf={p.asOf} staleAfterMonths={report.staleAfterMonths} />
      <Headline id="town-headline" ruleSet={ruleSet} basis={p.basis} communities={report.rows.length} tallies={report.tallies} aggregates={report.aggregates} />
      {rule ? (
        <section aria-labelledby="town-communities-heading" className="mb-8">
          <h2 id="town-communities-heading" className="text-xl font-bold">
            {t('townCommunitiesHeading', { town: name })}
          </h2>
          <p className="mb-1 text-sm text-muted">{t('figureBasis', { basis: ruleBasis, asOf: p.asOf, verification: tc(`verification.${rule.verification}`) })}</p>
          <p className="mb-3 text-sm" aria-live="polite">
            {t('townRowsSummary', { shown: view.rows.length, total: report.rows.length, rule: ruleName, status: p.status ? tc(`status.${p.status}`) : t('statusAny') })}
          </p>
          <div className="mb-3">
            <ExportLinks href={exportHref} count={view.rows.length} />
          </div>
          <TownCommunitiesTable
            rows={view.rows}
            rules={communityRules(ruleSet)}
            selectedRule={rule.code}
            basis={p.basis}
            sort={p.sort}
            dir={p.dir}
            sortHref={sortHref}
            communityHref={communityHref}
            caption={t('townTableLabel', { town: name, basis: tc(`basisOf.${p.basis}`), asOf: p.asOf })}
          />
        </section>
      ) : (
        <p className="rounded-md bg-slate-50 p-4">{t('noCommunityRules')}</p>
      )}
    </div>
  );
}
