import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { communities, staffAssignments, users, type Role } from '@/db/schema';
import { requireRole, requireUser, type RequestContext } from '@/server/auth/context';
import { containsPattern } from '@/server/common-schemas';
import { AppError } from '@/server/errors';
import type { UserView } from './schemas';

// Only these columns ever leave the accounts domain: never the password hash.
const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  mobile: users.mobile,
  role: users.role,
  disabled: users.disabled,
  homeCommunityId: users.homeCommunityId,
  createdAt: users.createdAt,
  communityIds: sql<string[]>`coalesce(array_agg(${staffAssignments.communityId}) filter (where ${staffAssignments.communityId} is not null), '{}')`,
};

function toView(row: Omit<UserView, 'createdAt'> & { createdAt: Date }): UserView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** The public view of one account, inside the caller's transaction or not. */
export async function selectUserView(executor: Executor, userId: string): Promise<UserView | null> {
  const [row] = await executor
    .select(publicColumns)
    .from(users)
    .leftJoin(staffAssignments, eq(staffAssignments.userId, users.id))
    .where(eq(users.id, userId))
    .groupBy(users.id);
  return row ? toView(row) : null;
}

/** GET /api/v1/me and the account menu. */
export async function getMe(ctx: RequestContext): Promise<UserView> {
  const actor = await requireUser(ctx);
  const view = await selectUserView(db, actor.id);
  if (!view) throw new AppError('unauthenticated', 'Sign-in required');
  return view;
}

export interface UserListFilter {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

/** The admin's account list, with each staff member's communities named. */
export async function listUsers(ctx: RequestContext, filter: UserListFilter) {
  await requireRole(ctx, 'admin');
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.mobile, pattern))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...publicColumns,
        communityNames: sql<string[]>`coalesce(array_agg(${communities.name} order by ${communities.name}) filter (where ${communities.id} is not null), '{}')`,
      })
      .from(users)
      .leftJoin(staffAssignments, eq(staffAssignments.userId, users.id))
      .leftJoin(communities, eq(communities.id, staffAssignments.communityId))
      .where(where)
      .groupBy(users.id)
      .orderBy(asc(users.role), asc(users.name))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...toView(row), communityNames: row.communityNames })), total: total?.n ?? 0 };
}
