import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { townName } from '@/components/registry/town-name';
import { currentAreas } from '@/components/register/current-areas';
import { todayInShanghai } from '@/components/register/dates';
import { Disclosure } from '@/components/register/disclosure';
import { formatArea, formatCount, formatRecordedAt } from '@/components/register/format';
import { hoursRuns } from '@/components/register/opening-hours';
import { HOUSEHOLD_BASES } from '@/components/register/options';
import { stacked } from '@/components/register/stacked-table';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import type { CommunityEvidence } from '@/server/registry/facility-queries';
import { listCommunityChoices } from '@/server/registry/queries';
import { evidenceOrNotFound } from '../../_lib/evidence';
import { FacilityEditForm } from './_components/facility-edit-form';
import { FacilityForm } from './_components/facility-form';
import { HouseholdCountForm } from './_components/household-count-form';
import { ShareForm } from './_components/share-form';
import { SpaceCreateForm } from './_components/space-create-form';

type Params = { params: Promise<{ communityId: string }> };
type Facility = CommunityEvidence['facilities'][number];
type Space = Facility['spaces'][number];

/** Counts shown before the rest of the history is folded away (a phone shows each as a card). */
const RECENT_COUNTS = 6;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('register');
  return { title: t('communityTitle') };
}

export default async function CommunityRegisterPage({ params }: Params) {
  const { communityId } = await params;
  const { ctx } = await requirePageRole(`/staff/communities/${communityId}`, 'staff', 'admin');
  const evidence = await evidenceOrNotFound(ctx, communityId);
  const [t, tKinds, locale, choices] = await Promise.all([getTranslations('register'), getTranslations('kinds'), getLocale(), listCommunityChoices()]);
  const today = todayInShanghai();
  const { community } = evidence;
  const towns = choices.map((town) => ({ code: town.code, name: townName(town, locale), communities: town.communities.filter((c) => c.id !== community.id) }));
  const communityNames = new Map(choices.flatMap((town) => town.communities.map((c) => [c.id, c.name] as const)));
  const hosted = evidence.facilities.filter((facility) => facility.hostedHere);
  const sharedIn = evidence.facilities.filter((facility) => !facility.hostedHere);

  return (
    <div className="space-y-10">
      <div>
        <Breadcrumb label={t('breadcrumb')} trail={[{ href: '/staff', label: t('myCommunities') }]} current={community.name} />
        <PageHeader
          title={community.name}
          intro={t('communityIntro', { town: townName({ nameZh: community.townNameZh, nameEn: community.townNameEn }, locale), kind: tKinds(community.kind), code: community.code })}
        >
          <div className="flex flex-wrap gap-2">
            <a href="#households" className={buttonClass('secondary')}>
              {t('households.heading')}
            </a>
            <a href="#facilities" className={buttonClass('secondary')}>
              {t('facilities.heading')}
            </a>
            <Link href="/staff/import" className={buttonClass('secondary')}>
              {t('import.link')}
            </Link>
          </div>
        </PageHeader>
      </div>

      <section aria-labelledby="households" className="space-y-4">
        <h2 id="households" className="scroll-mt-4 text-xl font-bold">
          {t('households.heading')}
        </h2>
        <p className="max-w-3xl text-muted">{t('households.intro')}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {HOUSEHOLD_BASES.map((basis) => {
            const latest = evidence.householdCounts.find((count) => count.basis === basis && count.asOf <= today);
            return (
              <div key={basis} className="rounded-md border border-slate-300 p-4">
                <p className="text-sm font-medium text-muted">{t('households.latest', { basis: t(`householdBases.${basis}`) })}</p>
                {latest ? (
                  <>
                    <p className="text-2xl font-bold">{t('households.value', { count: formatCount(latest.households, locale) })}</p>
                    <p className="text-sm text-muted">{t('households.asOfSource', { date: latest.asOf, source: latest.source })}</p>
                  </>
                ) : (
                  <p className="font-medium">{t('households.none')}</p>
                )}
              </div>
            );
          })}
        </div>
        <Disclosure summary={t('countForm.heading')}>
          <p className="mb-4 text-sm text-muted">{t('countForm.intro')}</p>
          <HouseholdCountForm communityId={community.id} today={today} />
        </Disclosure>
        <h3 id="count-history" className="text-lg font-bold">
          {t('households.history')}
        </h3>
        {evidence.householdCounts.length === 0 ? (
          <p className="rounded-md bg-slate-50 p-4">{t('households.empty')}</p>
        ) : (
          <div role="region" aria-labelledby="count-history" className="space-y-3">
            <CountTable counts={evidence.householdCounts.slice(0, RECENT_COUNTS)} locale={locale} />
            {evidence.householdCounts.length > RECENT_COUNTS ? (
              <Disclosure summary={t('households.earlier', { count: evidence.householdCounts.length - RECENT_COUNTS })}>
                <CountTable counts={evidence.householdCounts.slice(RECENT_COUNTS)} locale={locale} />
              </Disclosure>
            ) : null}
          </div>
        )}
      </section>

      <section aria-labelledby="facilities" className="space-y-4">
        <h2 id="facilities" className="scroll-mt-4 text-xl font-bold">
          {t('facilities.heading')}
        </h2>
        <p className="max-w-3xl text-muted">{t('facilities.intro')}</p>
        <Disclosure summary={t('facilityForm.heading')}>
          <FacilityForm communityId={community.id} />
        </Disclosure>
        {hosted.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('facilities.empty')}</p> : null}
        {hosted.map((facility) => (
          <FacilityCard key={facility.id} facility={facility} communityId={community.id} communityNames={communityNames} locale={locale} today={today}>
            <div className="grid gap-3 lg:grid-cols-2">
              <Disclosure summary={t('spaceForm.addHeading', { facility: facility.name })}>
                <SpaceCreateForm facilityId={facility.id} facilityName={facility.name} />
              </Disclosure>
              <Disclosure summary={t('shareForm.heading', { facility: facility.name })}>
                <p className="mb-4 text-sm text-muted">{t('shareForm.intro')}</p>
                <ShareForm facilityId={facility.id} facilityName={facility.name} towns={towns} today={today} />
              </Disclosure>
              <Disclosure summary={t('facilityForm.editHeading', { facility: facility.name })}>
                <FacilityEditForm
                  facilityId={facility.id}
                  defaults={{ name: facility.name, kind: facility.kind, address: facility.address, openedOn: facility.openedOn }}
                  closedOn={facility.closedOn}
                />
              </Disclosure>
            </div>
          </FacilityCard>
        ))}
        {sharedIn.length > 0 ? (
          <>
            <h3 className="text-lg font-bold">{t('facilities.sharedInHeading')}</h3>
            <p className="max-w-3xl text-muted">{t('facilities.sharedInIntro')}</p>
            {sharedIn.map((facility) => (
              <FacilityCard key={facility.id} facility={facility} communityId={community.id} communityNames={communityNames} locale={locale} today={today} />
            ))}
          </>
        ) : null}
      </section>
    </div>
  );
}

async function FacilityCard({
  facility,
  communityId,
  communityNames,
  locale,
  today,
  children,
}: {
  facility: Facility;
  communityId: string;
  communityNames: Map<string, string>;
  locale: string;
  today: string;
  children?: ReactNode;
}) {
  const t = await getTranslations('register');
  const headingId = `facility-${facility.id}`;
  const closed = facility.closedOn !== null && facility.closedOn <= today;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-300 p-4">
      <header className="space-y-1">
        <h3 id={headingId} className="text-lg font-bold">
          {facility.name}
        </h3>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{t(`facilityKinds.${facility.kind}`)}</span>
          {closed ? <span className="rounded bg-slate-200 px-2 py-0.5 font-medium">{t('facilities.closedOn', { date: facility.closedOn! })}</span> : null}
          {!facility.hostedHere ? <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-950">{t('facilities.hostedBy', { name: communityNames.get(facility.communityId) ?? '' })}</span> : null}
        </p>
      </header>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-muted">{t('fields.address')}</dt>
        <dd>{facility.address || '—'}</dd>
        <dt className="font-medium text-muted">{t('fields.openedOn')}</dt>
        <dd>{facility.openedOn ?? '—'}</dd>
        {facility.closedOn && !closed ? (
          <>
            <dt className="font-medium text-muted">{t('fields.closedOn')}</dt>
            <dd>{facility.closedOn}</dd>
          </>
        ) : null}
        <dt className="font-medium text-muted">{t('fields.openingHours')}</dt>
        <dd>
          <ul>
            {hoursRuns(facility.openingHours).map((run) => (
              <li key={run.from}>
                {run.from === run.to ? t(`weekdays.${run.from}`) : t('facilities.dayRange', { from: t(`weekdays.${run.from}`), to: t(`weekdays.${run.to}`) })}{' '}
                <span className="tabular-nums">{run.hours ? `${run.hours.opens}–${run.hours.closes}` : t('facilities.closedDay')}</span>
              </li>
            ))}
          </ul>
        </dd>
        {facility.shares.length > 0 ? (
          <>
            <dt className="font-medium text-muted">{t('facilities.shares')}</dt>
            <dd>
              <ul>
                {facility.shares.map((share) => (
                  <li key={share.id}>
                    {t('facilities.shareLine', {
                      name: communityNames.get(share.communityId) ?? '',
                      percent: formatCount(share.percent, locale),
                      from: share.validFrom,
                      to: share.validTo ?? t('facilities.openEnded'),
                    })}
                    {share.communityId === communityId ? <span className="ml-1 font-medium">{t('facilities.thisCommunity')}</span> : null}
                    {share.basisNote ? <span className="block text-muted">{share.basisNote}</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="font-bold">{t('spaces.heading', { count: facility.spaces.length })}</h4>
      {facility.spaces.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm">{t('spaces.empty')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {facility.spaces.map((space) => (
            <SpaceCard key={space.id} space={space} communityId={communityId} editable={facility.hostedHere} locale={locale} today={today} />
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}

async function SpaceCard({ space, communityId, editable, locale, today }: { space: Space; communityId: string; editable: boolean; locale: string; today: string }) {
  const t = await getTranslations('register');
  const retired = space.retiredOn !== null && space.retiredOn <= today;
  const areas = currentAreas(space.measurements, today);
  const floor = space.floor === null ? null : space.floor < 0 ? t('spaces.floorBelow', { floor: -space.floor }) : t('spaces.floorValue', { floor: space.floor });
  return (
    <li className={`space-y-2 rounded-md border p-3 ${retired ? 'border-dashed border-slate-400 bg-slate-50' : 'border-slate-300'}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h5 className="font-bold">
          {space.name}
        </h5>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${retired ? 'bg-slate-300 text-ink' : 'bg-green-100 text-green-900'}`}>
          {retired ? t('spaces.retiredSince', { date: space.retiredOn! }) : space.retiredOn ? t('spaces.retiresOn', { date: space.retiredOn }) : t('spaces.inUse')}
        </span>
      </div>
      <p className="text-sm">
        {[t(`settings.${space.setting}`), t(`useClasses.${space.useClass}`), floor, space.aboveGround ? null : t('spaces.belowGround')].filter(Boolean).join(' · ')}
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t('fields.bookable')}</dt>
        <dd>{space.bookable ? t('spaces.bookableYes', { capacity: space.capacity ?? 0 }) : space.capacity ? t('spaces.bookableNoCapacity', { capacity: space.capacity }) : t('spaces.bookableNo')}</dd>
        <dt className="text-muted">{t('fields.accessibility')}</dt>
        <dd>{space.accessibilityNotes || '—'}</dd>
        <dt className="text-muted">{t('spaces.currentArea')}</dt>
        <dd>
          {areas.length === 0 ? (
            <span className="font-medium text-amber-900">{t('spaces.noMeasurement')}</span>
          ) : (
            <ul>
              {areas.map(({ basis, latest }) => (
                <li key={basis}>
                  {t('spaces.areaLine', { basis: t(`areaBases.${basis}`), area: formatArea(latest.areaM2, locale) })}
                  <span className="block text-muted">{t('spaces.measuredOn', { date: latest.measuredOn })}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {editable ? (
        <Link
          href={`/staff/communities/${communityId}/spaces/${space.id}`}
          aria-label={t('spaces.openLabel', { name: space.name })}
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-800 underline underline-offset-2"
        >
          {t('spaces.open')}
        </Link>
      ) : null}
    </li>
  );
}

async function CountTable({ counts, locale }: { counts: CommunityEvidence['householdCounts']; locale: string }) {
  const t = await getTranslations('register');
  return (
    <div className="rounded-md border border-slate-200">
      <table className={stacked.table}>
        <thead className={stacked.head}>
          <tr>
            <th scope="col" className={stacked.th}>{t('fields.asOf')}</th>
            <th scope="col" className={stacked.th}>{t('fields.householdBasis')}</th>
            <th scope="col" className={`${stacked.th} sm:text-right`}>{t('fields.households')}</th>
            <th scope="col" className={stacked.th}>{t('fields.source')}</th>
            <th scope="col" className={stacked.th}>{t('fields.suppliedBy')}</th>
            <th scope="col" className={stacked.th}>{t('fields.note')}</th>
            <th scope="col" className={stacked.th}>{t('fields.recordedAt')}</th>
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {counts.map((count) => (
            <tr key={count.id} className={stacked.row}>
              <td data-label={t('fields.asOf')} className={`${stacked.cell} whitespace-nowrap font-medium sm:font-normal`}>{count.asOf}</td>
              <td data-label={t('fields.householdBasis')} className={`${stacked.cell} whitespace-nowrap`}>{t(`householdBases.${count.basis}`)}</td>
              <td data-label={t('fields.households')} className={`${stacked.cell} tabular-nums sm:text-right`}>{formatCount(count.households, locale)}</td>
              <td data-label={t('fields.source')} className={stacked.cell}>{count.source}</td>
              <td data-label={t('fields.suppliedBy')} className={stacked.cell}>{count.suppliedBy ?? '—'}</td>
              <td data-label={t('fields.note')} className={stacked.cell}>{count.note ?? '—'}</td>
              <td data-label={t('fields.recordedAt')} className={`${stacked.cell} whitespace-nowrap text-muted`}>{formatRecordedAt(count.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
