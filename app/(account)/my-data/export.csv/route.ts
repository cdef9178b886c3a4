import { getRequestContext } from '@/server/auth/session';
import { csvText } from '@/server/csv';
import { isAppError } from '@/server/errors';
import { exportMyData, myDataAsRows } from '@/server/privacy/export-my-data';

/** The same export as CSV: one row per field (section, record, field, value). */
export async function GET() {
  try {
    const data = await exportMyData(await getRequestContext());
    return new Response(csvText(myDataAsRows(data)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="linli-my-data.csv"', 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: 303, headers: { location: '/sign-in?callbackUrl=%2Fmy-data' } });
    throw error;
  }
}
