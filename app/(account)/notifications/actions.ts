'use server';

import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { markAllRead } from '@/server/bookings/notifications';

export async function markAllReadAction() {
  await markAllRead(await getRequestContext());
  revalidatePath('/', 'layout');
}
