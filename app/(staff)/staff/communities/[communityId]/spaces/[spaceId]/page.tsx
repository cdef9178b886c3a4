import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { currentAreas } from '@/components/register/current-areas';
import { todayInShanghai } from '@/components/register/dates';
import { formatArea, formatRecordedAt } from '@/components/register/format';
import { stacked } from '@/components/register/stacked-table';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { evidenceOrNotFound } from '../../../../_lib/evidence';
import { MeasurementForm } from './_components/measurement-form';
import { SpaceEditForm } from './_components/space-edit-form';

type Params = { params: Promise<{ communityId: string; spaceId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('register');
  return { title: t('spaceTitle') };
}

export default async function SpaceRegisterPage({ params }: Params) {
  const { communityId, spaceId } = await params;
  const { ctx } = await requirePageRole(`/staff/communities/${communityId}/spaces/${spaceId}`, 'staff', 'admin');
  const evidence = await evidenceOrNotFound(ctx, communityId);
  // Only spaces of facilities this community hosts are its to edit; a shared-in one is not found here.
  const facility = evidence.facilities.find((f) => f.hostedHere && f.spaces.some((s) => s.id === spaceId));
  const space = facility?.spaces.find((s) => s.id === spaceId);
  if (!facility || !space) notFound();
  const [t, locale] = await Promise.all([getTranslations('register'), getLocale()]);
  const today = todayInShanghai();
  const areas = currentAreas(space.measurements, today);
  const retired = space.retiredOn !== null && space.retiredOn <= today;

  return (
    <div className="space-y-10">
      <div>
        <Breadcrumb
          label={t('breadcrumb')}
          trail={[
            { href: '/staff', label: t('myCommunities') },
            { href: `/staff/communities/${communityId}#facility-${facility.id}`, label: evidence.community.name },
          ]}
          current={space.name}
        />
        <PageHeader
          title={space.name}
          intro={t('spacePage.intro', { facility: facility.name, setting: t(`settings.${space.setting}`), useClass: t(`useClasses.${space.useClass}`) })}
        >
          {retired ? <p className="inline-block rounded bg-slate-200 px-2 py-1 font-medium">{t('spaces.retiredSince', { date: space.retiredOn! })}</p> : null}
        </PageHeader>
      </div>

      <section aria-labelledby="current-area" className="space-y-3">
        <h2 id="current-area" className="text-xl font-bold">
          {t('spaces.currentArea')}
        </h2>
        {areas.length === 0 ? (
          <p className="rounded-md bg-slate-50 p-4">{t('spaces.noMeasurement')}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3">
            {areas.map(({ basis, latest }) => (
              <li key={basis} className="rounded-md border border-slate-300 p-4">
                <p className="text-sm font-medium text-muted">{t(`areaBases.${basis}`)}</p>
                <p className="text-2xl font-bold tabular-nums">{t('spacePage.area', { area: formatArea(latest.areaM2, locale) })}</p>
                <p className="text-sm text-muted">{t('spacePage.measuredOn', { date: latest.measuredOn })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="measurement-form-heading" className="space-y-3 rounded-lg border border-slate-300 p-4">
        <h2 id="measurement-form-heading" className="text-xl font-bold">
          {t('measurementForm.heading')}
        </h2>
        <p className="max-w-3xl rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3 text-sky-950">{t('measurementForm.historyRule')}</p>
        <MeasurementForm spaceId={space.id} setting={space.setting} today={today} />
      </section>

      <section aria-labelledby="measurement-history" className="space-y-3">
        <h2 id="measurement-history" className="text-xl font-bold">
          {t('spacePage.history')}
        </h2>
        {space.measurements.length === 0 ? (
          <p className="rounded-md bg-slate-50 p-4">{t('spaces.noMeasurement')}</p>
        ) : (
          <div role="region" aria-labelledby="measurement-history" className="rounded-md border border-slate-200">
            <table className={stacked.table}>
              <thead className={stacked.head}>
                <tr>
                  <th scope="col" className={stacked.th}>{t('fields.measuredOn')}</th>
                  <th scope="col" className={`${stacked.th} sm:text-right`}>{t('fields.areaM2')}</th>
                  <th scope="col" className={stacked.th}>{t('fields.areaBasis')}</th>
                  <th scope="col" className={stacked.th}>{t('fields.method')}</th>
                  <th scope="col" className={stacked.th}>{t('fields.measuredBy')}</th>
                  <th scope="col" className={stacked.th}>{t('fields.note')}</th>
                  <th scope="col" className={stacked.th}>{t('fields.recordedAt')}</th>
                </tr>
              </thead>
              <tbody className={stacked.body}>
                {space.measurements.map((measurement) => (
                  <tr key={measurement.id} className={stacked.row}>
                    <td data-label={t('fields.measuredOn')} className={`${stacked.cell} whitespace-nowrap font-medium sm:font-normal`}>{measurement.measuredOn}</td>
                    <td data-label={t('fields.areaM2')} className={`${stacked.cell} tabular-nums sm:text-right`}>{formatArea(measurement.areaM2, locale)}</td>
                    <td data-label={t('fields.areaBasis')} className={`${stacked.cell} whitespace-nowrap`}>{t(`areaBases.${measurement.basis}`)}</td>
                    <td data-label={t('fields.method')} className={stacked.cell}>{t(`methods.${measurement.method}`)}</td>
                    <td data-label={t('fields.measuredBy')} className={stacked.cell}>
                      <span>
                        {measurement.measuredBy}
                        {measurement.organisation ? <span className="block text-muted">{measurement.organisation}</span> : null}
                      </span>
                    </td>
                    <td data-label={t('fields.note')} className={stacked.cell}>{measurement.note ?? '—'}</td>
                    <td data-label={t('fields.recordedAt')} className={`${stacked.cell} whitespace-nowrap text-muted`}>{formatRecordedAt(measurement.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="space-edit-heading" className="space-y-3 rounded-lg border border-slate-300 p-4">
        <h2 id="space-edit-heading" className="text-xl font-bold">
          {t('spacePage.editHeading')}
        </h2>
        <p className="max-w-3xl text-sm text-muted">{t('spacePage.editIntro')}</p>
        <SpaceEditForm
          spaceId={space.id}
          retiredOn={space.retiredOn}
          defaults={{
            name: space.name,
            setting: space.setting,
            useClass: space.useClass,
            floor: space.floor,
            aboveGround: space.aboveGround,
            bookable: space.bookable,
            capacity: space.capacity,
            accessibilityNotes: space.accessibilityNotes,
          }}
        />
      </section>
    </div>
  );
}
