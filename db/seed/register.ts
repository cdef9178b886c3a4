/**
 * Demo data for the facility register: centres, rooms, outdoor grounds, dated area measurements
 * and one shared facility, built so that the compliance dashboards tell a true story.
 *
 * The story (Dongguan 2012 rule, shared/standards.md; checked by tests/seed-register.test.ts):
 * - Centre coverage (a 社区综合服务中心 open at the date, hosted or shared): 39.5% at 2012-12-31,
 *   47.9% at 2014-12-31, 54.5% at 2015-12-31 (the "≥ 50% by 2015" target met in its last year),
 *   75.1% today. Leading towns (常平, 东城) are complete; laggards (塘厦, 万江) are not.
 *   34 communities have no facility at all (0 m²: a real fail); 115 only a 服务站.
 * - As of 2026-06-30 on the REGISTERED household basis 387 of 595 (65%) pass the indoor rule
 *   (≥ 20 m² per 100 households) and 336 (56%) the outdoor one (≥ 30); on the RESIDENT basis
 *   (2–10× more households) only 84 (14%) pass indoor and 19 (3%) outdoor.
 * - Exactly at the threshold on the registered basis today (area × 100 = 20 × households):
 *   虎门 怀德社区 (indoor 20.00 and outdoor 30.00), 长安 沙边村 and 虎门 东风社区.
 *   Just below: 东城 岗贝社区 (19.99; it would pass if its leased shop and borrowed clinic were
 *   wrongly counted) and 厚街 石坑村 (19.99). Rounding trap: 虎门 金洲社区 at 20 − 1/households
 *   (19.9995: rounds to "20.00", must fail).
 * - 15 "trap" communities (岗贝 included) fail only because leased-out (commercial_leased) or
 *   borrowed (lent_by_other) rooms are excluded; counted wrongly they would pass.
 * - 10 communities have an eligible room measured only on the usable basis (insufficient_data
 *   under a building-basis rule); 8 more had a usable-only room until a building survey in
 *   2016–2020 (insufficient before, computable after).
 * - 虎门 路东社区 hosts a centre shared with its neighbour 南栅社区: 100% 路东 until 2015-12-31,
 *   then 60% / 40% from 2016-01-01. 南栅 (a small 服务站 of its own) passes only thanks to its share.
 * - 17 rooms retired in 2019–2021 and turned into leased shops (树田 and 路东 among them); three centres
 *   relocated in 2019–2020 (old centre closed, its rooms retired, new centre opened after a gap);
 *   about 45% of the centres opened from 2013 on replaced an older 服务站, closed and retired the
 *   day the centre opened.
 * - About a quarter of the spaces were re-measured after a renovation (2018–2024, ±5–30%), so
 *   "as of 2015" and "as of 2026" differ. Facilities open before 2012 were first measured in the
 *   2012 city-wide survey, so every measurement falls between 2012 and 2024.
 * - The demo staff accounts' communities (demo-accounts.ts) all have a centre.
 *
 * Stale household counts (this seed adds no counts; db/seed/communities.ts owns them):
 * - Every community has counts on both bases as of 2025-12-31, so from 2027-01-01 on every
 *   community's latest count is more than 12 months old: all 595 are stale (none at 2026-06-30).
 * - The 30 communities with an extra registered count as of 2012-12-31 (index % 20 = 10 in
 *   buildCommunities order, e.g. 东城 上桥社区, 虎门 金洲社区 and 新洲社区) have that 2012 count as
 *   their only registered count until 2025-12-30. On the registered basis they are computed but
 *   stale at any date from 2014-01-01 to 2025-12-30 (e.g. 2015-12-31), fresh at 2013-06-30. Every
 *   other community has no count before 2025-12-31: insufficient_data before that date.
 */
import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../client';
import { areaMeasurements, facilities, facilityShares, spaces } from '../schema';
import type { AreaBasis, FacilityKind, MeasurementMethod, UseClass, WeeklyHours } from '../schema';
import { COUNTS_AS_OF, householdCountsFor, prng, type CommunitySeed, type TownSeed } from './communities';
import { DEMO_ACCOUNTS } from './demo-accounts';

type FacilityRow = typeof facilities.$inferInsert;
type SpaceRow = typeof spaces.$inferInsert;
type MeasurementRow = typeof areaMeasurements.$inferInsert;
type ShareRow = typeof facilityShares.$inferInsert;

export interface CommunityRegister {
  facilities: FacilityRow[];
  spaces: SpaceRow[];
  measurements: MeasurementRow[];
  /** Shares of facilities hosted by this community (they may name other communities). */
  shares: ShareRow[];
}

// The demo staff account's communities (demo-accounts.ts) and the shared centre's neighbour.
const SHUTIAN = '441900121001';
const HUAIDE = '441900121002';
const LUDONG = '441900121003';
const NANZHA = '441900121004';
const GANGBEI = '441900003001';
const SPECIAL_NAMES: Record<string, string> = {
  [SHUTIAN]: '树田社区',
  [HUAIDE]: '怀德社区',
  [LUDONG]: '路东社区',
  [NANZHA]: '南栅社区',
  [GANGBEI]: '岗贝社区',
};

export const SHARE_VALID_FROM = '2016-01-01';
export const SHARE_BASIS_NOTE = '按服务人口协商确定（2016年镇街批复）';

/** Ordinary communities (not the five above) by what they get. */
const ORDINARY_CENTRES = 442;
const NO_FACILITY = 34;
/** Cumulative ordinary centres opened by the end of each year (the special four add 2011–2014). */
const OPENED_BY_YEAR_END: readonly [number, number][] = [
  [2009, 58],
  [2010, 135],
  [2011, 196],
  [2012, 233],
  [2013, 258],
  [2014, 281],
  [2015, 320],
  [2016, 378],
  [2017, 408],
  [2018, 424],
  [2019, 434],
  [2020, 442],
];
const RESIDENT_PASS = 84;
const REGISTERED_FAIL = 84;
const TRAPS = 14;
const USABLE_ONLY = 10;
const USABLE_THEN_BUILDING = 8;
const RETIRED_TO_SHOP = 15;
const EXTRA_EXCLUDED = 20;
const RELOCATED = 3;

const SURVEY_2012 = { from: '2012-03-01', to: '2012-10-31', note: '2012年全市社区服务设施普查' };
const LAST_MEASUREMENT = '2026-03-31';
const CHUNK = 1000;

// ---------------------------------------------------------------------------------------------
// Small helpers: dates as ISO strings, areas as integer cents (exact sums), deterministic ids.

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => fromDay(toDay(iso) + days);
const maxDate = (a: string, b: string) => (a > b ? a : b);

function between(random: () => number, low: number, high: number) {
  return low + random() * (high - low);
}
function intBetween(random: () => number, low: number, high: number) {
  return low + Math.floor(random() * (high - low + 1));
}
function dateBetween(random: () => number, from: string, to: string) {
  return fromDay(intBetween(random, toDay(from), toDay(to)));
}
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Integer cents as a numeric(10, 2) literal: 12850 → '128.50'. */
export function centsToArea(cents: number): string {
  if (!Number.isInteger(cents) || cents <= 0) throw new Error(`Bad area ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A stable UUID (version-5 layout) for a seed row, so every machine gets the same ids. */
function seedId(key: string): string {
  const h = createHash('sha256').update(`linli-register:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function hours(closedMonday: boolean): WeeklyHours {
  const open = { opens: '08:00', closes: '21:30' };
  return { '1': closedMonday ? null : open, '2': open, '3': open, '4': open, '5': open, '6': open, '7': open };
}

function townFullName(town: TownSeed) {
  if (town.kind === 'street') return `${town.nameZh}街道`;
  if (town.kind === 'town') return `${town.nameZh}镇`;
  return town.nameZh;
}

const SURNAMES = ['陈', '李', '张', '黄', '王', '林', '刘', '何', '梁', '叶', '钟', '罗', '邓', '袁', '莫', '谢', '卢', '麦', '蔡', '尹'];
const GIVEN = ['志明', '伟强', '丽娟', '敏', '建华', '海燕', '国栋', '晓红', '锦荣', '嘉欣', '少华', '泽文', '颖', '永康', '秀英', '俊杰'];
const ROADS = ['路', '大道', '街', '西路', '东路'];

// ---------------------------------------------------------------------------------------------
// Rooms. Nominal sizes (m², building basis) from shared/data/README.md and Dongguan centres.

interface RoomSpec {
  name: string;
  useClass: UseClass;
  low: number;
  high: number;
  /** Bookable, with a capacity range. */
  capacity?: [number, number];
}

const CENTRE_CORE: readonly RoomSpec[] = [
  { name: '办公室', useClass: 'office', low: 40, high: 90 },
  { name: '多功能厅', useClass: 'resident_activity', low: 100, high: 150, capacity: [60, 120] },
  { name: '调解室', useClass: 'resident_activity', low: 18, high: 24, capacity: [8, 12] },
  { name: '居家养老服务室', useClass: 'resident_activity', low: 26, high: 36, capacity: [10, 20] },
  { name: '社工室', useClass: 'office', low: 20, high: 35 },
];
const CENTRE_OPTIONAL: readonly RoomSpec[] = [
  { name: '志愿者室', useClass: 'resident_activity', low: 20, high: 35, capacity: [8, 20] },
  { name: '家庭服务室', useClass: 'resident_activity', low: 20, high: 40, capacity: [8, 15] },
  { name: '康复室', useClass: 'resident_activity', low: 30, high: 60, capacity: [8, 15] },
  { name: '健身室', useClass: 'resident_activity', low: 40, high: 80, capacity: [15, 30] },
  { name: '图书阅览室', useClass: 'resident_activity', low: 40, high: 80, capacity: [20, 30] },
  { name: '日间照料中心', useClass: 'resident_activity', low: 80, high: 200 },
  { name: '四点半课堂', useClass: 'resident_activity', low: 30, high: 60, capacity: [20, 30] },
  { name: '心理咨询室', useClass: 'resident_activity', low: 15, high: 25, capacity: [8, 10] },
  { name: '舞蹈室', useClass: 'resident_activity', low: 60, high: 100, capacity: [20, 30] },
  { name: '书画室', useClass: 'resident_activity', low: 30, high: 50, capacity: [12, 24] },
  { name: '长者饭堂', useClass: 'resident_activity', low: 60, high: 120 },
  { name: '党群活动室', useClass: 'resident_activity', low: 40, high: 80, capacity: [20, 30] },
  { name: '便民服务大厅', useClass: 'office', low: 60, high: 150 },
  { name: '档案室', useClass: 'office', low: 15, high: 30 },
];
const STATION_CORE: readonly RoomSpec[] = [
  { name: '办公室', useClass: 'office', low: 25, high: 50 },
  { name: '活动室', useClass: 'resident_activity', low: 40, high: 90, capacity: [15, 30] },
];
const STATION_OPTIONAL: readonly RoomSpec[] = [
  { name: '调解室', useClass: 'resident_activity', low: 15, high: 20, capacity: [8, 10] },
  { name: '阅览室', useClass: 'resident_activity', low: 20, high: 40, capacity: [8, 15] },
  { name: '居家养老服务室', useClass: 'resident_activity', low: 20, high: 30, capacity: [8, 15] },
];
const ELDERLY_ROOMS: readonly RoomSpec[] = [
  { name: '棋牌室', useClass: 'resident_activity', low: 30, high: 60, capacity: [12, 24] },
  { name: '老年活动室', useClass: 'resident_activity', low: 40, high: 90, capacity: [15, 30] },
];
const CORRIDOR = '走廊及卫生间';
const STATION_AUX = '卫生间及楼梯';

interface Room {
  spec: RoomSpec;
  cents: number;
}

/**
 * Rooms whose areas sum to exactly `targetCents`: the core rooms, then optional ones while they
 * fit, scaled to the target less a 12–18% corridor share; the corridor takes the rounding.
 */
function allocateRooms(
  random: () => number,
  targetCents: number,
  core: readonly RoomSpec[],
  optional: readonly RoomSpec[],
  auxName: string,
): Room[] {
  const auxShare = between(random, 0.12, 0.18);
  const chosen = core.map((spec) => ({ spec, nominal: between(random, spec.low, spec.high) }));
  let sum = chosen.reduce((a, r) => a + r.nominal, 0);
  for (const spec of optional) {
    const nominal = between(random, spec.low, spec.high);
    if (((sum + nominal) * 100) / (1 - auxShare) > targetCents) continue;
    chosen.push({ spec, nominal });
    sum += nominal;
  }
  const scale = (targetCents * (1 - auxShare)) / (sum * 100);
  const rooms = chosen.map(({ spec, nominal }) => ({ spec, cents: Math.max(100, Math.round(nominal * 100 * scale)) }));
  const aux = targetCents - rooms.reduce((a, r) => a + r.cents, 0);
  if (aux <= 0) throw new Error(`Cannot fit rooms into ${targetCents / 100} m²`);
  rooms.push({ spec: { name: auxName, useClass: 'shared_auxiliary', low: 0, high: 0 }, cents: aux });
  return rooms;
}

/** Outdoor grounds (land basis) summing to exactly `targetCents`. */
function allocateGrounds(random: () => number, targetCents: number): Room[] {
  const ground = (name: string): RoomSpec => ({ name, useClass: 'resident_activity', low: 0, high: 0 });
  if (targetCents < 40000) return [{ spec: ground('健身场地'), cents: targetCents }];
  const fitness = Math.round(between(random, 100, 300)) * 100;
  if (targetCents < 100000) return [{ spec: ground('文体广场'), cents: targetCents - fitness }, { spec: ground('健身场地'), cents: fitness }];
  const court = 60800; // a 28 × 15 m court with its run-off: 32 × 19 m.
  return [
    { spec: ground('文体广场'), cents: targetCents - fitness - court },
    { spec: ground('篮球场'), cents: court },
    { spec: ground('健身场地'), cents: fitness },
  ];
}

// ---------------------------------------------------------------------------------------------
// One community's rows.

interface SpaceHandle {
  id: string;
  key: string;
  measurements: number;
}

interface FacilityHandle {
  id: string;
  key: string;
  spaces: number;
  opened: string;
  closed: string | null;
}

interface AreaHistory {
  cents: number;
  basis: AreaBasis;
  /** Date of the first measurement. */
  first: string;
  method?: MeasurementMethod;
  note?: string;
  /** A later renovation re-measurement: the first measurement then shows the earlier area. */
  remeasure?: boolean;
  retiredOn?: string | null;
  /** 'only': measured on the usable basis alone; 'first': usable first, building survey later. */
  usable?: 'only' | 'first';
}

class CommunityBuilder {
  readonly out: CommunityRegister = { facilities: [], spaces: [], measurements: [], shares: [] };
  private facilityCount = 0;
  readonly bare: string;

  constructor(
    readonly community: CommunitySeed,
    readonly communityId: string,
    readonly town: TownSeed,
    readonly random: () => number,
  ) {
    this.bare = community.name.replace(/(社区|村)$/, '');
  }

  get townName() {
    return townFullName(this.town);
  }

  address() {
    return `东莞市${this.townName}${this.community.name}${this.bare}${pick(this.random, ROADS)}${intBetween(this.random, 1, 188)}号`;
  }

  person() {
    return pick(this.random, SURNAMES) + pick(this.random, GIVEN);
  }

  facility(input: { name: string; kind: FacilityKind; opened: string; closed?: string | null; closedMonday: boolean }): FacilityHandle {
    const key = `${this.community.code}/f${++this.facilityCount}`;
    const id = seedId(key);
    this.out.facilities.push({
      id,
      communityId: this.communityId,
      name: input.name,
      kind: input.kind,
      address: this.address(),
      openingHours: hours(input.closedMonday),
      openedOn: input.opened,
      closedOn: input.closed ?? null,
    });
    return { id, key, spaces: 0, opened: input.opened, closed: input.closed ?? null };
  }

  space(
    facility: FacilityHandle,
    input: Omit<SpaceRow, 'id' | 'communityId' | 'facilityId' | 'createdAt' | 'updatedAt'>,
  ): SpaceHandle {
    const key = `${facility.key}/s${++facility.spaces}`;
    const id = seedId(key);
    this.out.spaces.push({ ...input, id, communityId: this.communityId, facilityId: facility.id });
    return { id, key, measurements: 0 };
  }

  measure(space: SpaceHandle, m: { cents: number; basis: AreaBasis; on: string; method: MeasurementMethod; note?: string }) {
    if (m.on > LAST_MEASUREMENT) throw new Error(`Measurement after ${LAST_MEASUREMENT}`);
    const organisation =
      m.method === 'survey_report'
        ? '东莞市测绘院'
        : m.method === 'title_certificate'
          ? '东莞市不动产登记中心'
          : m.method === 'on_site' && this.random() < 0.4
            ? '东莞市测绘院'
            : `${this.townName}规划所`;
    this.out.measurements.push({
      id: seedId(`${space.key}/m${++space.measurements}`),
      communityId: this.communityId,
      spaceId: space.id,
      areaM2: centsToArea(m.cents),
      basis: m.basis,
      measuredOn: m.on,
      method: m.method,
      measuredBy: this.person(),
      organisation,
      note: m.note ?? null,
    });
  }

  /** The measurement history of one space, ending (if not retired) at `h.cents`. */
  history(space: SpaceHandle, h: AreaHistory) {
    const method = h.method ?? (this.random() < 0.5 ? 'floor_plan' : 'survey_report');
    const usableCents = () => Math.round(h.cents * between(this.random, 0.75, 0.85));
    if (h.usable === 'only') {
      this.measure(space, { cents: usableCents(), basis: 'usable', on: h.first, method: 'floor_plan', note: '平面图仅标注使用面积，建筑面积待补测' });
      return;
    }
    if (h.usable === 'first') {
      this.measure(space, { cents: usableCents(), basis: 'usable', on: h.first, method: 'floor_plan', note: '平面图仅标注使用面积' });
      const from = maxDate('2016-06-01', addDays(h.first, 180));
      const later = dateBetween(this.random, from, maxDate('2019-12-31', addDays(from, 365)));
      this.measure(space, { cents: h.cents, basis: h.basis, on: later, method: 'survey_report', note: '补测建筑面积' });
      return;
    }
    const windowStart = maxDate('2018-01-01', addDays(h.first, 365));
    const windowEnd = h.retiredOn && h.retiredOn < '2024-12-31' ? addDays(h.retiredOn, -60) : '2024-12-31';
    if (h.remeasure && windowStart < windowEnd) {
      const change = between(this.random, 0.05, 0.3) * (this.random() < 0.55 ? 1 : -1);
      const before = Math.max(500, Math.round(h.cents / (1 + change)));
      this.measure(space, { cents: before, basis: h.basis, on: h.first, method, note: h.note });
      const on = dateBetween(this.random, windowStart, windowEnd);
      this.measure(space, { cents: h.cents, basis: h.basis, on, method: 'on_site', note: '改造后复测' });
    } else {
      this.measure(space, { cents: h.cents, basis: h.basis, on: h.first, method, note: h.note });
    }
  }

  /** First measurement date for a facility: near its opening, or the 2012 survey if older. */
  firstMeasurement(opened: string) {
    if (opened < SURVEY_2012.from) return { on: dateBetween(this.random, SURVEY_2012.from, SURVEY_2012.to), method: 'survey_report' as const, note: SURVEY_2012.note };
    return { on: addDays(opened, -intBetween(this.random, 0, 45)), method: undefined, note: undefined };
  }
}

interface IndoorOptions {
  usableOnly?: boolean;
  usableThenBuilding?: boolean;
  retiredToShop?: boolean;
  /** Leased-out and borrowed rooms (excluded by the rule), in cents. */
  excludedCents?: number;
  remeasureShare?: number;
}

/** Rooms (already sized), with floors, booking, accessibility and measurements. */
function addIndoorRooms(b: CommunityBuilder, facility: FacilityHandle, rooms: Room[], options: IndoorOptions & { retiredOn?: string | null }) {
  const { random } = b;
  const total = rooms.reduce((a, r) => a + r.cents, 0) / 100;
  const floors = total >= 800 ? intBetween(random, 3, 4) : total >= 350 ? intBetween(random, 2, 3) : 1;
  const elevator = floors >= 3 ? random() < 0.7 : floors === 2 && random() < 0.2;
  const basement = floors >= 3 && random() < 0.25;
  const first = b.firstMeasurement(facility.opened);
  const retiredOn = options.retiredOn ?? facility.closed;
  // One eligible, non-corridor room carries the usable-basis story.
  const usableIndex = options.usableOnly || options.usableThenBuilding ? intBetween(random, 1, Math.max(1, rooms.length - 2)) : -1;
  const remeasureShare = options.remeasureShare ?? 0.3;

  rooms.forEach((room, i) => {
    const aux = room.spec.useClass === 'shared_auxiliary';
    const inBasement = basement && room.spec.name === '健身室';
    const floor = aux ? null : inBasement ? -1 : room.spec.useClass === 'office' && i === 0 ? 1 : 1 + Math.floor((i * floors) / rooms.length);
    const area = room.cents / 100;
    // About 1.2 m² a person at most, never fewer than 8 places.
    const capacity = room.spec.capacity ? Math.max(8, Math.min(intBetween(random, ...room.spec.capacity), Math.floor(area / 1.2))) : null;
    let accessibilityNotes: string | null = null;
    if (aux) accessibilityNotes = random() < 0.4 ? '设无障碍卫生间' : null;
    else if (room.spec.name === '多功能厅' && elevator) accessibilityNotes = '无障碍坡道、电梯';
    else if (floor === 1 && random() < 0.35) accessibilityNotes = '首层，设无障碍坡道';
    else if (floor !== null && floor >= 2 && !elevator && random() < 0.5) accessibilityNotes = '无电梯，仅楼梯可达';
    else if (floor !== null && floor >= 2 && elevator && random() < 0.4) accessibilityNotes = '电梯可达';
    const space = b.space(facility, {
      name: room.spec.name,
      setting: 'indoor',
      useClass: room.spec.useClass,
      floor,
      aboveGround: !inBasement,
      bookable: capacity !== null,
      capacity,
      accessibilityNotes,
      retiredOn: retiredOn ?? null,
    });
    const titleDeed = room.spec.useClass === 'office' && random() < 0.15;
    b.history(space, {
      cents: room.cents,
      basis: 'building',
      first: first.on,
      method: titleDeed ? 'title_certificate' : first.method,
      note: titleDeed ? '按房产证记载面积' : first.note,
      remeasure: random() < remeasureShare,
      retiredOn,
      usable: i === usableIndex ? (options.usableOnly ? 'only' : 'first') : undefined,
    });
  });

  // A room given up for a leased shop: counted until it was retired, never afterwards.
  if (options.retiredToShop && facility.opened < '2019-01-01' && !retiredOn) {
    const cents = Math.round(between(random, 30, 60)) * 100 + intBetween(random, 0, 99);
    const retired = dateBetween(random, '2019-03-01', '2021-10-31');
    const old = b.space(facility, {
      name: '棋牌室',
      setting: 'indoor',
      useClass: 'resident_activity',
      floor: 1,
      bookable: true,
      capacity: intBetween(random, 12, 24),
      retiredOn: retired,
    });
    b.history(old, { cents, basis: 'building', first: first.on, method: first.method, note: first.note, retiredOn: retired });
    const shop = b.space(facility, { name: '出租商铺（原棋牌室）', setting: 'indoor', useClass: 'commercial_leased', floor: 1 });
    b.measure(shop, { cents: cents + intBetween(random, -200, 200), basis: 'building', on: addDays(retired, intBetween(random, 5, 40)), method: 'on_site', note: '改作出租商铺后测量' });
  }

  if (options.excludedCents && !retiredOn) {
    const leased = Math.round(options.excludedCents * between(random, 0.5, 0.7));
    const lent = options.excludedCents - leased;
    const shop = b.space(facility, { name: '出租商铺', setting: 'indoor', useClass: 'commercial_leased', floor: 1 });
    b.measure(shop, { cents: leased, basis: 'building', on: first.on, method: first.method ?? 'floor_plan', note: '首层临街商铺，对外出租' });
    const [clinicName, owner] = random() < 0.6 ? ['卫生站（借用）', '镇卫生院'] : ['警务室（借用）', '派出所'];
    const clinic = b.space(facility, {
      name: clinicName,
      setting: 'indoor',
      useClass: 'lent_by_other',
      floor: 1,
      accessibilityNotes: '首层，设无障碍坡道',
    });
    b.measure(clinic, { cents: lent, basis: 'building', on: first.on, method: first.method ?? 'floor_plan', note: `产权属${owner}，无偿借用` });
  }
}

function addGrounds(b: CommunityBuilder, facility: FacilityHandle, grounds: Room[], remeasureShare = 0.2) {
  const first = b.firstMeasurement(facility.opened);
  for (const ground of grounds) {
    const space = b.space(facility, {
      name: ground.spec.name,
      setting: 'outdoor',
      useClass: 'resident_activity',
      floor: null,
      bookable: false,
      accessibilityNotes: ground.spec.name === '文体广场' && b.random() < 0.3 ? '地面平整，无台阶' : null,
      retiredOn: facility.closed,
    });
    b.history(space, {
      cents: ground.cents,
      basis: 'land',
      first: first.on,
      method: first.method ?? 'survey_report',
      note: first.note,
      remeasure: b.random() < remeasureShare,
      retiredOn: facility.closed,
    });
  }
}

interface CentrePlan {
  opened: string;
  indoorCents: number;
  outdoorCents: number;
  closedMonday: boolean;
  options: IndoorOptions;
  formerStation: boolean;
  relocated: boolean;
}

function buildCentre(b: CommunityBuilder, plan: CentrePlan): FacilityHandle {
  const { random, community } = b;
  let opened = plan.opened;
  if (plan.formerStation) {
    const stationOpened = dateBetween(random, '2007-01-01', '2011-12-31');
    const station = b.facility({ name: `${community.name}服务站`, kind: 'service_station', opened: stationOpened, closed: opened, closedMonday: true });
    const size = Math.round(between(random, 60, 200) * 100);
    addIndoorRooms(b, station, allocateRooms(random, size, STATION_CORE, STATION_OPTIONAL, STATION_AUX), { remeasureShare: 0 });
  }
  if (plan.relocated) {
    // The first centre closed for the old-village redevelopment (旧改); the new one opened months later.
    const closed = dateBetween(random, '2019-01-01', '2019-12-31');
    const old = b.facility({ name: `${community.name}综合服务中心`, kind: 'comprehensive_centre', opened, closed, closedMonday: plan.closedMonday });
    const size = Math.round(plan.indoorCents * between(random, 0.6, 0.9));
    addIndoorRooms(b, old, allocateRooms(random, size, CENTRE_CORE, CENTRE_OPTIONAL, CORRIDOR), {});
    if (plan.outdoorCents > 0) addGrounds(b, old, allocateGrounds(random, Math.round(plan.outdoorCents * 0.8)));
    opened = addDays(closed, intBetween(random, 60, 240));
  }
  const name = plan.relocated ? `${community.name}综合服务中心（新址）` : `${community.name}综合服务中心`;
  const centre = b.facility({ name, kind: 'comprehensive_centre', opened, closedMonday: plan.closedMonday });
  addIndoorRooms(b, centre, allocateRooms(random, plan.indoorCents, CENTRE_CORE, CENTRE_OPTIONAL, CORRIDOR), plan.options);
  if (plan.outdoorCents > 0) addGrounds(b, centre, allocateGrounds(random, plan.outdoorCents));
  return centre;
}

function buildStation(b: CommunityBuilder, opts: { opened: string; indoorCents: number; outdoorCents: number; elderly: boolean }) {
  const { random, community } = b;
  const station = b.facility({ name: `${community.name}服务站`, kind: 'service_station', opened: opts.opened, closedMonday: random() < 0.5 });
  addIndoorRooms(b, station, allocateRooms(random, opts.indoorCents, STATION_CORE, STATION_OPTIONAL, STATION_AUX), { remeasureShare: 0.2 });
  if (opts.outdoorCents > 0) addGrounds(b, station, allocateGrounds(random, opts.outdoorCents));
  if (opts.elderly) {
    const opened = dateBetween(random, '2010-01-01', '2020-12-31');
    const club = b.facility({ name: `${community.name}老年人活动中心`, kind: 'other', opened, closedMonday: false });
    const rooms = ELDERLY_ROOMS.filter(() => random() < 0.7).map((spec) => ({ spec, cents: Math.round(between(random, spec.low, spec.high) * 100) }));
    addIndoorRooms(b, club, rooms.length > 0 ? rooms : [{ spec: ELDERLY_ROOMS[0]!, cents: 4500 }], {});
  }
  return station;
}

// ---------------------------------------------------------------------------------------------
// The city plan.

interface Households {
  registered: number;
  resident: number;
}

/** Current (COUNTS_AS_OF) households, from the same generator that seeds household_counts. */
function householdsOf(rows: readonly CommunitySeed[]): Map<string, Households> {
  return new Map(
    rows.map((c, i) => {
      const counts = householdCountsFor(c, i).filter((h) => h.asOf === COUNTS_AS_OF);
      const of = (basis: string) => counts.find((h) => h.basis === basis)!.households;
      return [c.code, { registered: of('registered'), resident: of('resident') }];
    }),
  );
}

/** Names of the communities with a designed story, for the tests and the report. */
export interface RegisterStory {
  exactThreshold: string[];
  justBelow: string[];
  roundingTrap: string[];
  traps: string[];
  usableOnly: string[];
  usableThenBuilding: string[];
  noFacility: string[];
  relocated: string[];
}

export interface RegisterPlan {
  byCommunity: Map<string, CommunityRegister>;
  story: RegisterStory;
}

function openingYear(rank: number) {
  for (const [year, count] of OPENED_BY_YEAR_END) if (rank < count) return year;
  throw new Error(`No opening year for centre rank ${rank}`);
}

/** Every community's register rows, keyed by community code. Pure: the same input gives the same rows. */
export function planRegister(towns: readonly TownSeed[], rows: readonly CommunitySeed[], ids: ReadonlyMap<string, string>): RegisterPlan {
  const byCode = new Map(rows.map((c) => [c.code, c]));
  for (const [code, name] of Object.entries(SPECIAL_NAMES)) {
    if (byCode.get(code)?.name !== name) throw new Error(`Register seed expects ${name} at ${code}`);
  }
  const townByCode = new Map(towns.map((t) => [t.code, t]));
  const households = householdsOf(rows);
  const hh = (c: CommunitySeed) => households.get(c.code)!;

  // Leading and lagging towns: a town-level bias on top of each community's draw.
  const city = prng('linli-register:city');
  const bias = new Map(towns.map((t) => [t.code, (prng(`linli-register:town:${t.code}`)() - 0.5) * 0.8]));
  const ordinary = rows
    .filter((c) => !(c.code in SPECIAL_NAMES))
    .map((c) => ({ c, key: city() + bias.get(c.townCode)! }))
    .sort((a, b) => a.key - b.key || a.c.code.localeCompare(b.c.code))
    .map((x) => x.c);
  // The demo accounts' other communities always get a centre, so every demo login has a register.
  const demo = new Set(DEMO_ACCOUNTS.flatMap((a) => a.communityCodes ?? []));
  const laggards = ordinary.filter((c) => !demo.has(c.code));
  const bare = laggards.slice(laggards.length - NO_FACILITY);
  const stationOnly = new Set(laggards.slice(laggards.length - (ordinary.length - ORDINARY_CENTRES), laggards.length - NO_FACILITY));
  const stations = ordinary.filter((c) => stationOnly.has(c));
  const centres = ordinary.filter((c) => !stationOnly.has(c) && !bare.includes(c));

  // Indoor roles among the centres, by size: small resident populations can pass on both bases,
  // large registered ones are the likeliest to fall short.
  const byResident = centres
    .map((c) => ({ c, key: hh(c).resident * between(city, 0.6, 1.4) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.c);
  const residentPass = new Set(byResident.slice(0, RESIDENT_PASS));
  const byRegistered = centres
    .filter((c) => !residentPass.has(c))
    .map((c) => ({ c, key: hh(c).registered * between(city, 0.7, 1.3) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.c);
  const registeredFail = byRegistered.slice(0, REGISTERED_FAIL);
  const traps = new Set(shuffled(city, registeredFail).slice(0, TRAPS));
  const passPool = shuffled(city, byRegistered.slice(REGISTERED_FAIL));
  const exact = new Set(passPool.splice(0, 2));
  const justBelow = new Set(passPool.splice(0, 1));
  const roundingTrap = new Set(passPool.splice(0, 1));
  const usableOnly = new Set(passPool.splice(0, USABLE_ONLY));
  const designed = new Set([...exact, ...justBelow, ...roundingTrap, ...usableOnly]);
  const anyCentre = shuffled(city, centres.filter((c) => !designed.has(c)));
  const usableThenBuilding = new Set(anyCentre.splice(0, USABLE_THEN_BUILDING));
  const retiredToShop = new Set(anyCentre.splice(0, RETIRED_TO_SHOP));
  const extraExcluded = new Set(anyCentre.splice(0, EXTRA_EXCLUDED));
  const earlyCentres = centres.filter((c, rank) => openingYear(rank) <= 2012 && !designed.has(c));
  const relocated = new Set(shuffled(city, earlyCentres).slice(0, RELOCATED));

  const byCommunity = new Map<string, CommunityRegister>();
  const builderFor = (c: CommunitySeed) => {
    const b = new CommunityBuilder(c, ids.get(c.code)!, townByCode.get(c.townCode)!, prng(`linli-register:${c.code}`));
    byCommunity.set(c.code, b.out);
    return b;
  };

  centres.forEach((c, rank) => {
    const b = builderFor(c);
    const { random } = b;
    const { registered, resident } = hh(c);
    const year = openingYear(rank);
    const opened = dateBetween(random, `${year}-01-01`, `${year}-12-31`);
    let indoorCents: number;
    let excludedCents = 0;
    if (exact.has(c)) indoorCents = 20 * registered;
    else if (justBelow.has(c)) indoorCents = Math.round(19.99 * registered);
    else if (roundingTrap.has(c)) indoorCents = 20 * registered - 1;
    else if (residentPass.has(c)) indoorCents = Math.round(resident * between(random, 20.5, 28));
    else if (traps.has(c)) {
      indoorCents = Math.round(registered * between(random, 15.5, 19.5));
      excludedCents = Math.round(registered * between(random, 21.5, 26)) - indoorCents;
    } else if (registeredFail.includes(c)) indoorCents = Math.max(12000, Math.round(registered * between(random, 9, 19.5)));
    else indoorCents = Math.max(12000, Math.round(registered * between(random, 20.6, Math.min(45, (18 * resident) / registered))));
    if (extraExcluded.has(c)) excludedCents ||= Math.round(between(random, 40, 150) * 100);

    const outdoorDraw = random();
    const outdoorCents =
      outdoorDraw < 0.08 ? 0 : Math.round(registered * (outdoorDraw < 0.3 ? between(random, 8, 28) : between(random, 31, 110)));
    buildCentre(b, {
      opened,
      indoorCents,
      outdoorCents: outdoorCents > 0 ? Math.max(outdoorCents, 8000) : 0,
      closedMonday: random() < 0.3,
      options: {
        usableOnly: usableOnly.has(c),
        usableThenBuilding: usableThenBuilding.has(c),
        retiredToShop: retiredToShop.has(c),
        excludedCents,
      },
      formerStation: year >= 2013 && !relocated.has(c) && random() < 0.45,
      relocated: relocated.has(c),
    });
  });

  for (const c of stations) {
    const b = builderFor(c);
    const { random } = b;
    buildStation(b, {
      opened: dateBetween(random, '2008-01-01', '2018-12-31'),
      indoorCents: Math.round(between(random, 70, 420) * 100),
      outdoorCents: random() < 0.5 ? Math.round(between(random, 150, 700) * 100) : 0,
      elderly: c.kind === 'village' && random() < 0.3,
    });
  }

  buildSpecials(byCode, ids, households, builderFor);

  if (centres.length !== ORDINARY_CENTRES) throw new Error(`Expected ${ORDINARY_CENTRES} ordinary centres, planned ${centres.length}`);
  const names = (set: Iterable<CommunitySeed>) => [...set].map((c) => `${townByCode.get(c.townCode)!.nameZh} ${c.name}`);
  return {
    byCommunity,
    story: {
      exactThreshold: [`虎门 ${SPECIAL_NAMES[HUAIDE]}`, ...names(exact)],
      justBelow: [`东城 ${SPECIAL_NAMES[GANGBEI]}`, ...names(justBelow)],
      roundingTrap: names(roundingTrap),
      traps: [`东城 ${SPECIAL_NAMES[GANGBEI]}`, ...names(traps)],
      usableOnly: names(usableOnly),
      usableThenBuilding: names(usableThenBuilding),
      noFacility: names(bare),
      relocated: names(relocated),
    },
  };
}

/** The demo staff account's communities and 路东's neighbour, written out by hand. */
function buildSpecials(
  byCode: Map<string, CommunitySeed>,
  ids: ReadonlyMap<string, string>,
  households: Map<string, Households>,
  builderFor: (c: CommunitySeed) => CommunityBuilder,
) {
  const get = (code: string) => byCode.get(code)!;

  // 树田: a full centre that passes on the registered basis and fails on the resident one.
  {
    const b = builderFor(get(SHUTIAN));
    const centre = b.facility({ name: '树田社区综合服务中心', kind: 'comprehensive_centre', opened: '2011-05-18', closedMonday: false });
    const survey = { first: '2012-04-17', method: 'survey_report' as const, note: SURVEY_2012.note };
    const rooms: [string, UseClass, number, number | null, number, number | null, string | null][] = [
      // name, use class, floor, capacity, first area (cents), renovated area (cents) or null, accessibility
      ['便民服务大厅', 'office', 1, null, 8650, null, '首层，设无障碍坡道'],
      ['办公室', 'office', 3, null, 4800, null, '电梯可达'],
      ['多功能厅', 'resident_activity', 2, 100, 11820, 13850, '无障碍坡道、电梯'],
      ['调解室', 'resident_activity', 1, 10, 2050, null, '首层，设无障碍坡道'],
      ['居家养老服务室', 'resident_activity', 1, 16, 3200, null, '首层，设无障碍坡道'],
      ['日间照料中心', 'resident_activity', 1, null, 8000, 9600, '首层，设无障碍坡道、扶手'],
      ['康复室', 'resident_activity', 2, 12, 4500, null, '电梯可达'],
      ['家庭服务室', 'resident_activity', 2, 12, 2800, null, '电梯可达'],
      ['健身室', 'resident_activity', 3, 25, 6000, null, '电梯可达'],
      ['社工室', 'office', 3, null, 2400, null, null],
      ['志愿者室', 'resident_activity', 3, 16, 2600, null, null],
      [CORRIDOR, 'shared_auxiliary', 0, null, 7230, null, '每层设无障碍卫生间'],
    ];
    for (const [name, useClass, floor, capacity, cents, renovated, accessibilityNotes] of rooms) {
      const space = b.space(centre, {
        name,
        setting: 'indoor',
        useClass,
        floor: floor || null,
        bookable: capacity !== null,
        capacity,
        accessibilityNotes,
      });
      b.measure(space, { cents, basis: 'building', on: survey.first, method: survey.method, note: survey.note });
      if (renovated) b.measure(space, { cents: renovated, basis: 'building', on: name === '多功能厅' ? '2019-08-20' : '2021-03-09', method: 'on_site', note: '改造后复测' });
    }
    const chess = b.space(centre, { name: '棋牌室', setting: 'indoor', useClass: 'resident_activity', floor: 1, bookable: true, capacity: 16, retiredOn: '2020-09-01' });
    b.measure(chess, { cents: 4210, basis: 'building', on: survey.first, method: survey.method, note: survey.note });
    const shop = b.space(centre, { name: '出租商铺（原棋牌室）', setting: 'indoor', useClass: 'commercial_leased', floor: 1 });
    b.measure(shop, { cents: 4210, basis: 'building', on: '2020-09-15', method: 'on_site', note: '改作出租商铺后测量' });
    const clinic = b.space(centre, { name: '卫生站（借用）', setting: 'indoor', useClass: 'lent_by_other', floor: 1, accessibilityNotes: '首层，设无障碍坡道' });
    b.measure(clinic, { cents: 5500, basis: 'building', on: '2015-06-02', method: 'floor_plan', note: '产权属虎门镇卫生院，无偿借用' });
    for (const [name, cents, renovated] of [
      ['文体广场', 52000, 56000],
      ['篮球场', 60800, null],
      ['健身场地', 15000, null],
    ] as const) {
      const ground = b.space(centre, { name, setting: 'outdoor', useClass: 'resident_activity' });
      b.measure(ground, { cents, basis: 'land', on: survey.first, method: survey.method, note: survey.note });
      if (renovated) b.measure(ground, { cents: renovated, basis: 'land', on: '2022-05-11', method: 'on_site', note: '改造后复测' });
    }
  }

  // 怀德: exactly at both thresholds on the registered basis today.
  {
    const c = get(HUAIDE);
    const b = builderFor(c);
    const { registered } = households.get(c.code)!;
    buildCentre(b, {
      opened: '2014-09-28',
      indoorCents: 20 * registered,
      outdoorCents: 30 * registered,
      closedMonday: true,
      options: {},
      formerStation: true,
      relocated: false,
    });
  }

  // 岗贝: 19.99, and a leased shop and a borrowed clinic that would lift it over 20 if counted.
  {
    const c = get(GANGBEI);
    const b = builderFor(c);
    const { registered } = households.get(c.code)!;
    buildCentre(b, {
      opened: '2012-04-10',
      indoorCents: Math.round(19.99 * registered),
      outdoorCents: Math.round(41.5 * registered),
      closedMonday: false,
      options: { excludedCents: Math.round(2.5 * registered), remeasureShare: 0.4 },
      formerStation: false,
      relocated: false,
    });
  }

  // 路东 hosts a centre shared with 南栅: 100% 路东 until 2015, then 60% / 40%.
  {
    const ludong = get(LUDONG);
    const nanzha = get(NANZHA);
    const b = builderFor(ludong);
    const { registered } = households.get(ludong.code)!;
    const centre = buildCentre(b, {
      opened: '2013-07-01',
      indoorCents: Math.round((23.5 * registered) / 0.6),
      outdoorCents: Math.round((32 * registered) / 0.6),
      closedMonday: false,
      options: { retiredToShop: true },
      formerStation: false,
      relocated: false,
    });
    for (const [community, percent] of [
      [ludong, '60.00'],
      [nanzha, '40.00'],
    ] as const) {
      b.out.shares.push({
        id: seedId(`${centre.key}/share/${community.code}`),
        facilityId: centre.id,
        communityId: ids.get(community.code)!,
        percent,
        basisNote: SHARE_BASIS_NOTE,
        validFrom: SHARE_VALID_FROM,
      });
    }
    // 南栅's own small station: 6–7 m² per 100 households, a fail without the share.
    const n = builderFor(nanzha);
    buildStation(n, { opened: '2010-06-18', indoorCents: 9000, outdoorCents: 0, elderly: false });
  }
}

// ---------------------------------------------------------------------------------------------

/** Multi-row inserts stay under PostgreSQL's 65,535 parameters per statement. */
export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Inserts the demo register for every community that has no facility yet, in a few multi-row
 * inserts. Measurements are append-only, so a community already in the register is left alone.
 */
export async function seedRegister(
  tx: Executor,
  towns: readonly TownSeed[],
  rows: readonly CommunitySeed[],
  ids: ReadonlyMap<string, string>,
): Promise<{ communities: number; facilities: number; spaces: number; measurements: number; shares: number }> {
  const present = await tx
    .selectDistinct({ communityId: facilities.communityId })
    .from(facilities)
    .where(inArray(facilities.communityId, [...ids.values()]));
  const skip = new Set(present.map((f) => f.communityId));
  const { byCommunity } = planRegister(towns, rows, ids);
  const todo = [...byCommunity.entries()].filter(([code]) => !skip.has(ids.get(code)!)).map(([, register]) => register);
  const all = {
    facilities: todo.flatMap((r) => r.facilities),
    spaces: todo.flatMap((r) => r.spaces),
    measurements: todo.flatMap((r) => r.measurements),
    shares: todo.flatMap((r) => r.shares),
  };
  for (const chunk of chunks(all.facilities)) await tx.insert(facilities).values(chunk);
  for (const chunk of chunks(all.spaces)) await tx.insert(spaces).values(chunk);
  for (const chunk of chunks(all.measurements)) await tx.insert(areaMeasurements).values(chunk);
  for (const chunk of chunks(all.shares)) await tx.insert(facilityShares).values(chunk);
  return {
    communities: todo.length,
    facilities: all.facilities.length,
    spaces: all.spaces.length,
    measurements: all.measurements.length,
    shares: all.shares.length,
  };
}
