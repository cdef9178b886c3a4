/**
 * `npm start`: from a clone to the running app. Starts the database (DATABASE_URL, or an
 * embedded PostgreSQL under .data/), applies migrations and the demo seed, builds the app when
 * the build is missing or older than the sources, serves it with `next start` and prints the
 * demo sign-ins. Ctrl-C or SIGTERM stops the web server, then the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { getAuthSecret } from '../server/auth/secret';
import { printDemoSignIns } from './demo-sign-ins';
import { prepareDatabase } from './prepare-database';
import { startAppDatabase, stopOnSignals } from './postgres';

const port = Number(process.env.PORT ?? 3000);
const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

function newestSourceTime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.resolve('.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'server', 'messages', 'i18n', 'db/schema', 'public'].map((dir) => newestSourceTime(dir));
  const configs = ['next.config.ts', 'package.json', 'proxy.ts'].map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0));
  return Math.max(...sources, ...configs) > built;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { stdio: 'inherit', env });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function waitUntilServing(url: string, child: ChildProcess) {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main() {
  if (!process.env.AUTH_SECRET && process.env.NODE_ENV === 'production') {
    console.error('AUTH_SECRET is not set: refusing to start in production. Generate one with `openssl rand -base64 32`.');
    process.exit(1);
  }
  const authSecret = process.env.AUTH_SECRET ?? getAuthSecret();
  if (!process.env.AUTH_SECRET) console.log('Using a generated local AUTH_SECRET (.data/dev-auth-secret). Set AUTH_SECRET for a real deployment.');

  const database = await startAppDatabase();
  console.log(database.embedded ? `Embedded PostgreSQL on ${new URL(database.url).port} (data in .data/postgres)` : 'Using DATABASE_URL');
  let web: ChildProcess | undefined;
  stopOnSignals(database, async () => {
    if (web && web.exitCode === null) {
      web.kill('SIGTERM');
      await waitFor(web);
    }
  });

  const summary = await prepareDatabase(database.url, { seed: true });
  console.log(`Database ready: ${summary?.towns} towns and streets, ${summary?.communities} villages and communities.`);

  const baseUrl = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: authSecret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseUrl, PORT: String(port) };
  const next = path.resolve('node_modules/next/dist/bin/next');
  if (mode === 'start' && buildIsStale()) {
    console.log('Building the app (next build)…');
    const code = await waitFor(run(process.execPath, [next, 'build'], env));
    if (code !== 0) {
      await database.stop();
      process.exit(code);
    }
  }
  web = run(process.execPath, [next, mode, '-p', String(port)], env);
  if (await waitUntilServing(baseUrl, web)) printDemoSignIns(baseUrl);
  const code = await waitFor(web);
  await database.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
