import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/shell/site-header';
import { isElderMode } from '@/server/preferences/elder-mode';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, elder] = await Promise.all([getLocale(), getTranslations('common'), isElderMode()]);
  return (
    <html lang={locale} className={elder ? 'elder' : undefined} data-mode={elder ? 'elder' : 'standard'}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider>
          <SiteHeader elder={elder} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
            {children}
          </main>
          <footer className="border-t border-slate-200 py-4 text-center text-sm text-muted">
            {t('appName')} · {t('appTagline')} ·{' '}
            <Link href="/privacy" className="underline">
              {t('privacy')}
            </Link>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
