import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listCommunityChoices } from '@/server/registry/queries';
import { RegisterForm } from './_components/register-form';
import { townName } from '@/components/registry/town-name';

export default async function RegisterPage() {
  const [t, locale, choices] = await Promise.all([getTranslations('auth'), getLocale(), listCommunityChoices()]);
  const towns = choices.map((town) => ({ code: town.code, name: townName(town, locale), communities: town.communities }));
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('registerHeading')} intro={t('registerIntro')} />
      <RegisterForm towns={towns} />
      <p className="mt-6">
        {t('haveAccount')}{' '}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          {t('signInLink')}
        </Link>
      </p>
    </div>
  );
}
