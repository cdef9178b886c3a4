import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../messages/en.json';
import zhCN from '../messages/zh-CN.json';
import { ERROR_CODES } from '../server/errors';

const ROOT = path.resolve(import.meta.dirname, '..');
const LOCALES = { 'zh-CN': zhCN, en } as Record<string, unknown>;

function flatten(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const serverSources = sourceFiles(path.join(ROOT, 'server'), /\.tsx?$/).map((file) => ({
  file: path.relative(ROOT, file),
  text: readFileSync(file, 'utf8'),
}));

function keysIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

function missingIn(locale: string, keys: Iterable<string>): string[] {
  const present = new Set(flatten(LOCALES[locale]));
  return [...new Set(keys)].filter((k) => !present.has(k)).sort();
}

describe('messages', () => {
  const zhKeys = new Set(flatten(zhCN));
  const enKeys = new Set(flatten(en));

  it('have the same keys in zh-CN and en', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k)), 'keys missing from en.json').toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k)), 'keys missing from zh-CN.json').toEqual([]);
  });

  it('have no empty sentences', () => {
    const empty = Object.entries(LOCALES).flatMap(([locale, messages]) =>
      flatten(messages)
        .filter((key) => {
          const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
          return typeof value !== 'string' || value.trim() === '';
        })
        .map((key) => `${locale}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('translate every validation message the zod schemas use', () => {
    const schemaKeys = serverSources
      .filter((s) => s.file.endsWith('schemas.ts'))
      // A message is a lower-snake literal passed as a call argument: .min(1, 'name_required'), z.uuid('id_invalid')
      // (but not a default value: .default('registered')).
      .flatMap((s) => keysIn(s.text, /(?:,|(?<!\.default)\()\s*'([a-z_]+)'\s*\)/g));
    expect(schemaKeys).toEqual(expect.arrayContaining(['name_required', 'login_invalid', 'page_size_invalid']));
    const keys = schemaKeys.map((k) => `validation.${k}`);
    for (const locale of Object.keys(LOCALES)) expect(missingIn(locale, keys), `validation keys missing from ${locale}`).toEqual([]);
  });

  it('translate every field error that AppError raises', () => {
    // fieldErrors: { login: ['login_taken'] }
    const fieldKeys = serverSources.flatMap((s) =>
      [...s.text.matchAll(/fieldErrors:\s*\{([^}]*)\}/g)].flatMap((m) => keysIn(m[1]!, /'([a-z_]+)'/g)),
    );
    expect(fieldKeys).toEqual(expect.arrayContaining(['login_taken', 'only_staff_assigned', 'community_unknown']));
    const keys = fieldKeys.map((k) => `validation.${k}`);
    for (const locale of Object.keys(LOCALES)) expect(missingIn(locale, keys), `validation keys missing from ${locale}`).toEqual([]);
  });

  it('translate every AppError message key and every error code', () => {
    const messageKeys = serverSources.flatMap((s) => keysIn(s.text, /messageKey:\s*'([a-z_]+)'/g));
    const translatedInCode = serverSources.flatMap((s) => keysIn(s.text, /'errors\.([a-z_]+)'/g));
    expect(messageKeys).toEqual(expect.arrayContaining(['invalid_credentials', 'login_taken', 'cannot_disable_self']));
    expect(translatedInCode).toEqual(expect.arrayContaining(['invalid_token', 'internal']));
    const keys = [...messageKeys, ...translatedInCode, ...Object.keys(ERROR_CODES)].map((k) => `errors.${k}`);
    for (const locale of Object.keys(LOCALES)) expect(missingIn(locale, keys), `error keys missing from ${locale}`).toEqual([]);
  });

  it('translate every sign-in refusal the credentials provider reports', () => {
    // authorize() throws an Error whose message is a key under "auth" (an AppError's messageKey,
    // or a literal); the sign-in form falls back to auth.unknown.
    const source = (file: string) => serverSources.find((s) => s.file === path.join(...file.split('/')))!.text;
    const keys = [
      ...keysIn(source('server/accounts/authenticate.ts'), /messageKey:\s*'([a-z_]+)'/g),
      ...[...source('server/auth/options.ts').matchAll(/new Error\(([^)]*)\)/g)].flatMap((m) => keysIn(m[1]!, /'([a-z_]+)'/g)),
      'unknown',
    ];
    expect(keys).toEqual(expect.arrayContaining(['invalid_credentials', 'account_disabled', 'throttled']));
    const missing = Object.keys(LOCALES).flatMap((locale) => missingIn(locale, keys.map((k) => `auth.${k}`)).map((k) => `${locale}: ${k}`));
    expect(missing).toEqual([]);
  });
});
