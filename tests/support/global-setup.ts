import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedPostgres, type RunningDatabase } from '../../scripts/postgres';
import { assertLocalDatabase } from './local-database';

export const TEMPLATE_DATABASE = 'linli_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

let server: RunningDatabase | undefined;

// One throwaway PostgreSQL for the run (or TEST_DATABASE_URL), with a migrated template
// database; each test file then gets its own copy of the template (database-per-file.ts).
export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
  } else {
    server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `linli-test-pg-${process.pid}`),
      port: 20000 + (process.pid % 20000),
      database: 'postgres',
      persistent: false,
    });
    adminUrl = server.adminUrl;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await migrateDatabase(templateUrl.toString());
  await insertReferenceData(templateUrl.toString());
  project.provide('adminDatabaseUrl', adminUrl);
}

/** The rule sets every installation has (migrations create tables; this fills the reference data). */
async function insertReferenceData(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const schema = await import('../../db/schema');
    const { seedRuleSets } = await import('../../db/seed/rule-sets');
    const db = drizzle(sql, { schema, casing: 'snake_case' });
    await db.transaction((tx) => seedRuleSets(tx as never));
  } finally {
    await sql.end();
  }
}

export async function teardown() {
  await server?.stop();
}
