import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { QueryProblems } from '@/components/ui/query-problems';
import { requirePageRole } from '@/server/auth/session';
import { searchSecurityLog, securityEventKinds, securityLogQuerySchema } from '@/server/security/queries';
import { firstParam } from '@/server/search-params';
import { securityLogRetentionDays } from '@/server/security/retention';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('securityLog');
  return { title: t('heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SecurityLogPage({ searchParams }: Props) {
  const { ctx } = await requirePageRole('/admin/security-log', 'admin');
  const raw = await searchParams;
  const parsed = securityLogQuerySchema.safeParse({ kind: firstParam(raw.kind), login: firstParam(raw.login), address: firstParam(raw.address), from: firstParam(raw.from), to: firstParam(raw.to) });
  const query = parsed.success ? parsed.data : {};
  const [t, entries] = await Promise.all([getTranslations('securityLog'), searchSecurityLog(ctx, query)]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('heading')} intro={t('intro', { days: securityLogRetentionDays() })} />
      <QueryProblems error={parsed.error} />
      <form method="get" role="search" aria-label={t('search')} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto] lg:items-end">
        <SelectField id="log-kind" name="kind" label={t('kind')} defaultValue={query.kind ?? ''}>
          <option value="">{t('allKinds')}</option>
          {securityEventKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="log-login" name="login" label={t('login')} defaultValue={query.login ?? ''} maxLength={100} />
        <TextField id="log-address" name="address" label={t('address')} defaultValue={query.address ?? ''} maxLength={100} />
        <TextField id="log-from" name="from" type="date" label={t('from')} defaultValue={query.from ?? ''} />
        <TextField id="log-to" name="to" type="date" label={t('to')} defaultValue={query.to ?? ''} />
        <button type="submit" className={buttonClass('primary')}>
          {t('search')}
        </button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {t('count', { count: entries.length })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
          <caption className="sr-only">{t('heading')}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="px-2 py-2">{t('at')}</th>
              <th scope="col" className="px-2 py-2">{t('kind')}</th>
              <th scope="col" className="px-2 py-2">{t('who')}</th>
              <th scope="col" className="px-2 py-2">{t('subject')}</th>
              <th scope="col" className="px-2 py-2">{t('login')}</th>
              <th scope="col" className="px-2 py-2">{t('address')}</th>
              <th scope="col" className="px-2 py-2">{t('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-slate-200 align-top">
                <td className="whitespace-nowrap px-2 py-2">{entry.at.slice(0, 19).replace('T', ' ')}</td>
                <td className="px-2 py-2 font-medium">{t(`kinds.${entry.kind}`)}</td>
                <td className="px-2 py-2">{entry.actorName ?? '—'}</td>
                <td className="px-2 py-2">{entry.subjectName ?? '—'}</td>
                <td className="px-2 py-2">{entry.login ?? '—'}</td>
                <td className="px-2 py-2">{entry.clientAddress ?? '—'}</td>
                <td className="break-all px-2 py-2 font-mono text-xs">{Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
