import type { Role } from '@/db/schema/enums';

/** Each role's own area: its navigation and where it lands after signing in. */
export const ROLE_LINKS: Record<Role, { href: string; label: string }[]> = {
  resident: [
    { href: '/centres', label: 'centres' },
    { href: '/my/bookings', label: 'myBookings' },
    { href: '/my/activities', label: 'myActivities' },
  ],
  staff: [
    { href: '/staff', label: 'myCommunities' },
    { href: '/staff/bookings', label: 'bookingDesk' },
    { href: '/staff/activities', label: 'activityDesk' },
  ],
  auditor: [
    { href: '/audit', label: 'compliance' },
    { href: '/rule-sets', label: 'ruleSets' },
  ],
  admin: [
    { href: '/admin/accounts', label: 'accounts' },
    { href: '/admin/communities', label: 'communities' },
    { href: '/admin/rule-sets', label: 'ruleSets' },
    { href: '/admin/security-log', label: 'securityLog' },
    { href: '/audit', label: 'compliance' },
  ],
};

export function roleHome(role: Role): string {
  return ROLE_LINKS[role][0]!.href;
}
