import type { SQL } from 'drizzle-orm';
import { db, queryText, rawSql, type Executor } from '@/db/client';

/**
 * Sends a statement and hands each row to `visit`. The statements a reader sends are pipelined
 * on one connection and answered in the order sent.
 */
export type EachRow = <Row>(query: SQL, visit: (row: Row) => void) => Promise<void>;

/**
 * Runs `read` with statements that all see one snapshot (repeatable read, read only). On the
 * application's database each row is handed over as the driver parses it (postgres.js forEach),
 * so a report of 615,000 rows is evaluated while the database is still sending them, and no row
 * object is kept. Inside a caller's transaction its snapshot rules, and rows are handed over once
 * a statement's result is in.
 */
export async function readInSnapshot<T>(executor: Executor, read: (each: EachRow) => Promise<T>): Promise<T> {
  if (executor !== db) {
    return read(async <Row>(query: SQL, visit: (row: Row) => void) => {
      for (const row of (await executor.execute(query)) as unknown as Row[]) visit(row);
    });
  }
  return rawSql().begin('isolation level repeatable read read only', (tx) =>
    read(async <Row>(query: SQL, visit: (row: Row) => void) => {
      const { sql, params } = queryText(query);
      // Prepared, as db/client prepares drizzle's queries: a statement is then parsed once per
      // connection, and the statements of a read are sent together.
      await tx.unsafe(sql, params as never[], { prepare: true }).forEach((row) => visit(row as Row));
    }),
  ) as Promise<T>;
}
