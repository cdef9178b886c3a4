/**
 * The compliance report at national scale: a city (Dongguan, ~595 communities) and the whole
 * register (~615,000), through the domain function, through the HTTP API, and beside plain SQL
 * over the same data. See bench/README.md for what each line measures.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import type { Benchmark, BenchContext } from '../lib/benchmark';
import { measure, type Measured, type MeasureOptions } from '../lib/measure';
import { startNextServer, timedGet, withTimeout, type NextServer } from '../lib/next-server';
import { freePort } from '../lib/ports';
import { startRun } from '../lib/start-run';
import { loadAverage, machineWasBusy, writeReadmeSection, writeResults } from '../lib/report';
import { startScratchPostgres } from '../lib/scratch-postgres';
import { formatBytes, formatCount, formatMs, table } from '../lib/stats';
import { minimalAggregateSql } from './baseline';
import { countRows, generateDataset, NATIONAL, type DatasetSize, type RowCounts } from './dataset';

const AS_OF = '2026-06-30';
const CITY_PREFIX = '441900';
const TARGET_CITY_MS = 100;
const TARGET_NATIONAL_MS = 5_000;
/** Rows in the national API's paginated line (`limit`). */
const PAGE_ROWS = 10_000;

/**
 * Server settings for the scratch PostgreSQL. Durability is off because the data is thrown away
 * (it only speeds up generation; the timed reports write nothing). shared_buffers holds the hot
 * part of the ~4.5 GB database; work_mem, the planner and parallelism keep their defaults, which
 * is what the application gets.
 */
export const POSTGRES_FLAGS = [
  '-c', 'shared_buffers=3GB',
  '-c', 'fsync=off',
  '-c', 'synchronous_commit=off',
  '-c', 'full_page_writes=off',
  '-c', 'max_wal_size=16GB',
  '-c', 'checkpoint_timeout=1h',
];

const CITY_RUNS: MeasureOptions = { warmup: 3, iterations: 20, budgetMs: 60_000 };
// A national run takes seconds to minutes: one warm-up, then up to three while within budget.
const NATIONAL_RUNS: MeasureOptions = { warmup: 1, iterations: 3, budgetMs: 180_000 };

interface Line {
  key: string;
  label: string;
  result: Measured;
  note?: string;
}

function scaled(scale: number): DatasetSize {
  if (scale === 1) return NATIONAL;
  return { otherCommunities: Math.max(100, Math.round(NATIONAL.otherCommunities * scale)), otherTowns: Math.max(10, Math.round(NATIONAL.otherTowns * scale)) };
}

export const complianceBenchmark: Benchmark = {
  name: 'compliance',
  description: 'compliance report, city and national, through the domain function, the API and plain SQL',
  async run(ctx: BenchContext) {
    const started = await startRun(ctx, ['/api/v1/compliance', '/api/v1/auth/token']);
    const { scale, machine, startedAt, buildDir } = started;
    let { apiProblem } = started;

    // A throwaway PostgreSQL with the national dataset.
    const pgPort = await freePort(55500);
    ctx.log(`\nStarting a scratch PostgreSQL on port ${pgPort} (${POSTGRES_FLAGS.filter((f) => f !== '-c').join(', ')}) …`);
    const keepDir = process.env.BENCH_KEEP_DATABASE || undefined;
    const database = await startScratchPostgres({ port: pgPort, database: 'linli_bench', flags: POSTGRES_FLAGS, keepDir });
    if (keepDir) ctx.log(database.reused ? `Reusing the database kept in ${keepDir} (BENCH_KEEP_DATABASE).` : `The database will be kept in ${keepDir} (BENCH_KEEP_DATABASE).`);
    ctx.onCleanup(() => database.stop());
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    // Imported late: db/client reads DATABASE_URL when first used.
    const { db, closeDb, queryText } = await import('../../db/client');
    ctx.onCleanup(() => closeDb());
    const { seedRuleSets } = await import('../../db/seed/rule-sets');
    await db.transaction((tx) => seedRuleSets(tx));

    const generator = postgres(database.url, { max: 1, onnotice: () => {} });
    ctx.onCleanup(() => generator.end({ timeout: 5 }));
    const [{ version }] = await generator<[{ version: string }]>`select current_setting('server_version') as version`;
    const size = scaled(scale);
    const steps: { label: string; ms: number }[] = [];
    let generation = database.reused ? await keptGeneration(generator, scale) : null;
    if (!generation) {
      ctx.log(`Generating the dataset (scale ${scale}) in SQL …`);
      const generationStarted = performance.now();
      const skipped = await generateDataset(generator, size, (label, ms) => {
        steps.push({ label, ms });
        ctx.log(`  ${label.padEnd(50)} ${formatMs(ms).padStart(9)}`);
      });
      generation = { ms: performance.now() - generationStarted, skippedTriggers: skipped };
      if (keepDir) await recordGeneration(generator, scale, generation);
    }
    const { ms: generationMs, skippedTriggers } = generation;
    const rows = await countRows(generator);
    // The generation's connection carries its session's history (bulk settings, large caches):
    // the timed SQL gets a fresh connection, as the application's pool would give it.
    await generator.end({ timeout: 5 });
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    ctx.onCleanup(() => sql.end({ timeout: 5 }));
    ctx.log(`Generated in ${formatMs(generationMs)}: ${describeRows(rows)}.`);
    if (skippedTriggers.length > 0) ctx.log(`Row triggers not fired during the bulk load: ${skippedTriggers.join(', ')}.`);

    // The auditor who asks for the reports, with a known password for the API.
    const { hashPassword } = await import('../../server/auth/password');
    const password = randomBytes(12).toString('base64url');
    const email = 'bench-auditor@example.com';
    const [auditor] = await sql<{ id: string }[]>`
      insert into users (name, email, password_hash, role) values ('Benchmark auditor', ${email}, ${await hashPassword(password)}, 'auditor')
      on conflict (email) do update set password_hash = excluded.password_hash
      returning id`;
    const requestContext = { userId: auditor!.id, requestId: 'bench', clientAddress: '127.0.0.1' };

    const { getComplianceReport } = await import('../../server/compliance/report');
    const { complianceQuerySchema } = await import('../../server/compliance/schemas');
    const { getRuleSet } = await import('../../server/compliance/rule-sets');
    const { communityFactsSql } = await import('../../server/compliance/facts-query');
    const cityQuery = complianceQuerySchema.parse({ codePrefix: CITY_PREFIX, asOf: AS_OF });
    const nationalQuery = complianceQuerySchema.parse({ asOf: AS_OF });
    const ruleSet = (await getRuleSet(cityQuery.ruleSet))!;

    const lines: Line[] = [];
    const run = async (key: string, label: string, work: () => Promise<unknown>, options: MeasureOptions, note?: () => string | undefined) => {
      ctx.log(`  ${label} …`);
      const result = await measure(work, options);
      const line = { key, label, result, note: note?.() };
      lines.push(line);
      ctx.log(`    ${describe(line)}`);
      return result;
    };

    // (a), (b): the domain function, as a page or the API handler calls it.
    ctx.log(`\nTiming (load average ${loadAverage()}):`);
    let cityRows = 0;
    let nationalRows = 0;
    await run('domain.city', 'city report, domain function', async () => {
      cityRows = (await getComplianceReport(requestContext, cityQuery)).rows.length;
    }, CITY_RUNS, () => `${cityRows} communities`);
    await run('domain.national', 'national report, domain function', async () => {
      nationalRows = (await getComplianceReport(requestContext, nationalQuery)).rows.length;
    }, NATIONAL_RUNS, () => `${formatCount(nationalRows)} communities`);

    // (d): the database alone, through the same driver.
    const factsQuery = (scope: { codePrefix?: string }) => queryText(communityFactsSql(ruleSet.rules, { asOf: AS_OF, ...scope }));
    const cityFacts = factsQuery({ codePrefix: CITY_PREFIX });
    const nationalFacts = factsQuery({});
    const cityMinimal = minimalAggregateSql(AS_OF, CITY_PREFIX);
    const nationalMinimal = minimalAggregateSql(AS_OF);
    await run('sql.facts.city', 'city, facts query alone (SQL)', () => sql.unsafe(cityFacts.sql, cityFacts.params as never[]), CITY_RUNS);
    await run('sql.facts.national', 'national, facts query alone (SQL)', () => sql.unsafe(nationalFacts.sql, nationalFacts.params as never[]), NATIONAL_RUNS);
    await run('sql.minimal.city', 'city, minimal aggregate (SQL)', () => sql.unsafe(cityMinimal.text, cityMinimal.params), CITY_RUNS);
    await run('sql.minimal.national', 'national, minimal aggregate (SQL)', () => sql.unsafe(nationalMinimal.text, nationalMinimal.params), NATIONAL_RUNS);

    // (c): the HTTP API of a production build.
    let server: NextServer | null = null;
    const national: { bytes: number | null; status: number | null } = { bytes: null, status: null };
    if (!apiProblem && buildDir) {
      try {
        const webPort = await freePort(3300);
        ctx.log(`\nStarting next start on port ${webPort} …`);
        const readyStarted = performance.now();
        server = await startNextServer({ dir: buildDir, port: webPort, databaseUrl: database.url, readyTimeoutMs: 180_000 }, ctx.onCleanup);
        ctx.log(`next start answered after ${formatMs(performance.now() - readyStarted)}.`);
        const response = await withTimeout(
          fetch(`${server.url}/api/v1/auth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: email, password }),
          }),
          60_000,
          'POST /api/v1/auth/token',
        );
        if (!response.ok) throw new Error(`POST /api/v1/auth/token answered ${response.status}: ${await response.text()}`);
        const { token } = (await response.json()) as { token: string };
        const cityUrl = `${server.url}/api/v1/compliance?codePrefix=${CITY_PREFIX}&asOf=${AS_OF}`;
        const nationalUrl = `${server.url}/api/v1/compliance?asOf=${AS_OF}`;
        const first = await withTimeout(fetch(cityUrl, { headers: { authorization: `Bearer ${token}` } }), 120_000, `GET ${cityUrl}`);
        const body = (await first.json()) as { rows?: unknown[] };
        if (!first.ok || body.rows?.length !== cityRows) throw new Error(`GET ${cityUrl} answered ${first.status} with ${body.rows?.length ?? 'no'} rows`);
        ctx.log(`Signed in with a bearer token; the city report answers with ${body.rows.length} rows.`);
        let cityBytes = 0;
        await run('api.city', 'city report, API', async () => {
          const r = await timedGet(cityUrl, token, 60_000);
          if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
          cityBytes = r.bytes;
        }, CITY_RUNS, () => `${formatBytes(cityBytes)} of JSON`);
        await run('api.national', 'national report, API', async () => {
          const r = await timedGet(nationalUrl, token, 15 * 60_000);
          national.bytes = r.bytes;
          national.status = r.status;
          if (r.status !== 200) throw new Error(`HTTP ${r.status} after ${formatMs(r.ms)} (${formatBytes(r.bytes)})`);
        }, NATIONAL_RUNS, () => (national.bytes === null ? undefined : `${formatBytes(national.bytes)} of JSON`));
        let pageBytes = 0;
        await run('api.national.page', 'national report, API, one page', async () => {
          const r = await timedGet(`${nationalUrl}&limit=${PAGE_ROWS}`, token, 15 * 60_000);
          if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
          pageBytes = r.bytes;
        }, NATIONAL_RUNS, () => `limit=${formatCount(PAGE_ROWS)}: ${formatBytes(pageBytes)} of JSON with every roll-up`);
      } catch (error) {
        apiProblem = error instanceof Error ? error.message : String(error);
        ctx.log(`The API could not be timed: ${apiProblem}`);
      } finally {
        await server?.stop();
      }
    }
    const endLoad = loadAverage();

    // The table.
    const median = (key: string) => lines.find((l) => l.key === key)?.result.summary?.median ?? null;
    const ratio = (a: string, b: string) => {
      const x = median(a);
      const y = median(b);
      return x !== null && y !== null && y > 0 ? `${(x / y).toFixed(1)}×` : '–';
    };
    const baseOf = (key: string) => (key.includes('national') ? 'national' : 'city');
    const header = ['measurement', 'runs', 'min', 'median', 'p95', '÷ facts SQL', '÷ minimal SQL', 'note'];
    const tableRows = lines.map((line) => {
      const s = line.result.summary;
      const base = baseOf(line.key);
      const note = [line.note, line.result.error ? `error: ${line.result.error}` : undefined].filter(Boolean).join('; ');
      return [
        line.label,
        s ? String(s.n) : '0',
        s ? formatMs(s.min) : '–',
        s ? formatMs(s.median) : '–',
        s ? formatMs(s.p95) : '–',
        line.key.startsWith('sql.facts') ? '1.0×' : ratio(line.key, `sql.facts.${base}`),
        line.key.startsWith('sql.minimal') ? '1.0×' : ratio(line.key, `sql.minimal.${base}`),
        note,
      ];
    });
    const cityMedian = median('domain.city');
    const nationalMedian = median('domain.national');
    const verdict = (value: number | null, target: number) =>
      value === null ? 'not measured' : value < target ? `met (${formatMs(value)})` : `missed (${formatMs(value)})`;
    const targets = [
      `City report (domain function, median) under ${formatMs(TARGET_CITY_MS)}: ${verdict(cityMedian, TARGET_CITY_MS)}; through the API: ${verdict(median('api.city'), TARGET_CITY_MS)}.`,
      `National report (domain function, median) under ${formatMs(TARGET_NATIONAL_MS)}: ${verdict(nationalMedian, TARGET_NATIONAL_MS)}; through the API: ${verdict(median('api.national'), TARGET_NATIONAL_MS)}.`,
    ];
    ctx.log(`\n${table(header, tableRows)}\n`);
    for (const t of targets) ctx.log(t);
    if (apiProblem) ctx.log(`API not timed: ${apiProblem}`);
    if (national.bytes !== null) ctx.log(`National API response: HTTP ${national.status}, ${formatBytes(national.bytes)}.`);
    ctx.log(`Load average at the start ${machine.loadAverage}, at the end ${endLoad}.`);

    const resultsFile = writeResults('compliance', { startedAt, machine, postgres: version, flags: POSTGRES_FLAGS, scale, rows, generationMs, steps, skippedTriggers, lines, apiProblem, national, endLoad });
    ctx.log(`Raw samples: ${resultsFile}`);
    if (scale !== 1) {
      ctx.log('bench/README.md not updated: reduced scale (BENCH_SCALE).');
      return;
    }
    writeReadmeSection(
      'compliance',
      [
        `### Compliance report — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}, PostgreSQL ${version}. ` +
          `Load average (1 / 5 / 15 min) ${machine.loadAverage} at the start and ${endLoad} at the end` +
          (machineWasBusy([machine.loadAverage, endLoad])
            ? ': other work competed for the CPUs, and every figure includes its share.'
            : ' (the machine was otherwise quiet).'),
        '',
        `Dataset: ${describeRows(rows)}; generated in ${formatMs(generationMs)}. Report date ${AS_OF}, rule set ${ruleSet.code}, registered households.`,
        '',
        table(header, tableRows, true),
        '',
        ...targets.map((t) => `- ${t}`),
        ...(apiProblem ? [`- API not timed: ${apiProblem}.`] : []),
        ...(national.bytes !== null ? [`- National API response: HTTP ${national.status}, ${formatBytes(national.bytes)} of JSON.`] : []),
      ].join('\n'),
    );
    ctx.log('Figures written to bench/README.md.');
  },
};

interface Generation {
  ms: number;
  skippedTriggers: string[];
}

/**
 * A kept database (BENCH_KEEP_DATABASE) remembers the scale it was generated at and how long
 * that took, so a later run reports the same figures without generating again.
 */
async function recordGeneration(sql: postgres.Sql, scale: number, generation: Generation) {
  await sql`create table bench_generation (scale float8 not null, ms float8 not null, skipped_triggers text[] not null)`;
  await sql`insert into bench_generation values (${scale}, ${generation.ms}, ${generation.skippedTriggers})`;
}

async function keptGeneration(sql: postgres.Sql, scale: number): Promise<Generation> {
  const [kept] = await sql<{ scale: number; ms: number; skipped_triggers: string[] }[]>`select * from bench_generation`.catch(() => []);
  if (!kept) throw new Error('The kept database (BENCH_KEEP_DATABASE) holds no finished generation: delete it and run again.');
  if (kept.scale !== scale) throw new Error(`The kept database was generated at scale ${kept.scale}, not ${scale}: delete it or set BENCH_SCALE=${kept.scale}.`);
  return { ms: kept.ms, skippedTriggers: kept.skipped_triggers };
}

function describe(line: Line): string {
  const s = line.result.summary;
  const figures = s ? `n=${s.n} min ${formatMs(s.min)}, median ${formatMs(s.median)}, p95 ${formatMs(s.p95)}` : 'no figures';
  return [figures, line.note, line.result.error ? `error: ${line.result.error}` : undefined].filter(Boolean).join('; ');
}

function describeRows(rows: RowCounts): string {
  return (
    `${formatCount(rows.towns)} towns, ${formatCount(rows.communities)} communities (${formatCount(rows.dongguanCommunities)} in Dongguan), ` +
    `${formatCount(rows.facilities)} facilities, ${formatCount(rows.spaces)} spaces, ${formatCount(rows.areaMeasurements)} area measurements, ` +
    `${formatCount(rows.householdCounts)} household counts, ${formatCount(rows.facilityShares)} facility shares; ${formatBytes(rows.databaseBytes)} on disk`
  );
}
