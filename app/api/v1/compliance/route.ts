import { apiRoute } from '@/server/api/handler';
import { jsonStreamResponse } from '@/server/api/json-stream';
import { complianceOperation } from '@/server/api/operations/compliance';
import { getComplianceReport } from '@/server/compliance/report';

/** Above this many rows the JSON is written as the client reads it (same bytes). */
const STREAM_ABOVE_ROWS = 5_000;

export const GET = apiRoute(complianceOperation, async ({ ctx, query }) => {
  const report = await getComplianceReport(ctx, query);
  return report.rows.length > STREAM_ABOVE_ROWS ? jsonStreamResponse({ ...report }, 'rows', { status: complianceOperation.response.status }) : report;
});
