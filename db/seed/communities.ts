import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommunityKind, townKindEnum } from '../schema';

type TownKind = (typeof townKindEnum.enumValues)[number];

export interface TownSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: TownKind;
  residents2020: number;
  /** Unit count stated by a public source, when there is one. */
  unitsKnown: number | null;
  /** The source calls all its units communities (社区), none villages. */
  allUrban: boolean;
}

export interface CommunitySeed {
  code: string;
  name: string;
  kind: CommunityKind;
  townCode: string;
}

export interface HouseholdCountSeed {
  basis: 'registered' | 'resident';
  households: number;
  asOf: string;
  source: string;
  note?: string;
}

// 2011–2014 municipal figures (shared/data/README.md).
export const TOTAL_UNITS = 595;
export const TOTAL_URBAN = 245;
const MINIMUM_PER_TOWN = 3;
const URBAN_SHARE_IN_STREETS = 0.8;

const TOWN_KINDS: Record<string, TownKind> = { street: 'street', town: 'town', 'functional area': 'functional_area' };

// Bare names as listed in the data README; the listed Humen units are all 社区 today,
// and Dongcheng's units (including 堑头) have all become 社区 since the village reforms.
const REAL_NAMES: Record<string, readonly string[]> = {
  东城: ['岗贝', '花园新村', '东泰', '温塘', '桑园', '周屋', '余屋', '鳌峙塘', '峡口', '柏洲边', '上桥', '下桥', '樟村', '堑头'],
  虎门: ['树田', '怀德', '路东', '南栅', '东方', '东风', '白沙', '赤岗', '金洲', '龙眼', '南面', '小捷滘', '新湾', '宴岗', '沙角', '大宁', '黄村', '居岐', '则徐', '镇口', '村头', '民泰', '陈村'],
  莞城: ['西隅'],
};

const PREFIXES = ['东', '西', '南', '北', '上', '下', '新', '大', '石', '沙', '塘', '龙', '凤', '莲', '黄', '陈', '李', '鹤'];
const ROOTS = ['坑', '岭', '塘', '围', '头', '湖', '田', '洲', '边', '岗', '涌', '厦', '基'];
// Combinations that read as ordinary words (big building, big head, stone), not as place names.
const AWKWARD = ['大厦', '大头', '石头'];

export function parseTownsCsv(text: string): TownSeed[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== 'code,name_zh,name_en,kind,residents_2020,units_known') {
    throw new Error(`Unexpected towns CSV header: ${header}`);
  }
  return lines.map((line) => {
    const [code, nameZh, nameEn, kindLabel, residents, units] = line.split(',');
    const kind = TOWN_KINDS[kindLabel ?? ''];
    if (!code || !nameZh || !nameEn || !kind || !residents || units === undefined) {
      throw new Error(`Bad towns CSV line: ${line}`);
    }
    const known = /^(\d+) /.exec(units);
    return {
      code,
      nameZh,
      nameEn,
      kind,
      residents2020: Number(residents),
      unitsKnown: known ? Number(known[1]) : null,
      allUrban: /^\d+ communities$/.test(units),
    };
  });
}

export function readTowns(): TownSeed[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dongguan-towns.csv');
  return parseTownsCsv(readFileSync(file, 'utf8'));
}

/** Hamilton's method: shares of `total` proportional to `weights`, summing exactly; ties go to the earlier index. */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (sum === 0 ? 0 : (w / sum) * total));
  const shares = quotas.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i]! += 1;
  }
  return shares;
}

/** Units per town: known counts kept exactly, the rest by population with a floor of three. */
export function allocateUnits(towns: readonly TownSeed[], total = TOTAL_UNITS): Map<string, number> {
  const fixed = new Map<string, number>();
  for (const t of towns) if (t.unitsKnown !== null) fixed.set(t.code, t.unitsKnown);
  for (;;) {
    const free = towns.filter((t) => !fixed.has(t.code));
    const remaining = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const shares = largestRemainder(free.map((t) => t.residents2020), remaining);
    const small = free.filter((_, i) => shares[i]! < MINIMUM_PER_TOWN);
    if (small.length === 0) {
      free.forEach((t, i) => fixed.set(t.code, shares[i]!));
      return new Map(towns.map((t) => [t.code, fixed.get(t.code)!]));
    }
    for (const t of small) fixed.set(t.code, MINIMUM_PER_TOWN);
  }
}

/**
 * Urban communities per town. Streets and Songshan Lake are mostly 社区; the towns share what is
 * left of the city's 245 in proportion to their size, so they come out mostly villages.
 */
export function allocateUrban(towns: readonly TownSeed[], units: Map<string, number>, totalUrban = TOTAL_URBAN) {
  const urban = new Map<string, number>();
  for (const t of towns) {
    const n = units.get(t.code)!;
    if (t.allUrban) urban.set(t.code, n);
    else if (t.kind !== 'town') urban.set(t.code, Math.round(n * URBAN_SHARE_IN_STREETS));
  }
  const rural = towns.filter((t) => !urban.has(t.code));
  const remaining = totalUrban - [...urban.values()].reduce((a, b) => a + b, 0);
  const shares = largestRemainder(rural.map((t) => units.get(t.code)!), remaining);
  rural.forEach((t, i) => urban.set(t.code, shares[i]!));
  return urban;
}

/** mulberry32: a tiny seeded PRNG, so every run (and every machine) generates the same city. */
export function prng(seed: string): () => number {
  let a = 0x811c9dc5;
  for (const ch of seed) a = Math.imul(a ^ ch.codePointAt(0)!, 0x01000193);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedNames(town: TownSeed, count: number, taken: ReadonlySet<string>): string[] {
  const random = prng(town.code);
  const pool = PREFIXES.flatMap((p) => ROOTS.filter((r) => r !== p).map((r) => p + r)).filter((n) => !taken.has(n));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  if (pool.length < count) throw new Error(`Not enough generated names for ${town.nameZh}`);
  return pool.slice(0, count);
}

function code(townCode: string, n: number) {
  return townCode + String(n).padStart(3, '0');
}

/** Every village and community of the demo city, ordered by code. */
export function buildCommunities(towns: readonly TownSeed[]): CommunitySeed[] {
  const units = allocateUnits(towns);
  const urban = allocateUrban(towns, units);
  // A village named like a town (东坑村 in 长安) would be misread as belonging to that town.
  const townNames = towns.map((t) => t.nameZh);
  return towns.flatMap((town) => {
    const n = units.get(town.code)!;
    const u = urban.get(town.code)!;
    const real = REAL_NAMES[town.nameZh] ?? [];
    if (real.length > u) throw new Error(`${town.nameZh} has more real community names than urban units`);
    const names = [...real, ...generatedNames(town, n - real.length, new Set([...real, ...townNames, ...AWKWARD]))];
    // 居委会 are numbered from 001, 村委会 from 201 (national statistical-code convention).
    const communities = names.slice(0, u).map((bare, i) => ({
      code: code(town.code, i + 1),
      name: `${bare}社区`,
      kind: 'community' as const,
      townCode: town.code,
    }));
    const villages = names.slice(u).map((bare, i) => ({
      code: code(town.code, 201 + i),
      name: `${bare}村`,
      kind: 'village' as const,
      townCode: town.code,
    }));
    return [...communities, ...villages];
  });
}

// Public profiles (shared/data/README.md). 堑头's resident households: its 849 registered ones
// plus about 12,000 migrants at 2.8 persons per household.
const REAL_COUNTS: Record<string, { registered: number; resident: number; note: string }> = {
  西隅社区: { registered: 2700, resident: 5800, note: '公开资料：户籍 2,700 户、12,064 人，面积 0.57 平方公里' },
  堑头社区: { registered: 849, resident: 849 + Math.round(12000 / 2.8), note: '公开资料：户籍 849 户、3,216 人，外来人口约 12,000 人' },
};

export const COUNTS_AS_OF = '2025-12-31';
export const FIRST_COUNT_YEAR = 2012;
const GAP_EVERY = 20;
/** Years whose report is missing for every 20th community: their counts go stale in 2017–2020. */
export const GAP_YEARS = [2016, 2017, 2018, 2019];

function between(random: () => number, low: number, high: number) {
  return low + random() * (high - low);
}

/**
 * Registered and resident households for one community: a count per basis for every year from
 * 2012 to 2025 (town statistical reports, as of 31 December). Villages (many of them factory
 * villages) house far more migrants per registered household than urban communities; resident
 * households grew faster than registered ones. Every 20th community misses the 2016–2019
 * reports, so its counts are stale in those years.
 */
export function householdCountsFor(community: CommunitySeed, index: number): HouseholdCountSeed[] {
  const random = prng(community.code);
  const real = REAL_COUNTS[community.name];
  const village = community.kind === 'village';
  const registered = real?.registered ?? Math.round(between(random, village ? 500 : 800, 3000));
  // Capped so that no unit exceeds about 20,000 resident households.
  const ratio = village ? between(random, 3, Math.min(10, 20000 / registered)) : between(random, 2, 5);
  const resident = real?.resident ?? Math.round(registered * ratio);
  // A second generator, so that the 2025 figures above do not depend on the history.
  const history = prng(`${community.code}:history`);
  const registeredStart = between(history, 0.85, 0.97);
  const residentStart = between(history, 0.55, 0.9);
  const counts: HouseholdCountSeed[] = [];
  for (let year = FIRST_COUNT_YEAR; year <= 2025; year++) {
    if (index % GAP_EVERY === GAP_EVERY / 2 && GAP_YEARS.includes(year)) continue;
    const progress = (year - FIRST_COUNT_YEAR) / (2025 - FIRST_COUNT_YEAR);
    const source = `镇街统计报表 ${year}`;
    const note = year === 2025 ? real?.note : undefined;
    counts.push(
      { basis: 'registered', households: Math.round(registered * (registeredStart + (1 - registeredStart) * progress)), asOf: `${year}-12-31`, source, note },
      { basis: 'resident', households: Math.round(resident * (residentStart + (1 - residentStart) * progress)), asOf: `${year}-12-31`, source, note },
    );
  }
  return counts;
}
