import type { NextRequest } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ComplianceT } from '@/components/compliance/labels';
import { requireRole } from '@/server/auth/context';
import { getRequestContext } from '@/server/auth/session';
import { isAppError } from '@/server/errors';
import { exportTable, toCsv, toXlsx } from '../_lib/export-table';
import { loadReportView } from '../_lib/report-view';

/**
 * The compliance list on screen as a CSV or XLSX file: the same parameters as the page
 * (`?format=csv|xlsx&ruleSet=…&asOf=…&basis=…&town=…&status=…&rule=…&sort=…&dir=…&all=1`, and
 * `view=town` for a town's table), the same domain call and the same row selection.
 */
export async function GET(request: NextRequest) {
  const ctx = await getRequestContext();
  try {
    // Checked here again: a route handler is its own entry point, whatever the page did.
    await requireRole(ctx, 'auditor', 'admin');
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 404, headers: { 'Cache-Control': 'no-store' } });
    throw error;
  }
  const search = request.nextUrl.searchParams;
  const format = search.get('format');
  const kind = search.get('view') === 'town' ? 'town' : 'overview';
  if (format !== 'csv' && format !== 'xlsx') return new Response('format must be csv or xlsx', { status: 400 });
  if (kind === 'town' && !/^\d{9}$/.test(search.get('town') ?? '')) return new Response('view=town needs a town', { status: 400 });

  const raw = Object.fromEntries(search.entries());
  const [view, t, tc, tCommon, tKinds, locale] = await Promise.all([
    loadReportView(ctx, raw),
    getTranslations('audit'),
    getTranslations('compliance'),
    getTranslations('common'),
    getTranslations('kinds'),
    getLocale(),
  ]);
  const table = exportTable(view, kind, { t, tc: tc as ComplianceT, tCommon, tKinds, locale });
  const name = ['compliance', view.ruleSet.code, view.params.asOf, view.params.basis, ...(view.params.town ? [view.params.town] : [])].join('-');
  const headers = {
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
    'Cache-Control': 'private, no-store',
  };
  if (format === 'csv') {
    return new Response(toCsv(table), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const body = await toXlsx(table, { data: t('exportSheet'), about: t('exportAboutSheet') });
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
}
