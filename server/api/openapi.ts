import { z } from 'zod';
import type { Operation } from './operation';
import { operations } from './operations';

const ref = (id: string) => `#/components/schemas/${id}`;
const JSON_SCHEMA = { target: 'draft-2020-12', unrepresentable: 'any', uri: ref } as const;

function schemaId(schema: z.ZodType, fallback: string): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error(`OpenAPI: give the schema for ${fallback} an id with .meta({ id })`);
  return id;
}

function clean(schema: Record<string, unknown>) {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** Query and path parameters, one per property of the operation's object schema. */
function parameters(schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return [];
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || !property.safeParse(undefined).success,
    schema: clean(z.toJSONSchema(property, { ...JSON_SCHEMA, io: 'input' }) as Record<string, unknown>),
  }));
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'requestId'],
  properties: {
    type: { type: 'string', description: 'A URI reference ending in the problem slug, e.g. /problems/slot-taken' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'A sentence for people, in the Accept-Language (zh-CN or en)' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'On 422: the fields at fault',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function operationObject(operation: Operation) {
  const responses: Record<string, unknown> = {};
  const { response } = operation;
  responses[String(response.status)] = {
    description: response.description,
    ...(response.schema
      ? { content: { [response.contentType ?? 'application/json']: { schema: { $ref: ref(schemaId(response.schema, `${operation.operationId} response`)) } } } }
      : {}),
  };
  for (const status of [...operation.errors, 500]) {
    responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    ...(operation.roles ? { description: `Allowed for: ${operation.roles.join(', ')}.` } : {}),
    security: operation.access === 'public' ? [{}, { bearer: [] }, { session: [] }] : [{ bearer: [] }, { session: [] }],
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
    ...(operation.body
      ? { requestBody: { required: !operation.bodyOptional, content: { 'application/json': { schema: { $ref: ref(schemaId(operation.body, `${operation.operationId} body`)) } } } } }
      : {}),
    responses,
  };
}

/**
 * Components from a registry of exactly the operations' bodies and responses. Not zod's global
 * registry: in a production build each route bundle evaluates the schema modules again, so the
 * global one holds several schemas under one id.
 */
function componentSchemas() {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  for (const operation of operations) {
    if (operation.body && !requests.has(operation.body)) requests.add(operation.body, { id: schemaId(operation.body, operation.operationId) });
    const response = operation.response.schema;
    if (response && !responses.has(response)) responses.add(response, { id: schemaId(response, operation.operationId) });
  }
  return {
    requestSchemas: z.toJSONSchema(requests, { ...JSON_SCHEMA, io: 'input', metadata: requests }).schemas,
    responseSchemas: z.toJSONSchema(responses, { ...JSON_SCHEMA, io: 'output', metadata: responses }).schemas,
  };
}

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document, generated from the operations and their zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const { responseSchemas, requestSchemas } = componentSchemas();
  const schemas: Record<string, unknown> = { Problem: problemSchema };
  for (const [id, schema] of Object.entries(responseSchemas)) schemas[id] = clean(schema as Record<string, unknown>);
  for (const [id, schema] of Object.entries(requestSchemas)) schemas[id] = clean(schema as Record<string, unknown>);
  const statuses = [...new Set(operations.flatMap((op) => [...op.errors, 500]))].sort();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Linli (邻里) API',
      version: '1.0.0',
      description:
        'The register and booking desk of community service centres. Errors are RFC 9457 problem+json; every response carries an x-request-id header. Times are ISO 8601 with offset.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        statuses.map((status) => [
          `Problem${status}`,
          { description: `Problem (${status})`, content: { 'application/problem+json': { schema: { $ref: ref('Problem') } } } },
        ]),
      ),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/auth/token' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The web session' },
      },
    },
  };
  return cached;
}
