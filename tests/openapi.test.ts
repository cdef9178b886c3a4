import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../server/api/openapi';
import type { Operation } from '../server/api/operation';
import { operations, operationsByName } from '../server/api/operations';

const ROOT = path.resolve(import.meta.dirname, '..');
const API_ROOT = path.join(ROOT, 'app/api/v1');

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else collectRefs(child, found);
    }
  }
  return found;
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), document);
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/v1/communities/[communityId]/route.ts → /api/v1/communities/{communityId} */
function openApiPath(file: string): string {
  const segments = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep);
  return '/' + segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
}

interface RouteExport {
  key: string;
  file: string;
  operationName: string | undefined;
}

function routeExports(): RouteExport[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b\s*=\s*(?:apiRoute\(\s*(\w+))?/g)].map((m) => ({
      key: `${m[1]} ${openApiPath(file)}`,
      file: path.relative(ROOT, file),
      operationName: m[2],
    }));
  });
}

// A path like /calendar/{token}.ics is served by the folder [token] (the suffix is part of the value).
const key = (op: Operation) => `${op.method} ${op.path.replace(/\}\.[a-z]+$/, '}')}`;

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('is OpenAPI 3.1.0 and valid against the 3.1 schema', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref to an existing component', () => {
    const refs = [...new Set(collectRefs(document))];
    expect(refs.length).toBeGreaterThan(0);
    const dangling = refs.filter((ref) => !ref.startsWith('#/components/') || resolvePointer(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('documents every operation once, at its path and method', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string }>>;
    const documented = Object.entries(paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(operations.map((op) => `${op.method} ${op.path}`).sort());
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('route files and operations', () => {
  const exports = routeExports();

  it('finds the route files', () => {
    expect(exports.map((e) => e.key)).toContain('GET /api/v1/communities');
    expect(exports.map((e) => e.key)).toContain('GET /api/v1/openapi.json');
  });

  it('serve exactly the listed operations, each once', () => {
    const served = exports.map((e) => e.key).sort();
    const listed = operations.map(key).sort();
    expect(new Set(listed).size, 'an operation is listed twice').toBe(listed.length);
    expect(served.filter((k) => !listed.includes(k)), 'route handlers without an operation').toEqual([]);
    expect(listed.filter((k) => !served.includes(k)), 'operations without a route handler').toEqual([]);
    expect(served).toEqual(listed);
  });

  it('wrap each handler in the operation of its own method and path', () => {
    const byName = operationsByName;
    const mismatched = exports
      .filter((e) => {
        const op = e.operationName ? byName.get(e.operationName) : undefined;
        return !op || key(op) !== e.key;
      })
      .map((e) => `${e.file}: ${e.key} uses ${e.operationName ?? '(no apiRoute)'}`);
    expect(mismatched).toEqual([]);
  });
});
