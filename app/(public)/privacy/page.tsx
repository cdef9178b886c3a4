import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { PRIVACY_NOTICE_VERSION } from '@/server/privacy/notice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy');
  return { title: t('pageTitle') };
}

const SECTIONS = ['what', 'why', 'who', 'howLong', 'rights', 'contact'] as const;

/** The privacy notice in full, in both languages (PIPL art. 17). */
export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t('pageTitle')} intro={t('intro')}>
        <p className="text-sm text-muted">{t('version', { version: PRIVACY_NOTICE_VERSION })}</p>
      </PageHeader>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`} className="space-y-2">
          <h2 id={`privacy-${section}`} className="text-xl font-bold">
            {t(`${section}Heading`)}
          </h2>
          <p>{t(`${section}Body`)}</p>
        </section>
      ))}
    </div>
  );
}
