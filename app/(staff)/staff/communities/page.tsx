import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requirePageRole } from '@/server/auth/session';

/** Where the admins' "open a community" picker lands (a plain GET form, no script needed). */
export default async function OpenCommunityPage({ searchParams }: { searchParams: Promise<{ communityId?: string | string[] }> }) {
  await requirePageRole('/staff', 'staff', 'admin');
  const parsed = z.uuid().safeParse((await searchParams).communityId);
  redirect(parsed.success ? `/staff/communities/${parsed.data}` : '/staff');
}
