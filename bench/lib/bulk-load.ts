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
