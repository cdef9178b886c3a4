import { apiRoute } from '@/server/api/handler';
import { createRuleSetVersionOperation, listRuleSetsOperation } from '@/server/api/operations/compliance';
import { createRuleSetVersion } from '@/server/compliance/create-rule-set-version';
import { listRuleSets } from '@/server/compliance/rule-sets';

export const GET = apiRoute(listRuleSetsOperation, async () => ({ items: await listRuleSets() }));

export const POST = apiRoute(createRuleSetVersionOperation, ({ ctx, body }) => createRuleSetVersion(ctx, body));
