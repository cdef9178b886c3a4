import { describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';

describe('migrations', () => {
  it('apply to an empty database and enable btree_gist', async () => {
    const sql = rawSql();
    const extensions = await sql<{ extname: string }[]>`select extname from pg_extension where extname = 'btree_gist'`;
    expect(extensions.map((e) => e.extname)).toEqual(['btree_gist']);
    const tables = await sql<{ tablename: string }[]>`
      select tablename from pg_tables where schemaname = 'public' order by tablename`;
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['users', 'staff_assignments', 'towns', 'communities', 'api_tokens', 'audit_log', 'household_counts']),
    );
  });
});
