import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { holdersOf } from '../../server/bookings/availability';
import { duringValue } from '../../server/bookings/occupancy-range';
import { addDays, shanghaiDate, shanghaiInstant, shanghaiWeekday } from '../../server/bookings/shanghai-time';
import type { Executor } from '../client';
import { activities, activitySessions, facilities, occupancies, signups, spaces, users, type ActivityAudience, type ActivityCategory } from '../schema';

// Demo activities in 树田社区's centre, dated from the day the demo is first seeded, so residents
// find something to sign up for. Seeded once: a centre that already has activities is left alone.

interface DemoActivity {
  title: string;
  description: string;
  category: ActivityCategory;
  audience: ActivityAudience;
  /** ISO weekday (1 = Monday) and Shanghai wall-clock start/end minutes. */
  weekday: number;
  starts: number;
  ends: number;
  weeks: number;
  capacity: number;
}

const DEMO_ACTIVITIES: DemoActivity[] = [
  { title: '长者太极拳班', description: '每周二上午，由社区体育指导员带练二十四式太极拳。穿宽松衣服和平底鞋。', category: 'elderly', audience: 'everyone', weekday: 2, starts: 8 * 60 + 30, ends: 9 * 60 + 30, weeks: 8, capacity: 20 },
  { title: '慢病管理健康讲座：高血压', description: '社区卫生服务站医生讲解血压测量和日常用药，现场免费测血压。', category: 'health', audience: 'everyone', weekday: 4, starts: 9 * 60, ends: 10 * 60 + 30, weeks: 1, capacity: 30 },
  { title: '少儿书法兴趣班', description: '周六上午，面向 7–12 岁儿童，毛笔和字帖由中心提供。', category: 'youth', audience: 'community', weekday: 6, starts: 9 * 60, ends: 10 * 60 + 30, weeks: 6, capacity: 12 },
  { title: '亲子绘本阅读', description: '周日下午，家长和 3–6 岁孩子一起读绘本、做手工。', category: 'family', audience: 'everyone', weekday: 7, starts: 15 * 60, ends: 16 * 60 + 30, weeks: 4, capacity: 2 },
];

/** The next `weeks` dates with the given weekday, from tomorrow on. */
function weeklyDates(today: string, weekday: number, weeks: number): string[] {
  let first = addDays(today, 1);
  while (shanghaiWeekday(shanghaiInstant(first, 720)) !== weekday) first = addDays(first, 1);
  return Array.from({ length: weeks }, (_, i) => addDays(first, i * 7));
}

export async function seedActivities(tx: Executor, communityId: string, now = new Date()) {
  const [existing] = await tx.select({ id: activities.id }).from(activities).where(eq(activities.communityId, communityId)).limit(1);
  if (existing) return;
  const rooms = await tx
    .select({ id: spaces.id, capacity: spaces.capacity })
    .from(spaces)
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(and(eq(spaces.communityId, communityId), eq(spaces.bookable, true), eq(spaces.setting, 'indoor'), isNull(spaces.retiredOn), isNull(facilities.closedOn)))
    .orderBy(asc(spaces.name));
  const room = rooms.find((r) => (r.capacity ?? 0) >= 30) ?? rooms[0];
  if (!room) return;
  const today = shanghaiDate(now);
  const created: { sessionIds: string[]; demo: DemoActivity }[] = [];
  for (const demo of DEMO_ACTIVITIES) {
    const times = weeklyDates(today, demo.weekday, demo.weeks).map((date) => ({ startsAt: shanghaiInstant(date, demo.starts), endsAt: shanghaiInstant(date, demo.ends) }));
    // Whatever already holds the room (a booking made before this seed ran) keeps it.
    const holders = await holdersOf(tx, room.id, times);
    const free = times.filter((_, i) => !holders[i]);
    if (free.length === 0) continue;
    const [activity] = await tx
      .insert(activities)
      .values({ communityId, spaceId: room.id, title: demo.title, description: demo.description, category: demo.category, audience: demo.audience, status: 'published' })
      .returning({ id: activities.id });
    const sessions = await tx
      .insert(activitySessions)
      .values(free.map((t) => ({ activityId: activity!.id, communityId, spaceId: room.id, startsAt: t.startsAt, endsAt: t.endsAt, capacity: Math.min(demo.capacity, room.capacity ?? demo.capacity) })))
      .returning();
    await tx.insert(occupancies).values(sessions.map((s) => ({ communityId, spaceId: room.id, during: duringValue(s), kind: 'activity_session' as const, sessionId: s.id })));
    created.push({ sessionIds: sessions.map((s) => s.id), demo });
  }
  // The demo resident has a place at the first tai chi class.
  const [resident] = await tx.select({ id: users.id }).from(users).where(inArray(users.email, ['resident@linli.demo']));
  const taichi = created.find((c) => c.demo.category === 'elderly');
  if (resident && taichi) await tx.insert(signups).values({ sessionId: taichi.sessionIds[0]!, userId: resident.id, status: 'confirmed' });
}
