import { apiRoute } from '@/server/api/handler';
import { complianceOperation } from '@/server/api/operations/compliance';
import { getComplianceReport } from '@/server/compliance/report';

export const GET = apiRoute(complianceOperation, ({ ctx, query }) => getComplianceReport(ctx, query));
