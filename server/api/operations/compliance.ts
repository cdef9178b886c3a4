import { complianceQuerySchema, complianceReportSchema, createRuleSetVersionSchema, ruleSetListSchema, ruleSetSchema } from '@/server/compliance/schemas';
import { defineOperation } from '../operation';

export const listRuleSetsOperation = defineOperation({
  operationId: 'listRuleSets',
  method: 'GET',
  path: '/api/v1/rule-sets',
  summary: 'Every version of every rule set, with each rule’s metric, threshold, bases, source and verification status.',
  tag: 'Compliance',
  access: 'public',
  response: { status: 200, description: 'The rule sets', schema: ruleSetListSchema },
  errors: [],
});

export const complianceOperation = defineOperation({
  operationId: 'getCompliance',
  method: 'GET',
  path: '/api/v1/compliance',
  summary:
    'Each community’s space per 100 households against a rule set, as of a date and on a household basis, with town and city roll-ups. Values are exact, truncated at 4 decimals.',
  tag: 'Compliance',
  access: 'user',
  roles: ['auditor', 'admin', 'staff (own communities)'],
  query: complianceQuerySchema,
  response: { status: 200, description: 'The report', schema: complianceReportSchema },
  errors: [401, 403, 404, 422],
});

export const createRuleSetVersionOperation = defineOperation({
  operationId: 'createRuleSetVersion',
  method: 'POST',
  path: '/api/v1/rule-sets',
  summary: 'Adds the next version of a rule set (or version 1 of a new code). Earlier versions never change.',
  tag: 'Compliance',
  access: 'user',
  roles: ['admin'],
  body: createRuleSetVersionSchema,
  response: { status: 201, description: 'The new version', schema: ruleSetSchema },
  errors: [400, 401, 403, 409, 415, 422],
});
