import { redirect } from 'next/navigation';
import { roleHome } from '@/components/shell/role-links';
import { getCurrentActor } from '@/server/auth/session';

/** Where sign-in lands: each role goes to its own area. */
export default async function WelcomePage() {
  const actor = await getCurrentActor();
  redirect(actor ? roleHome(actor.role) : '/sign-in');
}
