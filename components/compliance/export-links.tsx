import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** Download links for the rows on screen, with the same filters and order (plain links: no JavaScript). */
export async function ExportLinks({ href, count }: { href: (format: 'csv' | 'xlsx') => string; count: number }) {
  const t = await getTranslations('audit');
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <a href={href('csv')} className={buttonClass('secondary', 'text-sm')} download>
        {t('exportCsv')}
      </a>
      <a href={href('xlsx')} className={buttonClass('secondary', 'text-sm')} download>
        {t('exportXlsx')}
      </a>
      <span className="text-sm text-muted">{t('exportHint', { count })}</span>
    </div>
  );
}
