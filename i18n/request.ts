import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from './translate';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

// Locale comes from a cookie, not the URL: the same links work for everyone (see docs/decisions).
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: 'Asia/Shanghai' };
});
