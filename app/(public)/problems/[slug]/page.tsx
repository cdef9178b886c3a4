import { notFound } from 'next/navigation';
import { getMessages, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

/** Where a problem+json `type` (/problems/<slug>) leads: what it means and what to do. */
export default async function ProblemTypePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [t, messages] = await Promise.all([getTranslations('problems'), getMessages()]);
  const types = (messages.problems as { types: Record<string, string> }).types;
  if (!Object.hasOwn(types, slug)) notFound();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('heading', { slug })} intro={t('intro')} />
      <p className="text-lg">{types[slug]}</p>
    </div>
  );
}
