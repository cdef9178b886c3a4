import { apiRoute } from '@/server/api/handler';
import { listTownsOperation } from '@/server/api/operations/registry';
import { listTowns } from '@/server/registry/queries';

export const GET = apiRoute(listTownsOperation, async () => ({ items: await listTowns() }));
