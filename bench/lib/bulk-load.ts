import type { Sql } from 'postgres';

/**
 * `bench_rand(key, salt)`: a deterministic "random" number in [0, 1) from a row number, so that
 * generated datasets have the same shape (and the same figures) on every run.
 */
export const BENCH_RAND_SQL = `
  create or replace function bench_rand(key bigint, salt int) returns double precision
    language sql immutable parallel safe
    as $$ select (hashint8extended(key, salt) & 2147483647)::float8 / 2147483648.0 $$`;

export interface SavedDefinitions {
  keys: { table: string; name: string; definition: string }[];
  indexes: string[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * pg_restore's order for a bulk load into `tables`: drop their keys (primary, unique and
 * exclusion constraints), other indexes and every foreign key from or to them, so that the rows
 * go in without maintaining indexes and a trigger per row. restoreConstraints puts each
 * definition back from the catalog unchanged, under its own name: each index is built once by
 * sorting, each exclusion constraint is checked over all the rows, each foreign key validated.
 */
export async function saveAndDropConstraints(sql: Sql, tables: string[]): Promise<SavedDefinitions> {
  const keys = await sql<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where contype in ('p', 'u', 'x') and conrelid::regclass::text = any(${tables})`;
  const foreignKeys = await sql<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint
     where contype = 'f' and (conrelid::regclass::text = any(${tables}) or confrelid::regclass::text = any(${tables}))`;
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
      from pg_index i
     where indrelid::regclass::text = any(${tables})
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;
  for (const fk of foreignKeys) await sql.unsafe(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const key of keys) await sql.unsafe(`alter table ${key.table} drop constraint "${key.name}"`);
  for (const index of indexes) await sql.unsafe(`drop index "${index.name}"`);
  return { keys, indexes: indexes.map((index) => index.definition), foreignKeys };
}

export async function restoreConstraints(sql: Sql, saved: SavedDefinitions) {
  for (const key of saved.keys) await sql.unsafe(`alter table ${key.table} add constraint "${key.name}" ${key.definition}`);
  for (const definition of saved.indexes) await sql.unsafe(definition);
  for (const fk of saved.foreignKeys) await sql.unsafe(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`);
}

/** The row triggers on `tables` that a bulk load under session_replication_role = replica does not fire. */
export async function rowTriggers(sql: Sql, tables: string[]): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select tgname || ' on ' || tgrelid::regclass::text as name
      from pg_trigger
     where not tgisinternal and tgrelid::regclass::text = any(${tables}) and (tgtype & 4) <> 0
     order by 1`;
  return rows.map((row) => row.name);
}

/** One SQL step of a dataset's generation, timed and reported under its label. */
export interface Step {
  label: string;
  sql: string;
}

/**
 * Runs a dataset's generation as pg_restore loads a dump: the `before` steps; the keys, indexes
 * and foreign keys of `tables` dropped (saveAndDropConstraints); the `bulk` steps with row
 * triggers off (session_replication_role = replica); every definition put back and checked; the
 * `after` steps; then VACUUM ANALYZE and a CHECKPOINT, so that timing starts on settled tables.
 * `settings` hold for the session while it runs (e.g. work_mem). `onStep` hears each step's
 * duration. Returns the row triggers on `tables` that did not fire during the load.
 */
export async function bulkLoad(
  sql: Sql,
  load: { tables: string[]; before: Step[]; bulk: Step[]; after: Step[]; settings: Record<string, string> },
  onStep: (label: string, ms: number) => void,
): Promise<string[]> {
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    onStep(label, performance.now() - start);
  };
  const settings = Object.entries(load.settings);
  for (const [name, value] of settings) await sql.unsafe(`set ${name} = '${value}'`);
  for (const step of load.before) await timed(step.label, () => sql.unsafe(step.sql));
  let saved: SavedDefinitions | undefined;
  await timed('drop keys, indexes and foreign keys', async () => (saved = await saveAndDropConstraints(sql, load.tables)));
  const skipped = await rowTriggers(sql, load.tables);
  await sql.unsafe('set session_replication_role = replica');
  for (const step of load.bulk) await timed(step.label, () => sql.unsafe(step.sql));
  await sql.unsafe('reset session_replication_role');
  await timed('rebuild keys, constraints and indexes, validate foreign keys', () => restoreConstraints(sql, saved!));
  for (const step of load.after) await timed(step.label, () => sql.unsafe(step.sql));
  await timed('vacuum analyze', () => sql.unsafe('vacuum (analyze)'));
  await timed('checkpoint', () => sql.unsafe('checkpoint'));
  for (const [name] of settings) await sql.unsafe(`reset ${name}`);
  return skipped;
}
