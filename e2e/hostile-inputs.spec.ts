import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, tokenHeaders } from './support';

// Every operation in /api/v1/openapi.json, sent what an attacker or a broken client sends: ids
// that are not ids, a NUL character, huge and wrong-typed values, bodies of the wrong shape.
// Whatever the route, the answer is a 4xx problem+json (or a success), never a 5xx.
// The sign-in endpoints are left out: refused sign-ins are throttled per client address, which
// all these tests share (they are covered by api.spec.ts and the throttle tests).

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const NUL = 'x\u0000y';
const HUGE = '长'.repeat(5_000);
const SKIPPED = ['/api/v1/auth/token', '/api/v1/auth/register'];

function resolve(api: OpenApi, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return resolve(api, api.components?.schemas?.[schema.$ref.split('/').pop()!]);
}

/** A value of the wrong kind for each property, chosen by the property's declared type. */
function hostileBody(api: OpenApi, schema: Schema | undefined, variant: number): unknown {
  const resolved = resolve(api, schema);
  const properties = resolved?.properties ?? resolve(api, resolved?.anyOf?.[0] ?? resolved?.oneOf?.[0])?.properties ?? {};
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const type = [resolve(api, property)?.type].flat()[0];
      const value =
        type === 'string' ? [NUL, HUGE, ''][variant % 3]
        : type === 'number' || type === 'integer' ? [1e308, -1, 1.5][variant % 3]
        : type === 'boolean' ? ['true', null, 0][variant % 3]
        : type === 'array' ? [[NUL], [{}], Array(5_000).fill(1)][variant % 3]
        : [NUL, {}, []][variant % 3];
      return [name, value];
    }),
  );
}

async function probe(request: APIRequestContext, api: OpenApi, headers: Record<string, string>) {
  const failures: string[] = [];
  for (const [template, methods] of Object.entries(api.paths)) {
    if (SKIPPED.includes(template)) continue;
    for (const [method, operation] of Object.entries(methods)) {
      for (const [p, pathValue] of ['00000000-0000-4000-8000-000000000000', `not-an-id${NUL}`].entries()) {
        const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(pathValue));
        const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
        const queries = ['', `?${query.map((q) => `${q.name}=${encodeURIComponent(NUL)}`).join('&')}`, `?${query.map((q) => `${q.name}=${encodeURIComponent(HUGE)}`).join('&')}`];
        const schema = operation.requestBody?.content['application/json']?.schema;
        const bodies: unknown[] = schema ? [hostileBody(api, schema, 0), hostileBody(api, schema, 1), hostileBody(api, schema, 2), [], NUL] : [undefined];
        for (const [i, body] of bodies.entries()) {
          const url = path + queries[(i + p) % queries.length]!;
          const response = await request.fetch(url, { method: method.toUpperCase(), headers, ...(body === undefined ? {} : { data: body }) });
          const status = response.status();
          const type = response.headers()['content-type'] ?? '';
          if (status >= 500 || (status >= 400 && !type.includes('application/problem+json'))) {
            failures.push(`${method.toUpperCase()} ${url.slice(0, 120)} (body ${i}) → ${status} ${type}`);
          }
        }
      }
    }
  }
  return failures;
}

test('no API operation answers hostile input with a 5xx, signed out, as a resident or as an admin', async ({ request }) => {
  test.setTimeout(180_000);
  const api = (await (await request.get('/api/v1/openapi.json')).json()) as OpenApi;
  expect(Object.keys(api.paths).length).toBeGreaterThan(30);
  const failures = [
    ...(await probe(request, api, {})),
    ...(await probe(request, api, await tokenHeaders(request, DEMO.resident))),
    ...(await probe(request, api, await tokenHeaders(request, DEMO.admin))),
  ];
  expect(failures).toEqual([]);
});
