/**
 * Booking at city scale: (a) throughput of POST /api/v1/bookings at 1, 10 and 50 clients beside
 * the same rows inserted with plain SQL; (b) 200 simultaneous requests for one slot; (c) a room's
 * week of availability with 1,000,000 bookings in the table. See bench/README.md ("booking").
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { addDays, shanghaiDate, shanghaiInstant, shanghaiWeekday, toShanghaiIso } from '../../server/bookings/shanghai-time';
import type { Benchmark, BenchContext } from '../lib/benchmark';
import { ownCpuMs, parentPid, processTreeCpuMs } from '../lib/cpu';
import { closedLoop, type ClosedLoopResult } from '../lib/load';
import { measure, type Measured, type MeasureOptions } from '../lib/measure';
import { keepAliveAgent, startNextServer, timedPost, timedRequest, type NextServer } from '../lib/next-server';
import { freePort } from '../lib/ports';
import { startRun } from '../lib/start-run';
import { loadAverage, machineWasBusy, writeReadmeSection, writeResults } from '../lib/report';
import { startScratchPostgres } from '../lib/scratch-postgres';
import { formatBytes, formatCount, formatMs, summarize, table } from '../lib/stats';
import {
  benchId,
  BUSY_ROOMS,
  CONTEST_RESIDENTS,
  CONTEST_ROOM,
  countBookingRows,
  FIRST_POOL_ROOM,
  FULL_SIZE,
  generateBookingDataset,
  HOURS_A_DAY,
  residentToken,
  ROOMS_PER_FACILITY,
  type BookingDatasetSize,
  type BookingRowCounts,
} from './dataset';

const CLIENT_LEVELS = [1, 10, 50];
/** The API floor (a request refused at its token) is measured at this level only. */
const FLOOR_CLIENTS = 10;
/** The API's share of the direct-SQL rate: at least this much (and aim for AIM_SHARE). */
const TARGET_SHARE = 0.3;
const AIM_SHARE = 0.5;
const TARGET_P99_AT_10_MS = 100;
const TARGET_AVAILABILITY_P99_MS = 20;
const CONTEST_REQUESTS = CONTEST_RESIDENTS;
/** Each API resident books at most this many slots: the default quota is 3 active bookings a facility. */
const BOOKINGS_PER_RESIDENT = 3;
/** The application's pool (db/client.ts): the SQL baseline gets as many connections. */
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const REQUEST_TIMEOUT_MS = 30_000;
const PURPOSE = '书法练习';
const ATTENDEES = 6;

/**
 * Server settings for the scratch PostgreSQL. Durability stays on (fsync, synchronous_commit,
 * full_page_writes at their defaults): the timed work is committing bookings, and a commit that
 * waits for the disk is what the application gets. shared_buffers holds the whole ~1 GB
 * database; the WAL settings keep checkpoints out of the timed windows (one is forced before
 * each). Generation turns synchronous_commit off for its own session.
 */
export const POSTGRES_FLAGS = ['-c', 'shared_buffers=1GB', '-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=1h'];

interface Slot {
  roomId: string;
  communityId: string;
  startsAt: Date;
  endsAt: Date;
}

interface Level {
  /** `floor`: the same POST refused at its bearer token — the least any API request costs. */
  side: 'sql' | 'api' | 'floor';
  result: ClosedLoopResult;
  /** CPU ms per answered request within the window, by process tree. */
  cpu: { server: number | null; postgres: number | null; client: number };
}

interface LatencyLine {
  key: string;
  label: string;
  result: Measured;
  /** CPU ms per timed call, by process tree; server only for the API. */
  cpu: { server: number | null; postgres: number | null; client: number } | null;
  note?: string;
}

function scaled(scale: number): BookingDatasetSize {
  if (scale === 1) return FULL_SIZE;
  return {
    facilities: Math.max(40, Math.round(FULL_SIZE.facilities * scale)),
    apiResidents: Math.max(3_000, Math.round(FULL_SIZE.apiResidents * scale)),
    otherResidents: Math.max(1_000, Math.round(FULL_SIZE.otherResidents * scale)),
    bookings: Math.max(10_000, Math.round(FULL_SIZE.bookings * scale)),
  };
}

/**
 * The throughput test's slots, handed out once each: whole hours 08:00–21:00 on `days`, over
 * the pool's rooms, hour after hour (consecutive requests go to different rooms and facilities,
 * as a city's requests would). API and SQL draw from the same pool, so no two ever collide.
 */
class SlotPool {
  private next = 0;

  constructor(
    private readonly rooms: { id: string; communityId: string }[],
    private readonly days: string[],
  ) {}

  get size() {
    return this.rooms.length * HOURS_A_DAY * this.days.length;
  }

  get taken() {
    return this.next;
  }

  take(): Slot | null {
    const k = this.next;
    const room = this.rooms[k % this.rooms.length]!;
    const t = Math.floor(k / this.rooms.length);
    const day = this.days[Math.floor(t / HOURS_A_DAY)];
    if (day === undefined) return null;
    this.next++;
    const startsAt = shanghaiInstant(day, (8 + (t % HOURS_A_DAY)) * 60);
    return { roomId: room.id, communityId: room.communityId, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) };
  }
}

/** What the floor's requests carry: never booked, so any well-formed slot will do. */
const FLOOR_SLOT: Slot = { roomId: benchId('room', FIRST_POOL_ROOM), communityId: benchId('community', 2), startsAt: new Date('2030-01-07T02:00:00Z'), endsAt: new Date('2030-01-07T03:00:00Z') };

/** The last segment of a problem+json `type`, or the start of a body that is not one. */
function problemType(body: string): string {
  try {
    const type = (JSON.parse(body) as { type?: unknown }).type;
    if (typeof type === 'string') return type.slice(type.lastIndexOf('/') + 1);
  } catch {
    // not JSON
  }
  return body.slice(0, 80);
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function rate(perSecond: number): string {
  return `${perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`;
}

export const bookingBenchmark: Benchmark = {
  name: 'booking',
  description: 'booking throughput through the API beside plain SQL, 200 requests for one slot, a week of availability among 1,000,000 bookings',
  async run(ctx: BenchContext) {
    const started = await startRun(ctx, ['/api/v1/bookings', '/api/v1/rooms/[roomId]/availability']);
    const { scale, machine, startedAt, buildDir } = started;
    let { apiProblem } = started;
    const windowMs = scale === 1 ? 15_000 : 5_000;
    const warmupMs = scale === 1 ? 3_000 : 2_000;
    const availabilityRuns: MeasureOptions = scale === 1 ? { warmup: 20, iterations: 200, budgetMs: 120_000 } : { warmup: 10, iterations: 50, budgetMs: 30_000 };

    // A throwaway PostgreSQL with the bookings.
    const pgPort = await freePort(55600);
    ctx.log(`\nStarting a scratch PostgreSQL on port ${pgPort} (${POSTGRES_FLAGS.filter((f) => f !== '-c').join(', ')}) …`);
    const database = await startScratchPostgres({ port: pgPort, database: 'linli_bench_booking', flags: POSTGRES_FLAGS });
    ctx.onCleanup(() => database.stop());
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;

    const size = scaled(scale);
    const tokenSecret = randomBytes(12).toString('hex');
    const generator = postgres(database.url, { max: 1, onnotice: () => {} });
    ctx.onCleanup(() => generator.end({ timeout: 5 }));
    const [{ version }] = await generator<[{ version: string }]>`select current_setting('server_version') as version`;
    ctx.log(`Generating the dataset (scale ${scale}: ${formatCount(size.bookings)} bookings, ${formatCount(size.facilities * ROOMS_PER_FACILITY)} rooms) in SQL …`);
    const generationStarted = performance.now();
    const steps: { label: string; ms: number }[] = [];
    const skippedTriggers = await generateBookingDataset(generator, size, { today: shanghaiDate(new Date()), tokenSecret }, (label, ms) => {
      steps.push({ label, ms });
      ctx.log(`  ${label.padEnd(60)} ${formatMs(ms).padStart(9)}`);
    });
    const generationMs = performance.now() - generationStarted;
    const rows = await countBookingRows(generator);
    await generator.end({ timeout: 5 });
    ctx.log(`Generated in ${formatMs(generationMs)}: ${describeRows(rows)}.`);
    if (skippedTriggers.length > 0) ctx.log(`Row triggers not fired during the bulk load: ${skippedTriggers.join(', ')}.`);

    // Connections for the timed SQL (fresh, as the application's pool would give them).
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    ctx.onCleanup(() => admin.end({ timeout: 5 }));
    const [{ pid: backendPid }] = await admin<[{ pid: number }]>`select pg_backend_pid() as pid`;
    const postmasterPid = parentPid(backendPid);
    const single = postgres(database.url, { max: 1, onnotice: () => {} });
    ctx.onCleanup(() => single.end({ timeout: 5 }));
    const pool = postgres(database.url, { max: POOL_SIZE, onnotice: () => {} });
    ctx.onCleanup(() => pool.end({ timeout: 5 }));

    const tokens = Array.from({ length: size.apiResidents }, (_, n) => residentToken(tokenSecret, n));
    // A token's last use is written at most once per five minutes (userIdForToken): mark every
    // token as just used before a timed run, as for residents who just looked at the room.
    const freshenTokens = async () => {
      await admin`update api_tokens set last_used_at = now()`;
      await admin`vacuum api_tokens`;
    };
    const checkpoint = () => admin`checkpoint`;

    let server: NextServer | null = null;
    if (!apiProblem && buildDir) {
      try {
        const webPort = await freePort(3400);
        ctx.log(`\nStarting next start on port ${webPort} …`);
        const readyStarted = performance.now();
        server = await startNextServer({ dir: buildDir, port: webPort, databaseUrl: database.url, readyTimeoutMs: 180_000 }, ctx.onCleanup);
        ctx.log(`next start answered after ${formatMs(performance.now() - readyStarted)}.`);
      } catch (error) {
        apiProblem = error instanceof Error ? error.message : String(error);
        ctx.log(`The API could not be timed: ${apiProblem}`);
      }
    }

    // (c) A week of one busy room, with exactly the generated bookings in the table.
    const today = shanghaiDate(new Date());
    const monday = addDays(today, 8 - shanghaiWeekday(shanghaiInstant(today, 720)));
    const weekFrom = shanghaiInstant(monday, 0);
    const weekTo = shanghaiInstant(addDays(monday, 7), 0);
    const busyRoom = benchId('room', 0);
    const [week] = await admin<[{ busy: number; total: number }]>`
      select count(*)::int as busy, (select count(*)::int from bookings) as total
        from occupancies where space_id = ${busyRoom} and during && tstzrange(${weekFrom.toISOString()}::timestamptz, ${weekTo.toISOString()}::timestamptz, '[)')`;
    ctx.log(`\n(c) Week availability of one room (${monday} to ${addDays(monday, 6)}, ${week!.busy} busy hours) with ${formatCount(week!.total)} bookings in the table; load average ${loadAverage()}:`);
    const latencyLines: LatencyLine[] = [];
    const cpuNow = (withServer: boolean) => ({
      server: server && withServer ? processTreeCpuMs(server.pid) : null,
      postgres: postmasterPid ? processTreeCpuMs(postmasterPid) : null,
      client: ownCpuMs(),
    });
    const timeLatency = async (key: string, label: string, work: () => Promise<unknown>, note?: () => string | undefined) => {
      ctx.log(`  ${label} …`);
      // Warm-ups first, outside the CPU readings (the first calls open connections and compile).
      try {
        for (let i = 0; i < availabilityRuns.warmup; i++) await work();
      } catch {
        // measure() below meets the same error and reports it
      }
      let calls = 0;
      const before = cpuNow(key.endsWith('.api'));
      const result = await measure(() => (calls++, work()), { ...availabilityRuns, warmup: 0 });
      const after = cpuNow(key.endsWith('.api'));
      const per = (a: number | null, b: number | null) => (a === null || b === null || calls === 0 ? null : (b - a) / calls);
      const line: LatencyLine = {
        key,
        label,
        result,
        cpu: { server: per(before.server, after.server), postgres: per(before.postgres, after.postgres), client: per(before.client, after.client)! },
        note: note?.(),
      };
      latencyLines.push(line);
      ctx.log(`    ${describeLatency(line)}`);
    };

    // The SQL the availability handler sends, captured from the domain's own query builders.
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const schema = await import('../../db/schema');
    const { loadRoomContext } = await import('../../server/bookings/room-context');
    const { loadBusy, getAvailability } = await import('../../server/bookings/availability');
    const captured: { query: string; params: unknown[] }[] = [];
    const capturing = drizzle(single, { schema, casing: 'snake_case', logger: { logQuery: (query, params) => captured.push({ query, params }) } });
    await loadRoomContext(capturing, busyRoom);
    await loadBusy(capturing, busyRoom, weekFrom, weekTo);
    let apiBody = { bytes: 0, busy: 0, free: 0 };
    if (server) {
      const agent = keepAliveAgent(1);
      const url = `${server.url}/api/v1/rooms/${busyRoom}/availability?from=${encodeURIComponent(toShanghaiIso(weekFrom))}&to=${encodeURIComponent(toShanghaiIso(weekTo))}`;
      const first = await timedRequest('GET', url, { agent, timeoutMs: REQUEST_TIMEOUT_MS });
      const body = JSON.parse(first.body) as { busy?: unknown[]; free?: unknown[] };
      if (first.status !== 200 || body.busy?.length !== week!.busy) {
        throw new Error(`GET ${url} answered ${first.status} with ${body.busy?.length ?? 'no'} busy intervals (expected ${week!.busy}): ${first.body.slice(0, 300)}`);
      }
      apiBody = { bytes: Buffer.byteLength(first.body), busy: body.busy.length, free: body.free?.length ?? 0 };
      await timeLatency('availability.api', 'week availability, API', async () => {
        const r = await timedRequest('GET', url, { agent, timeoutMs: REQUEST_TIMEOUT_MS });
        if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
      }, () => `${apiBody.busy} busy, ${apiBody.free} free slots; ${formatBytes(apiBody.bytes)} of JSON`);
      agent.destroy();
    }
    await timeLatency('availability.domain', 'week availability, domain function', () => getAvailability(busyRoom, weekFrom, weekTo), () => 'getAvailability, in this process');
    await timeLatency('availability.sql', 'week availability, its SQL alone', async () => {
      for (const q of captured) await single.unsafe(q.query, q.params as never[], { prepare: true });
    }, () => `${captured.length} queries: the room with its rules, the week's occupancies`);
    const { closeDb } = await import('../../db/client');
    await closeDb();

    // (a) Throughput at 1, 10 and 50 clients: SQL, then the API, at each level.
    const poolRooms = Array.from({ length: size.facilities * ROOMS_PER_FACILITY - FIRST_POOL_ROOM }, (_, i) => ({
      id: benchId('room', FIRST_POOL_ROOM + i),
      communityId: benchId('community', Math.floor((FIRST_POOL_ROOM + i) / ROOMS_PER_FACILITY)),
    }));
    const slots = new SlotPool(poolRooms, Array.from({ length: 12 }, (_, i) => addDays(today, 2 + i)));
    const bookingResidents = size.apiResidents - CONTEST_RESIDENTS;
    let apiRequests = 0;
    let sqlRequests = 0;
    let createdOk = 0;
    const bookingsBefore = Number((await admin<[{ n: string }]>`select count(*) as n from bookings`)[0]!.n);
    ctx.log(`\n(a) Booking throughput, ${formatMs(warmupMs)} warm-up then ${formatMs(windowMs)} per run; ${formatCount(slots.size)} free slots in ${formatCount(poolRooms.length)} rooms, ${formatCount(bookingResidents)} residents with tokens:`);

    const levels: Level[] = [];
    const runLevel = async (side: Level['side'], clients: number, send: (slot: Slot, n: number) => Promise<string>, next: () => number | null) => {
      await checkpoint();
      if (side === 'api') await freshenTokens();
      const readings = () => ({ server: server && side !== 'sql' ? processTreeCpuMs(server.pid) : null, postgres: postmasterPid ? processTreeCpuMs(postmasterPid) : null, client: ownCpuMs() });
      let atOpen = readings();
      let atClose = atOpen;
      const result = await closedLoop(
        {
          clients,
          warmupMs,
          durationMs: windowMs,
          onWindowOpen: () => (atOpen = readings()),
          onWindowClose: () => (atClose = readings()),
        },
        () => {
          const n = next();
          if (n === null) return null;
          // The floor's requests are refused before any slot is looked at: they use none up.
          const slot = side === 'floor' ? FLOOR_SLOT : slots.take();
          return slot ? { slot, n } : null;
        },
        ({ slot, n }) => send(slot, n),
      );
      const answered = Object.values(result.outcomes).reduce((a, b) => a + b, 0);
      const per = (a: number | null, b: number | null) => (a === null || b === null || answered === 0 ? null : (b - a) / answered);
      const level: Level = { side, result, cpu: { server: per(atOpen.server, atClose.server), postgres: per(atOpen.postgres, atClose.postgres), client: per(atOpen.client, atClose.client)! } };
      levels.push(level);
      ctx.log(`  ${describeLevel(level)}`);
      return level;
    };

    for (const clients of CLIENT_LEVELS) {
      await runLevel(
        'sql',
        clients,
        async (slot, n) => {
          const residentId = benchId('resident', size.apiResidents + (n % size.otherResidents));
          await pool.begin(async (tx) => {
            const [booking] = await tx<{ id: string }[]>`
              insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status)
              values (${slot.communityId}, ${slot.roomId}, ${residentId}, ${slot.startsAt.toISOString()}::timestamptz, ${slot.endsAt.toISOString()}::timestamptz, ${PURPOSE}, ${ATTENDEES}, 'confirmed')
              returning id`;
            await tx`
              insert into occupancies (community_id, space_id, during, kind, booking_id)
              values (${slot.communityId}, ${slot.roomId}, tstzrange(${slot.startsAt.toISOString()}::timestamptz, ${slot.endsAt.toISOString()}::timestamptz, '[)'), 'booking', ${booking!.id})`;
          });
          createdOk++;
          return 'ok';
        },
        () => sqlRequests++,
      );
      if (!server) continue;
      const agent = keepAliveAgent(clients);
      const url = `${server.url}/api/v1/bookings`;
      await runLevel(
        'api',
        clients,
        async (slot, n) => {
          const r = await timedPost(
            url,
            tokens[n % bookingResidents]!,
            { roomId: slot.roomId, startsAt: toShanghaiIso(slot.startsAt), endsAt: toShanghaiIso(slot.endsAt), purpose: PURPOSE, attendees: ATTENDEES },
            { agent, timeoutMs: REQUEST_TIMEOUT_MS },
          );
          if (r.status === 201) {
            createdOk++;
            return 'ok';
          }
          return `HTTP ${r.status} ${problemType(r.body)}`;
        },
        () => (apiRequests < bookingResidents * BOOKINGS_PER_RESIDENT ? apiRequests++ : null),
      );
      if (clients === FLOOR_CLIENTS) {
        // The same POST with a token nobody holds: refused (401) after the token's one indexed
        // lookup. Next's request handling, the lookup and the problem+json answer are all it
        // costs, so its rate is the most any API request reaches here: the ceiling of API ÷ SQL.
        let floorRequests = 0;
        await runLevel(
          'floor',
          clients,
          async (slot, n) => {
            const r = await timedPost(url, `lnl_bench_unknown_${n}`, { roomId: slot.roomId, startsAt: toShanghaiIso(slot.startsAt), endsAt: toShanghaiIso(slot.endsAt), purpose: PURPOSE, attendees: ATTENDEES }, { agent, timeoutMs: REQUEST_TIMEOUT_MS });
            return r.status === 401 ? 'ok' : `HTTP ${r.status} ${problemType(r.body)}`;
          },
          () => floorRequests++,
        );
      }
      agent.destroy();
    }
    const [after] = await admin<[{ bookings: number; occupancies: number }]>`
      select (select count(*)::int from bookings) as bookings, (select count(*)::int from occupancies) as occupancies`;
    if (after!.bookings - bookingsBefore !== createdOk) {
      throw new Error(`${createdOk} bookings were answered as made, but the table grew by ${after!.bookings - bookingsBefore}`);
    }

    // (b) 200 residents ask for one slot at the same moment.
    const contest = await runContest();
    async function runContest() {
      if (!server) return null;
      await freshenTokens();
      const roomId = benchId('room', CONTEST_ROOM);
      const communityId = benchId('community', Math.floor(CONTEST_ROOM / ROOMS_PER_FACILITY));
      const startsAt = shanghaiInstant(addDays(today, 3), 10 * 60);
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      const body = { roomId, startsAt: toShanghaiIso(startsAt), endsAt: toShanghaiIso(endsAt), purpose: PURPOSE, attendees: ATTENDEES };
      const agent = keepAliveAgent(CONTEST_REQUESTS);
      ctx.log(`\n(b) ${CONTEST_REQUESTS} simultaneous requests for ${body.startsAt} in one room; load average ${loadAverage()}:`);
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: CONTEST_REQUESTS }, (_, i) =>
          timedPost(`${server!.url}/api/v1/bookings`, tokens[bookingResidents + i]!, body, { agent, timeoutMs: REQUEST_TIMEOUT_MS }).then(
            (r) => ({ status: r.status, type: problemType(r.body), ms: r.ms, alternatives: r.status === 409 ? ((JSON.parse(r.body) as { alternatives?: unknown[] }).alternatives?.length ?? 0) : 0 }),
            (error: unknown) => ({ status: 0, type: error instanceof Error ? error.message : String(error), ms: performance.now() - t0, alternatives: 0 }),
          ),
        ),
      );
      const wallMs = performance.now() - t0;
      agent.destroy();
      const [db] = await admin<[{ occupancies: number; bookings: number }]>`
        select (select count(*)::int from occupancies where space_id = ${roomId} and during && tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, '[)')) as occupancies,
               (select count(*)::int from bookings where space_id = ${roomId} and community_id = ${communityId} and status in ('pending', 'confirmed')
                  and starts_at < ${endsAt.toISOString()}::timestamptz and ends_at > ${startsAt.toISOString()}::timestamptz) as bookings`;
      const counts = new Map<string, number>();
      for (const a of answers) {
        const key = a.status === 201 ? '201' : `${a.status || 'no answer'} ${a.type}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const created = answers.filter((a) => a.status === 201).length;
      const serverErrors = answers.filter((a) => a.status >= 500).length;
      const conflicts = answers.filter((a) => a.status === 409).length;
      const slotTaken = answers.filter((a) => a.status === 409 && a.type === 'slot-taken');
      const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n} × ${key}`).join(', ');
      const result = {
        created,
        conflicts,
        serverErrors,
        other: CONTEST_REQUESTS - created - conflicts,
        withAlternatives: slotTaken.filter((a) => a.alternatives > 0).length,
        slotTaken: slotTaken.length,
        wallMs,
        db,
        summary,
        latency: summarize(answers.map((a) => a.ms)),
      };
      ctx.log(`  ${summary}; all answered within ${formatMs(wallMs)}. In the table: ${db!.bookings} booking(s), ${db!.occupancies} occupancy(ies) for the slot.`);
      return result;
    }
    await server?.stop();
    const endLoad = loadAverage();

    // The tables.
    const throughputHeader = ['measurement', 'clients', 'answered', 'rate', 'p50', 'p99', 'API ÷ SQL', 'CPU / request', 'SQL ÷ API CPU', 'note'];
    const sqlLevel = (clients: number) => levels.find((l) => l.side === 'sql' && l.result.clients === clients);
    const share = (level: Level) => {
      const base = sqlLevel(level.result.clients)?.result.okPerSecond;
      return base ? level.result.okPerSecond / base : null;
    };
    // What the API's rate would be beside the SQL's if each had the CPUs to itself: the inverse
    // ratio of the CPU each spends per request (server, PostgreSQL and load client together).
    const cpuShare = (level: Level) => {
      const base = sqlLevel(level.result.clients);
      const own = totalCpu(level);
      return base && own && totalCpu(base) ? totalCpu(base)! / own : null;
    };
    const throughputRows = levels.map((level) => {
      const r = level.result;
      const answered = Object.values(r.outcomes).reduce((a, b) => a + b, 0);
      const s = share(level);
      return [
        level.side === 'sql' ? 'bookings, direct SQL' : level.side === 'api' ? 'bookings, API' : 'API floor: refused at the token (401)',
        String(r.clients),
        formatCount(answered),
        rate(r.okPerSecond),
        r.latency ? formatMs(r.latency.median) : '–',
        r.latency ? formatMs(r.latency.p99) : '–',
        level.side !== 'sql' && s !== null ? percent(s) : '',
        totalCpu(level) === null ? '–' : formatMs(totalCpu(level)!),
        level.side !== 'sql' && cpuShare(level) !== null ? percent(cpuShare(level)!) : '',
        levelNote(level),
      ];
    });
    const latencyHeader = ['measurement', 'runs', 'p50', 'p99', 'max', '÷ SQL p50', 'CPU / request', 'note'];
    const sqlP50 = latencyLines.find((l) => l.key === 'availability.sql')?.result.summary?.median ?? null;
    const latencyRows = latencyLines.map((line) => {
      const s = line.result.summary;
      return [
        line.label,
        s ? String(s.n) : '0',
        s ? formatMs(s.median) : '–',
        s ? formatMs(s.p99) : '–',
        s ? formatMs(s.max) : '–',
        s && sqlP50 ? `${(s.median / sqlP50).toFixed(1)}×` : '–',
        line.cpu && line.cpu.postgres !== null ? formatMs((line.cpu.server ?? 0) + line.cpu.postgres + line.cpu.client) : '–',
        [line.note, line.cpu ? cpuText(line.cpu) : undefined, line.result.error ? `error: ${line.result.error}` : undefined].filter(Boolean).join('; '),
      ];
    });
    if (contest) {
      const s = contest.latency;
      latencyRows.push([
        `${CONTEST_REQUESTS} simultaneous requests for one slot, API`,
        String(CONTEST_REQUESTS),
        s ? formatMs(s.median) : '–',
        s ? formatMs(s.p99) : '–',
        s ? formatMs(s.max) : '–',
        '–',
        '–',
        `${contest.summary}; ${contest.withAlternatives} of the slot-taken answers list alternatives`,
      ]);
    }

    const apiLevels = levels.filter((l) => l.side === 'api');
    const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
    const targets: string[] = [];
    if (apiLevels.length > 0) {
      const shares = apiLevels.map((l) => ({ clients: l.result.clients, share: share(l) }));
      targets.push(
        `API rate at least ${percent(TARGET_SHARE)} of the direct-SQL rate (aim ${percent(AIM_SHARE)}): ` +
          shares.map((s) => `${s.clients} client${s.clients === 1 ? '' : 's'} ${s.share === null ? 'not measured' : `${percent(s.share)} (${s.share >= AIM_SHARE ? 'met, and the aim' : verdict(s.share >= TARGET_SHARE)})`}`).join('; ') + '.',
      );
      const cpuShares = apiLevels.map((l) => cpuShare(l)).filter((x): x is number => x !== null);
      if (cpuShares.length > 0) {
        targets.push(
          `By CPU per request, whatever else the machine ran: the API spends ${(1 / Math.max(...cpuShares)).toFixed(0)}–${(1 / Math.min(...cpuShares)).toFixed(0)}× the direct SQL's CPU for a booking, so with the cores to itself it would reach ${percent(Math.min(...cpuShares))}–${percent(Math.max(...cpuShares))} of the SQL rate.`,
        );
      }
      const floor = levels.find((l) => l.side === 'floor');
      if (floor && share(floor) !== null) {
        targets.push(
          `The API's ceiling: a request refused at its token (Next's request handling, one indexed lookup, a problem+json answer) reaches ${percent(share(floor)!)} of the SQL rate at ${FLOOR_CLIENTS} clients` +
            (cpuShare(floor) !== null ? ` (${percent(cpuShare(floor)!)} by CPU per request)` : '') +
            '; a booking cannot do better than that.',
        );
      }
      const at10 = apiLevels.find((l) => l.result.clients === 10)?.result.latency?.p99 ?? null;
      targets.push(`API p99 under ${formatMs(TARGET_P99_AT_10_MS)} at 10 clients: ${at10 === null ? 'not measured' : `${verdict(at10 < TARGET_P99_AT_10_MS)} (${formatMs(at10)})`}.`);
      const failures = apiLevels.filter((l) => l.result.ok !== Object.values(l.result.outcomes).reduce((a, b) => a + b, 0));
      if (failures.length > 0) targets.push(`Not every throughput request was booked: ${failures.map((l) => `${l.result.clients} clients: ${outcomesText(l.result)}`).join('; ')}.`);
      const ranOut = levels.filter((l) => l.result.ranOut);
      if (ranOut.length > 0) targets.push(`Ran out of free slots or residents during: ${ranOut.map((l) => `${l.side} at ${l.result.clients}`).join(', ')} (the window was shortened).`);
    }
    if (contest) {
      const exact = contest.created === 1 && contest.conflicts === CONTEST_REQUESTS - 1 && contest.serverErrors === 0;
      targets.push(
        `${CONTEST_REQUESTS} simultaneous requests for one slot: exactly one 201, the rest 409, no 5xx: ${exact ? 'met' : 'NOT MET'} (${contest.summary}; ${contest.db!.occupancies} occupancy in the table).`,
      );
    }
    const availabilityP99 = latencyLines.find((l) => l.key === 'availability.api')?.result.summary?.p99 ?? null;
    if (server || availabilityP99 !== null) {
      targets.push(`Week availability p99 (API) under ${formatMs(TARGET_AVAILABILITY_P99_MS)}: ${availabilityP99 === null ? 'not measured' : `${verdict(availabilityP99 < TARGET_AVAILABILITY_P99_MS)} (${formatMs(availabilityP99)})`}.`);
    }

    ctx.log(`\n${table(throughputHeader, throughputRows)}\n`);
    ctx.log(`${table(latencyHeader, latencyRows)}\n`);
    for (const t of targets) ctx.log(t);
    if (apiProblem) ctx.log(`API not timed: ${apiProblem}`);
    ctx.log(`Load average at the start ${machine.loadAverage}, at the end ${endLoad}.`);

    const resultsFile = writeResults('booking', {
      startedAt,
      machine,
      postgres: version,
      flags: POSTGRES_FLAGS,
      scale,
      size,
      rows,
      generationMs,
      steps,
      skippedTriggers,
      week: { from: weekFrom, to: weekTo, busy: week!.busy },
      levels,
      latencyLines,
      contest,
      apiProblem,
      endLoad,
    });
    ctx.log(`Raw samples: ${resultsFile}`);

    // A 5xx or a double booking is a failure of the application, not a missed target.
    if (contest) {
      const problems = [
        contest.serverErrors > 0 ? `${contest.serverErrors} answers were 5xx` : null,
        contest.created > 1 ? `${contest.created} requests were answered 201` : null,
        contest.created === 0 ? 'no request was answered 201' : null,
        contest.db!.occupancies !== 1 || contest.db!.bookings !== 1 ? `the slot has ${contest.db!.bookings} active bookings and ${contest.db!.occupancies} occupancies` : null,
      ].filter(Boolean);
      if (problems.length > 0) throw new Error(`${CONTEST_REQUESTS} requests for one slot: ${problems.join('; ')} (${contest.summary})`);
    }

    if (scale !== 1) {
      ctx.log('bench/README.md not updated: reduced scale (BENCH_SCALE).');
      return;
    }
    writeReadmeSection(
      'booking',
      [
        `### Booking — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}, PostgreSQL ${version}. ` +
          `Load average (1 / 5 / 15 min) ${machine.loadAverage} at the start and ${endLoad} at the end` +
          (machineWasBusy([machine.loadAverage, endLoad]) ? ': other work competed for the CPUs, and every figure includes its share.' : ' (the machine was otherwise quiet).') +
          ' The load client, the server and PostgreSQL share these cores.',
        '',
        `Dataset: ${describeRows(rows)}; generated in ${formatMs(generationMs)}.`,
        '',
        `(a) Throughput: ${formatMs(warmupMs)} warm-up, then the requests answered within ${formatMs(windowMs)}; CPU per request from /proc, by process tree.`,
        '',
        table(throughputHeader, throughputRows, true),
        '',
        `(b) and (c): the week ${monday} to ${addDays(monday, 6)} of a room with ${week!.busy} busy hours, ${formatCount(week!.total)} bookings in the table.`,
        '',
        table(latencyHeader, latencyRows, true),
        '',
        ...targets.map((t) => `- ${t}`),
        ...(apiProblem ? [`- API not timed: ${apiProblem}.`] : []),
      ].join('\n'),
    );
    ctx.log('Figures written to bench/README.md.');
  },
};

function outcomesText(result: ClosedLoopResult): string {
  return Object.entries(result.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${formatCount(n)} × ${outcome}`)
    .join(', ');
}

/** CPU ms per request of the server, PostgreSQL and the load client together, or null when unknown. */
function totalCpu(level: Level): number | null {
  if (level.cpu.postgres === null || (level.side === 'api' && level.cpu.server === null)) return null;
  return (level.cpu.server ?? 0) + level.cpu.postgres + level.cpu.client;
}

function cpuText(cpu: { server: number | null; postgres: number | null; client: number }): string {
  const parts = [
    cpu.server !== null ? `server ${cpu.server.toFixed(1)}` : null,
    cpu.postgres !== null ? `PostgreSQL ${cpu.postgres.toFixed(1)}` : null,
    `client ${cpu.client.toFixed(2)}`,
  ].filter(Boolean);
  return `CPU ms: ${parts.join(', ')}`;
}

function levelNote(level: Level): string {
  const notes = [cpuText(level.cpu)];
  const answered = Object.values(level.result.outcomes).reduce((a, b) => a + b, 0);
  if (level.result.ok !== answered) notes.push(outcomesText(level.result));
  if (level.result.ranOut) notes.push('ran out of slots or residents');
  return notes.join('; ');
}

function describeLevel(level: Level): string {
  const r = level.result;
  const answered = Object.values(r.outcomes).reduce((a, b) => a + b, 0);
  const latency = r.latency ? `p50 ${formatMs(r.latency.median)}, p99 ${formatMs(r.latency.p99)}` : 'no answers';
  return `${level.side === 'sql' ? 'SQL' : level.side === 'api' ? 'API' : 'API floor'} at ${String(r.clients).padStart(2)} clients: ${rate(r.okPerSecond)} (${formatCount(answered)} answered in ${formatMs(r.windowMs)}), ${latency}; ${levelNote(level)}`;
}

function describeLatency(line: LatencyLine): string {
  const s = line.result.summary;
  const figures = s ? `n=${s.n} p50 ${formatMs(s.median)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)}` : 'no figures';
  return [figures, line.note, line.cpu ? cpuText(line.cpu) : undefined, line.result.error ? `error: ${line.result.error}` : undefined].filter(Boolean).join('; ');
}

function describeRows(rows: BookingRowCounts): string {
  return (
    `${formatCount(rows.rooms)} bookable rooms (${ROOMS_PER_FACILITY} a centre; ${BUSY_ROOMS} booked ahead), ${formatCount(rows.residents)} residents (${formatCount(rows.tokens)} with API tokens), ` +
    `${formatCount(rows.bookings)} bookings (${formatCount(rows.futureBookings)} still to come), ${formatCount(rows.occupancies)} occupancies; ${formatBytes(rows.databaseBytes)} on disk`
  );
}
