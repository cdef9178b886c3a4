import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentActor } from '@/server/auth/session';
import { SignInForm } from './_components/sign-in-form';

/** Only same-site paths: a callback URL must never send someone to another site. */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/welcome';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('signInHeading')} intro={t('signInIntro')} />
      {params.registered ? <Alert tone="success">{t('registered')}</Alert> : null}
      {params.signedOut ? <Alert tone="info">{t('signedOut')}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-6">
        {t('noAccount')}{' '}
        <Link href="/register" className="font-medium text-brand-700 underline">
          {t('registerLink')}
        </Link>
      </p>
    </div>
  );
}
