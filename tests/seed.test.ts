import { beforeAll, describe, expect, it } from 'vitest';
import { db, rawSql } from '../db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-accounts';
import { seedDatabase, type SeedSummary } from '../db/seed/seed';
import { verifyPassword } from '../server/auth/password';

async function snapshot() {
  const sql = rawSql();
  const [row] = await sql<{ towns: number; communities: number; villages: number; urban: number; users: number; counts: number; assignments: number; stamp: string }[]>`
    select
      (select count(*)::int from towns) as towns,
      (select count(*)::int from communities) as communities,
      (select count(*)::int from communities where kind = 'village') as villages,
      (select count(*)::int from communities where kind = 'community') as urban,
      (select count(*)::int from users) as users,
      (select count(*)::int from household_counts) as counts,
      (select count(*)::int from staff_assignments) as assignments,
      -- Changes whenever any seeded row is rewritten, not only when rows are added.
      (select md5(string_agg(code || name || kind || updated_at::text, ',' order by code)) from communities)
        || (select md5(string_agg(email || password_hash || updated_at::text, ',' order by email)) from users) as stamp`;
  return row!;
}

let first: SeedSummary;
let second: SeedSummary;
let afterFirst: Awaited<ReturnType<typeof snapshot>>;
let afterSecond: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  first = await seedDatabase(db);
  afterFirst = await snapshot();
  second = await seedDatabase(db);
  afterSecond = await snapshot();
});

describe('demo seed', () => {
  it('creates the city and is idempotent', () => {
    expect(first).toEqual({ towns: 33, communities: 595, villages: 350, urbanCommunities: 245, users: 8 });
    expect(second).toEqual(first);
    expect(afterFirst).toMatchObject({ towns: 33, communities: 595, villages: 350, urban: 245, users: 8, assignments: 10 });
    // Two bases for every community plus 30 older registered counts.
    // 14 yearly reports (2012–2025) on two bases; every 20th community misses 2016–2019.
    expect(afterFirst.counts).toBe(595 * 2 * 14 - 30 * 2 * 4);
    expect(afterSecond).toEqual(afterFirst);
  });

  it('numbers communities under their town, 社区 from 001 and 村 from 201', async () => {
    const sql = rawSql();
    const rows = await sql<{ code: string; town_code: string; kind: string; name: string }[]>`
      select code, town_code, kind, name from communities`;
    for (const c of rows) {
      expect(c.code.slice(0, 9)).toBe(c.town_code);
      const n = Number(c.code.slice(9));
      if (c.kind === 'community') {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(199);
        expect(c.name.endsWith('社区')).toBe(true);
      } else {
        expect(n).toBeGreaterThanOrEqual(200);
        expect(n).toBeLessThanOrEqual(399);
        expect(c.name.endsWith('村')).toBe(true);
      }
    }
    const duplicates = await sql`select town_code, name from communities group by 1, 2 having count(*) > 1`;
    expect(duplicates).toEqual([]);
  });

  it('keeps the known town sizes and gives every town at least three units', async () => {
    const sql = rawSql();
    const rows = await sql<{ name_zh: string; units: number }[]>`
      select t.name_zh, count(c.id)::int as units from towns t left join communities c on c.town_code = t.code
      group by t.name_zh`;
    const units = Object.fromEntries(rows.map((r) => [r.name_zh, r.units]));
    expect(units['东城']).toBe(24);
    expect(units['虎门']).toBe(30);
    expect(units['常平']).toBe(32);
    expect(Math.min(...rows.map((r) => r.units))).toBeGreaterThanOrEqual(3);
    // Population-proportional: 长安 (807k residents) has far more units than 洪梅 (65k).
    expect(units['长安']!).toBeGreaterThan(units['洪梅']! * 5);
  });

  it('uses the real names and profiles', async () => {
    const sql = rawSql();
    const named = await sql<{ code: string; name: string; town: string; kind: string }[]>`
      select c.code, c.name, t.name_zh as town, c.kind from communities c join towns t on t.code = c.town_code
      where c.name in ('树田社区', '西隅社区', '堑头社区', '小捷滘社区', '花园新村社区') order by c.code`;
    expect(named).toEqual([
      { code: '441900003002', name: '花园新村社区', town: '东城', kind: 'community' },
      { code: '441900003014', name: '堑头社区', town: '东城', kind: 'community' },
      { code: '441900006001', name: '西隅社区', town: '莞城', kind: 'community' },
      { code: '441900121001', name: '树田社区', town: '虎门', kind: 'community' },
      { code: '441900121012', name: '小捷滘社区', town: '虎门', kind: 'community' },
    ]);
    const counts = await sql<{ name: string; basis: string; households: number; supplied_by: string }[]>`
      select c.name, h.basis, h.households, h.supplied_by from household_counts h join communities c on c.id = h.community_id
      where c.name in ('西隅社区', '堑头社区') and h.as_of = '2025-12-31' order by c.name, h.basis`;
    expect(counts).toEqual([
      { name: '堑头社区', basis: 'registered', households: 849, supplied_by: '东城统计办' },
      { name: '堑头社区', basis: 'resident', households: 5135, supplied_by: '东城统计办' },
      { name: '西隅社区', basis: 'registered', households: 2700, supplied_by: '莞城统计办' },
      { name: '西隅社区', basis: 'resident', households: 5800, supplied_by: '莞城统计办' },
    ]);
  });

  it('gives every community both household bases within the published ranges, and some history', async () => {
    const sql = rawSql();
    const rows = await sql<{ kind: string; registered: number; resident: number }[]>`
      select c.kind,
        max(h.households) filter (where h.basis = 'registered') as registered,
        max(h.households) filter (where h.basis = 'resident') as resident
      from communities c join household_counts h on h.community_id = c.id and h.as_of = '2025-12-31'
      group by c.id, c.kind`;
    expect(rows).toHaveLength(595);
    for (const r of rows) {
      expect(r.registered).toBeGreaterThanOrEqual(r.kind === 'village' ? 500 : 800);
      expect(r.registered).toBeLessThanOrEqual(3000);
      expect(r.resident / r.registered).toBeGreaterThanOrEqual(1.9);
      expect(r.resident).toBeLessThanOrEqual(20000);
    }
    const [history] = await sql<{ n: number; gaps: number }[]>`
      select count(distinct community_id) filter (where as_of = '2012-12-31' and basis = 'registered')::int as n,
             (595 - count(distinct community_id) filter (where as_of = '2017-12-31'))::int as gaps
        from household_counts`;
    expect(history).toEqual({ n: 595, gaps: 30 });
  });

  it('creates the demo accounts with argon2id hashes of the demo password', async () => {
    const sql = rawSql();
    const rows = await sql<{ email: string; name: string; role: string; mobile: string | null; password_hash: string; home: string | null }[]>`
      select u.email, u.name, u.role, u.mobile, u.password_hash, c.name as home
      from users u left join communities c on c.id = u.home_community_id order by u.email`;
    expect(rows.map((r) => r.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const r of rows) {
      expect(r.password_hash.startsWith('$argon2id$')).toBe(true);
      expect(await verifyPassword(r.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(rows[0]!.password_hash, 'wrong-password')).toBe(false);
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail['admin@linli.demo']).toMatchObject({ role: 'admin', name: '市社工委管理员' });
    expect(byEmail['auditor@linli.demo']).toMatchObject({ role: 'auditor' });
    expect(byEmail['resident@linli.demo']).toMatchObject({ role: 'resident', name: '王芳', mobile: '13800138000', home: '树田社区' });
  });

  it('assigns staff to their communities', async () => {
    const sql = rawSql();
    const rows = await sql<{ email: string; town: string; name: string }[]>`
      select u.email, t.name_zh as town, c.name
      from staff_assignments s join users u on u.id = s.user_id
      join communities c on c.id = s.community_id join towns t on t.code = c.town_code
      order by u.email, c.code`;
    const of = (email: string) => rows.filter((r) => r.email === email);
    expect(of('staff@linli.demo').map((r) => r.town)).toEqual(['东城', '虎门', '虎门', '虎门']);
    expect(of('staff@linli.demo').map((r) => r.name)).toContain('树田社区');
    expect(of('staff2@linli.demo').map((r) => r.name)).toEqual(['西隅社区']);
    expect(of('staff3@linli.demo').map((r) => r.name)).toEqual(['堑头社区']);
    expect(of('staff4@linli.demo').map((r) => r.town)).toEqual(['常平', '常平']);
    expect(of('staff5@linli.demo').map((r) => r.town)).toEqual(['长安', '长安']);
    expect(rows.every((r) => r.email.startsWith('staff'))).toBe(true);
  });
});
