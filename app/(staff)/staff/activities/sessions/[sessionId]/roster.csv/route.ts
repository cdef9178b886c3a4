import { getTranslations } from 'next-intl/server';
import { sessionRoster } from '@/server/activities/queries';
import { getRequestContext } from '@/server/auth/session';
import { csvText } from '@/server/csv';
import { isAppError } from '@/server/errors';

/** The roster as CSV, as the staff see it (mobile numbers masked). */
export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  let data;
  try {
    data = await sessionRoster(await getRequestContext(), sessionId);
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 404 });
    throw error;
  }
  const t = await getTranslations('staffActivities');
  const header = [t('rosterName'), t('rosterMobile'), t('rosterStatus'), t('csvPosition'), t('csvSignedUpAt')];
  const rows = data.roster.map((entry) => [entry.name, entry.mobile ?? '', t(`signupStatus.${entry.status}`), entry.position ? String(entry.position) : '', entry.signedUpAt]);
  const filename = `roster-${data.session.startsAt.slice(0, 10)}-${sessionId.slice(0, 8)}.csv`;
  return new Response(csvText([header, ...rows]), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}
