import { NextResponse, type NextRequest } from 'next/server';
import { getRequestContext } from '@/server/auth/session';
import { isAppError } from '@/server/errors';
import { isImportKind, type ImportKind } from '@/server/registry/import-columns';
import { csvTemplate, xlsxTemplate } from '@/server/registry/import-template';
import { getImportExample } from '@/server/registry/staff-queries';

const FILE_NAMES: Record<ImportKind, { ascii: string; zh: string }> = {
  'household-counts': { ascii: 'linli-household-counts-template', zh: '户数导入模板' },
  measurements: { ascii: 'linli-measurements-template', zh: '面积测量导入模板' },
};

/** GET /staff/import/template?kind=household-counts|measurements&format=csv|xlsx */
export async function GET(request: NextRequest) {
  const kind = request.nextUrl.searchParams.get('kind');
  const format = request.nextUrl.searchParams.get('format');
  if (!isImportKind(kind) || (format !== 'csv' && format !== 'xlsx')) return new NextResponse('Not found', { status: 404 });
  let example: Record<string, string>;
  try {
    example = await getImportExample(await getRequestContext());
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent('/staff/import')}`, request.url));
    if (isAppError(error)) return new NextResponse('Not found', { status: 404 });
    throw error;
  }
  const name = FILE_NAMES[kind];
  const body = format === 'csv' ? new TextEncoder().encode(csvTemplate(kind, example)) : new Uint8Array(await xlsxTemplate(kind, example));
  return new NextResponse(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name.ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name.zh)}.${format}`,
      'cache-control': 'private, no-store',
    },
  });
}
