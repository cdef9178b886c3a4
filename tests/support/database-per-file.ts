import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';

// Runs before each test file's imports: the file gets a fresh copy of the migrated template,
// and db/client.ts (connected lazily) picks it up from DATABASE_URL.
const adminUrl = inject('adminDatabaseUrl');
const name = `linli_test_${randomBytes(6).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE linli_test_template`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { closeDb } = await import('../../db/client');
  await closeDb();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});
