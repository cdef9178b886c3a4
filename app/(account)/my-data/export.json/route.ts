import { getRequestContext } from '@/server/auth/session';
import { isAppError } from '@/server/errors';
import { exportMyData } from '@/server/privacy/export-my-data';

/** Everything Linli holds about the signed-in person, as JSON (a download). */
export async function GET() {
  try {
    const data = await exportMyData(await getRequestContext());
    return new Response(JSON.stringify(data, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="linli-my-data.json"', 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: 303, headers: { location: '/sign-in?callbackUrl=%2Fmy-data' } });
    throw error;
  }
}
