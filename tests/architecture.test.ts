import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DB_DIR = path.join(ROOT, 'db');
// UI code may name the role and kind enums' types; everything else about the database goes through server/.
const ALLOWED_TYPE_ONLY = path.join(DB_DIR, 'schema', 'enums');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
  text: string;
}

/** Static imports and re-exports, side-effect imports, dynamic import() and require(). */
function importsOf(source: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  for (const m of source.matchAll(/\b(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    found.push({ specifier: m[3]!, typeOnly: Boolean(m[2]), text: m[0] });
  }
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: m[1]!, typeOnly: false, text: m[0] });
  }
  return found;
}

/** Where a specifier points, if inside the project (the "@/" alias or a relative path). */
function resolveLocal(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  if (specifier === 'db' || specifier.startsWith('db/')) return path.join(ROOT, specifier);
  return null;
}

function isInsideDb(target: string) {
  return target === DB_DIR || target.startsWith(DB_DIR + path.sep);
}

function violations(): string[] {
  const files = [...sourceFiles(path.join(ROOT, 'app')), ...sourceFiles(path.join(ROOT, 'components'))];
  return files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((statement) => {
        const target = resolveLocal(file, statement.specifier);
        if (!target || !isInsideDb(target)) return false;
        return !(statement.typeOnly && target.replace(/\.(ts|js)$/, '') === ALLOWED_TYPE_ONLY);
      })
      .map((statement) => `${path.relative(ROOT, file)}: ${statement.text}`),
  );
}

describe('architecture', () => {
  it('reads import statements the way the check needs', () => {
    const sample = [
      "import type { Role } from '@/db/schema/enums';",
      "import { db } from '@/db/client';",
      "export { users } from '../../db/schema';",
      "import '@/db/client';",
      "const m = await import('@/db/client');",
      "import {\n  type Role,\n  roleEnum,\n} from '@/db/schema/enums';",
    ].join('\n');
    expect(importsOf(sample).map((s) => [s.specifier, s.typeOnly])).toEqual([
      ['@/db/schema/enums', true],
      ['@/db/client', false],
      ['../../db/schema', false],
      ['@/db/client', false],
      ['@/db/schema/enums', false],
      ['@/db/client', false],
    ]);
  });

  it('keeps app/ and components/ away from db/ (type-only enum imports excepted)', () => {
    expect(violations()).toEqual([]);
  });
});
