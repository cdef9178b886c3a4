import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { Alert } from './alert';

/** What was wrong with a page's filters, said in words; the page shows its unfiltered view. */
export async function QueryProblems({ error }: { error: z.ZodError | undefined }) {
  if (!error) return null;
  const t = await getTranslations('validation');
  const messages = new Set(error.issues.map((issue) => (t.has(issue.message) ? t(issue.message) : t('invalid'))));
  return <Alert tone="error">{[...messages].join(' ')}</Alert>;
}
