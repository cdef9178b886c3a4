import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { Locale } from './locales';

export type { Locale } from './locales';

export const MESSAGES = { 'zh-CN': zhCN, en } as const;

/** Translation outside React (API problem details, the start script). Unknown keys return the key. */
export function translate(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown>, onError: () => {}, getMessageFallback: ({ key: k, namespace }) => (namespace ? `${namespace}.${k}` : k) });
  return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}
