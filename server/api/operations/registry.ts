import { z } from 'zod';
import { communityListQuerySchema, communityPageSchema, townSchema } from '@/server/registry/schemas';
import { defineOperation } from '../operation';

export const listTownsOperation = defineOperation({
  operationId: 'listTowns',
  method: 'GET',
  path: '/api/v1/towns',
  summary: 'The towns and streets (镇街) with their statistical codes.',
  tag: 'Register',
  access: 'public',
  response: { status: 200, description: 'All towns', schema: z.object({ items: z.array(townSchema) }).meta({ id: 'TownList' }) },
  errors: [],
});

export const listCommunitiesOperation = defineOperation({
  operationId: 'listCommunities',
  method: 'GET',
  path: '/api/v1/communities',
  summary: 'Villages and communities, filtered by town code and a search text, paginated.',
  tag: 'Register',
  access: 'public',
  query: communityListQuerySchema,
  response: { status: 200, description: 'One page of communities', schema: communityPageSchema },
  errors: [422],
});
