import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { PostgresJsSession } from 'drizzle-orm/postgres-js/session';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** The executor a domain helper receives: the database or the transaction it runs in. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** Column names in the database are the schema's property names in snake_case (drizzle-kit too). */
const CASING = 'snake_case';
const dialect = new PgDialect({ casing: CASING });

/** A drizzle `sql` query as the text and parameters `db` would send, for postgres.js directly (streaming, benchmarks). */
export function queryText(query: SQL): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(query);
}

// drizzle-orm 0.45 asks postgres.js to prepare a query only when it was built with .prepare(name)
// (drizzle-team/drizzle-orm#6096): every other query is parsed and planned afresh, with two round
// trips. Preparing all of them lets postgres.js reuse each connection's statements; the benchmark
// (bench/README.md, Booking) measured a third less CPU per booking. Remove once drizzle does it.
const session = PostgresJsSession.prototype as unknown as { prepareQuery: (...args: unknown[]) => unknown };
const prepareQuery = session.prepareQuery;
session.prepareQuery = function (this: unknown, query: unknown, fields: unknown, name: unknown, ...rest: unknown[]) {
  return prepareQuery.call(this, query, fields, name ?? '', ...rest);
};

// One pool per process, kept across hot reloads in development (T3's globalForDb).
const globalForDb = globalThis as unknown as { linliDb?: { sql: Sql; db: Database; prepared: Map<string, unknown> } };

function connect() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set. Start Linli with `npm start` or `npm run dev`, which provide a database.');
  }
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
  });
  return { sql, db: drizzle(sql, { schema, casing: CASING }), prepared: new Map<string, unknown>() };
}

function instance() {
  globalForDb.linliDb ??= connect();
  return globalForDb.linliDb;
}

// Connected on first use, so that importing a module (as `next build` does) needs no database.
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = instance().db as unknown as Record<string | symbol, unknown>;
    const value = real[property];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/**
 * A query built once per pool, on first use, and then executed with new values: drizzle builds
 * the SQL text of any other query again on every call (0.1–0.3 ms each; bench/README.md,
 * Booking). For the hottest reads, which run on the pool, not in a transaction. `build` gets
 * the database and must end with `.prepare(name)`.
 */
export function preparedQuery<T>(name: string, build: (database: Database, name: string) => T): T {
  const current = instance();
  let query = current.prepared.get(name) as T | undefined;
  if (query === undefined) {
    query = build(current.db, name);
    current.prepared.set(name, query);
  }
  return query;
}

export function rawSql(): Sql {
  return instance().sql;
}

export async function closeDb() {
  const current = globalForDb.linliDb;
  globalForDb.linliDb = undefined;
  await current?.sql.end({ timeout: 5 });
}
