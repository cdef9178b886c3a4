import { apiRoute } from '@/server/api/handler';
import { buildOpenApiDocument } from '@/server/api/openapi';
import { openApiOperation } from '@/server/api/operations';

export const GET = apiRoute(openApiOperation, async () => buildOpenApiDocument());
