import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Disclosure } from '@/components/register/disclosure';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { ALLOWED_VALUES, headerOf, IMPORT_COLUMNS, IMPORT_KINDS } from '@/server/registry/import-columns';
import { IMPORT_LIMITS } from '@/server/registry/import-file';
import { listMyCommunities } from '@/server/registry/queries';
import { ImportForm } from './_components/import-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('register.import');
  return { title: t('heading') };
}

export default async function ImportPage() {
  const { ctx, actor } = await requirePageRole('/staff/import', 'staff', 'admin');
  const [t, communities] = await Promise.all([getTranslations('register'), listMyCommunities(ctx)]);
  const maxMb = IMPORT_LIMITS.maxBytes / 1024 / 1024;
  return (
    <div className="space-y-8">
      <div>
        <Breadcrumb label={t('breadcrumb')} trail={[{ href: '/staff', label: t('myCommunities') }]} current={t('import.heading')} />
        <PageHeader title={t('import.heading')} intro={t('import.intro', { maxMb, maxRows: IMPORT_LIMITS.maxRows })} />
      </div>

      <section aria-labelledby="import-steps" className="space-y-4">
        <h2 id="import-steps" className="text-xl font-bold">
          {t('import.templatesHeading')}
        </h2>
        <ol className="max-w-3xl list-decimal space-y-1 pl-6">
          <li>{t('import.step1')}</li>
          <li>{t('import.step2')}</li>
          <li>{t('import.step3')}</li>
        </ol>
        <div className="grid gap-3 sm:grid-cols-2">
          {IMPORT_KINDS.map((kind) => (
            <div key={kind} className="space-y-2 rounded-md border border-slate-300 p-4">
              <h3 className="font-bold">{t(`import.kinds.${kind}`)}</h3>
              <ul className="flex flex-wrap gap-2">
                {(['xlsx', 'csv'] as const).map((format) => (
                  <li key={format}>
                    <a
                      href={`/staff/import/template?kind=${kind}&format=${format}`}
                      download
                      aria-label={t('import.downloadLabel', { format: format.toUpperCase(), kind: t(`import.kinds.${kind}`) })}
                      className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-4 font-medium text-brand-800 hover:bg-brand-50"
                    >
                      {t('import.downloadTemplate', { format: format.toUpperCase() })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        {actor.role === 'staff' && communities.length > 0 ? (
          <Disclosure summary={t('import.codesHeading')}>
            <ul className="grid gap-1 sm:grid-cols-2">
              {communities.map((community) => (
                <li key={community.id}>
                  {community.name} <span className="font-mono text-sm">{community.code}</span>
                </li>
              ))}
            </ul>
          </Disclosure>
        ) : null}
        {IMPORT_KINDS.map((kind) => (
          <Disclosure key={kind} summary={t('import.columnsHeading', { kind: t(`import.kinds.${kind}`) })}>
            {kind === 'measurements' ? <p className="mb-3 text-sm">{t('import.spaceIdentification')}</p> : null}
            <div role="region" aria-label={t('import.columnsHeading', { kind: t(`import.kinds.${kind}`) })} tabIndex={0} className="overflow-x-auto">
              <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className="px-3 py-2">{t('import.column')}</th>
                    <th scope="col" className="px-3 py-2">{t('import.required')}</th>
                    <th scope="col" className="px-3 py-2">{t('import.meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {IMPORT_COLUMNS[kind].map((column) => (
                    <tr key={column.key} className="border-t border-slate-200 align-top">
                      <th scope="row" className="px-3 py-2 font-mono font-normal">
                        {headerOf(column)}
                      </th>
                      <td className="px-3 py-2">{column.required ? t('import.yes') : t('import.no')}</td>
                      <td className="px-3 py-2">
                        {t(`import.columnNotes.${column.key}`)}
                        {ALLOWED_VALUES[column.key] ? <span className="block text-muted">{t('import.allowed', { values: ALLOWED_VALUES[column.key]!.join('、') })}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Disclosure>
        ))}
      </section>

      <section aria-labelledby="import-form-heading" className="space-y-4 rounded-lg border border-slate-300 p-4">
        <h2 id="import-form-heading" className="text-xl font-bold">
          {t('import.uploadHeading')}
        </h2>
        <p className="max-w-3xl text-sm text-muted">{t('import.allOrNothing')}</p>
        <ImportForm maxBytes={IMPORT_LIMITS.maxBytes} maxRows={IMPORT_LIMITS.maxRows} />
      </section>
    </div>
  );
}
