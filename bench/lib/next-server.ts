import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

function newestSourceTime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Why the production build must be (re)made before timing the API, or null when it is usable:
 * missing, without a route the benchmark calls, or older than the sources (the rule of
 * scripts/start.ts) — timing an old build would measure code that is no longer there.
 */
export function buildProblem(routes: string[]): string | null {
  const buildId = path.join(ROOT, '.next/BUILD_ID');
  if (!existsSync(buildId)) return '.next/BUILD_ID is missing';
  const manifest = path.join(ROOT, '.next/app-path-routes-manifest.json');
  const built = existsSync(manifest) ? Object.values(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>) : [];
  const absent = routes.filter((route) => !built.includes(route));
  if (absent.length > 0) return `the build has no ${absent.join(', ')}`;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'server', 'messages', 'i18n', 'db', 'public'].map((dir) => newestSourceTime(path.join(ROOT, dir)));
  const configs = ['next.config.ts', 'package.json', 'proxy.ts', 'instrumentation.ts'].map((file) => {
    const full = path.join(ROOT, file);
    return existsSync(full) ? statSync(full).mtimeMs : 0;
  });
  return Math.max(...sources, ...configs) > builtAt ? 'sources changed since the last build' : null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Runs `next build` once, its output shown; resolves its exit code and whether another build held the lock. */
function runBuild(timeoutMs: number, register: (stop: () => Promise<void>) => void): Promise<{ ok: boolean; locked: boolean }> {
  const child = spawn(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let output = '';
  const forward = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    to.write(chunk);
  };
  child.stdout!.on('data', forward(process.stdout));
  child.stderr!.on('data', forward(process.stderr));
  register(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await waitForExit(child, 10_000);
  });
  return waitForExit(child, timeoutMs).then(async (exited) => {
    if (!exited) {
      child.kill('SIGTERM');
      await waitForExit(child, 10_000);
    }
    return { ok: exited && child.exitCode === 0, locked: output.includes('Another next build process is already running') };
  });
}

/**
 * Makes the production build usable for `routes`. Another engineer's `next build` may hold
 * .next's lock: then this waits for it, and builds only if the result is still not usable.
 * Resolves null when the build is usable, or why it is not.
 */
export async function ensureBuild(
  routes: string[],
  timeoutMs: number,
  register: (stop: () => Promise<void>) => void,
  log: (message: string) => void,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = buildProblem(routes);
    if (!problem) return null;
    if (Date.now() > deadline) return `no usable build within ${Math.round(timeoutMs / 60_000)} minutes (${problem})`;
    log(`Building the app for the API timings (${problem}): next build …`);
    const t0 = performance.now();
    const { ok, locked } = await runBuild(deadline - Date.now(), register);
    if (ok) {
      log(`next build took ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
      return null;
    }
    if (!locked) return 'next build failed';
    log('Another next build is running: waiting 30 s, then checking again …');
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}

/**
 * A private copy of the production build, so that the timed server is not pulled from under the
 * benchmark when someone else rebuilds .next meanwhile (the e2e tests do, often): a directory of
 * symlinks to the project with its own copy of .next (without caches).
 */
async function snapshotBuild(routes: string[]): Promise<{ dir: string; remove(): Promise<void> } | null> {
  const dir = path.join(os.tmpdir(), `linli-bench-app-${process.pid}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  await remove();
  await mkdir(dir, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (['.next', '.git', '.data', 'test-results'].includes(entry)) continue;
    await symlink(path.join(ROOT, entry), path.join(dir, entry));
  }
  const dist = path.join(ROOT, '.next');
  const skipped = [path.join(dist, 'cache'), path.join(dist, 'dev'), path.join(dist, 'lock')];
  try {
    const before = readFileSync(path.join(dist, 'BUILD_ID'), 'utf8');
    await cp(dist, path.join(dir, '.next'), { recursive: true, filter: (source) => !skipped.some((s) => source === s || source.startsWith(s + path.sep)) });
    const after = readFileSync(path.join(dist, 'BUILD_ID'), 'utf8');
    if (before === after && buildProblem(routes) === null) return { dir, remove };
  } catch {
    // rebuilt (or removed) while being copied
  }
  await remove();
  return null;
}

/**
 * A usable production build of the current sources, copied aside: builds when needed (see
 * ensureBuild) and copies the result, again if someone rebuilt it during the copy.
 */
export async function prepareBuild(
  routes: string[],
  timeoutMs: number,
  register: (stop: () => Promise<void>) => void,
  log: (message: string) => void,
): Promise<{ dir: string } | { problem: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const problem = await ensureBuild(routes, deadline - Date.now(), register, log);
    if (problem) return { problem };
    const snapshot = await snapshotBuild(routes);
    if (snapshot) {
      register(snapshot.remove);
      return { dir: snapshot.dir };
    }
    log('The build changed while being copied: trying again …');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  return { problem: `no stable build within ${Math.round(timeoutMs / 60_000)} minutes` };
}

export interface NextServer {
  url: string;
  /** The `next start` process (its CPU time is read with bench/lib/cpu.ts). */
  pid: number;
  stop(): Promise<void>;
}

/** `next start` in `dir` on `port` against `databaseUrl`, ready when the OpenAPI document answers. */
export async function startNextServer(
  options: { dir: string; port: number; databaseUrl: string; readyTimeoutMs: number },
  register: (stop: () => Promise<void>) => void,
): Promise<NextServer> {
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: options.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: `bench-only-secret-${process.pid}-0123456789abcdefghijklmnopqrstuvwxyz`,
      NEXTAUTH_URL: url,
      // Booking reminders and no-shows would run against the benchmark's data: not measured here.
      LINLI_JOBS: 'off',
    },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  register(stop);
  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline && child.exitCode === null && !output.includes('Could not find a production build')) {
    try {
      const ok = await withTimeout(
        fetch(`${url}/api/v1/openapi.json`, { signal: AbortSignal.timeout(10_000) }).then(async (response) => {
          await response.arrayBuffer();
          return response.ok;
        }),
        15_000,
        'GET /api/v1/openapi.json',
      );
      if (ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not become ready. Last output:\n${output}`);
}

/** GET with a bearer token, reading the body as a stream (a national report is hundreds of MB). */
export async function timedGet(url: string, token: string, timeoutMs: number): Promise<{ status: number; bytes: number; ms: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { status: response.status, bytes, ms: performance.now() - t0 };
}

/**
 * A keep-alive connection pool for timedRequest: `sockets` connections at most, kept open
 * between requests as a real client's would be.
 */
export function keepAliveAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

export interface TimedResponse {
  status: number;
  body: string;
  ms: number;
}

/**
 * One request through node:http on a keep-alive agent, the body read as text. Lighter on the
 * client than fetch: under load the client shares the CPUs with the server and the database,
 * and every millisecond it spends is one the server does not get. Rejects on a network error or
 * when there is no complete answer within `timeoutMs`.
 */
export function timedRequest(
  method: 'GET' | 'POST',
  url: string,
  options: { agent: http.Agent; timeoutMs: number; token?: string; body?: unknown },
): Promise<TimedResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const request = http.request(url, { method, agent: options.agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
      response.on('error', reject);
    });
    request.setTimeout(options.timeoutMs, () => request.destroy(new Error(`${method} ${url}: no answer within ${Math.round(options.timeoutMs / 1000)} s`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** POST of a JSON body with a bearer token (see timedRequest). */
export function timedPost(url: string, token: string, body: unknown, options: { agent: http.Agent; timeoutMs: number }): Promise<TimedResponse> {
  return timedRequest('POST', url, { ...options, token, body });
}

/** Rejects when `promise` has not settled within `ms`: a hung request must not hang the run. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
