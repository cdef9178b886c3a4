/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL (or TEST_DATABASE_URL's
 * server, with a fresh database), migrated and seeded, and the production build (`next start`).
 * Never the demo database.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { assertLocalDatabase } from '../tests/support/local-database';
import { prepareDatabase } from './prepare-database';
import { startEmbeddedPostgres, stopOnSignals, type RunningDatabase } from './postgres';

const port = Number(process.env.E2E_PORT ?? 3210);

async function startDatabase(): Promise<RunningDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  if (!external) {
    return startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `linli-e2e-pg-${process.pid}`),
      port: Number(process.env.E2E_PG_PORT ?? 54400 + (process.pid % 500)),
      database: 'linli_e2e',
      persistent: false,
    });
  }
  assertLocalDatabase(external);
  const admin = postgres(external, { max: 1, onnotice: () => {} });
  await admin.unsafe('DROP DATABASE IF EXISTS linli_e2e WITH (FORCE)');
  await admin.unsafe('CREATE DATABASE linli_e2e');
  await admin.end();
  const url = new URL(external);
  url.pathname = '/linli_e2e';
  return { url: url.toString(), adminUrl: external, embedded: false, stop: async () => {} };
}

async function main() {
  const database = await startDatabase();
  await prepareDatabase(database.url, { seed: true });
  const web = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-0123456789',
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  });
  stopOnSignals(database, async () => {
    if (web.exitCode === null) {
      web.kill('SIGTERM');
      await new Promise((resolve) => web.once('exit', resolve));
    }
  });
  web.on('exit', (code) => {
    void database.stop().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
