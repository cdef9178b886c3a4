import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from './button';

/** Previous/next links that keep the other search parameters. */
export async function Pagination({ page, pageSize, total, params, basePath }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined>; basePath: string }) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const search = new URLSearchParams(Object.entries({ ...params, page: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav aria-label={t('pageOf', { page, pages })} className="mt-4 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link className={buttonClass('secondary')} href={href(page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className={buttonClass('secondary')} href={href(page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
