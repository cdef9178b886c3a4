import { expect, test } from '@playwright/test';
import { storageStateFor, type DemoRole } from './support';

// Every page, opened with ids that are not ids and query strings an attacker or a mangled link
// sends (a NUL character, impossible dates, huge values): the page answers — its content, a
// message, "not found" or a redirect to sign-in — and never a 5xx.

const PAGES = [
  '/',
  '/activities',
  '/activities/[id]',
  '/admin/accounts',
  '/admin/communities',
  '/admin/rule-sets',
  '/admin/security-log',
  '/audit',
  '/audit/communities/[id]',
  '/audit/towns/[town]',
  '/centres',
  '/centres/[id]',
  '/centres/towns/[town]',
  '/communities',
  '/my-data',
  '/my/activities',
  '/my/bookings',
  '/notifications',
  '/privacy',
  '/problems/[slug]',
  '/register',
  '/rooms/[id]',
  '/rule-sets',
  '/rule-sets/[slug]',
  '/sign-in',
  '/staff',
  '/staff/activities',
  '/staff/activities/[id]',
  '/staff/activities/new',
  '/staff/activities/sessions/[id]',
  '/staff/bookings',
  '/staff/bookings/closures',
  '/staff/bookings/day',
  '/staff/bookings/recurring',
  '/staff/bookings/rules',
  '/staff/communities',
  '/staff/communities/[id]',
  '/staff/communities/[id]/spaces/[id]',
  '/staff/import',
  '/towns/[town]',
  '/welcome',
];

const NUL = encodeURIComponent('x\u0000y');
const HUGE = encodeURIComponent('长'.repeat(500));
const SEGMENTS: Record<string, string[]> = {
  '[id]': ['00000000-0000-4000-8000-000000000000', `not-an-id${NUL}`],
  '[town]': ['441900999', `9${NUL}`],
  '[slug]': ['no-such-thing', NUL],
};
const QUERIES = [
  `?q=${NUL}&date=9999-99-99&asOf=2026-02-30&week=${NUL}&facility=${NUL}&town=${NUL}&basis=x&householdBasis=x&ruleSet=${NUL}&status=x&page=-1&sort=${NUL}&communityId=${NUL}&kind=x&from=x&to=x&callbackUrl=${NUL}`,
  `?q=${HUGE}&date=${HUGE}&asOf=${HUGE}&week=2026-W99&facility=00000000-0000-4000-8000-000000000000&page=99999999999&pageSize=1e308&staleAfterMonths=1e9`,
  '?page=1&page=2&q=a&q=b&date=2026-01-01&date=2026-01-02',
];

for (const role of ['resident', 'staff', 'auditor', 'admin'] as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('no page answers hostile ids or query strings with a 5xx', async ({ request }) => {
      test.setTimeout(180_000);
      const failures: string[] = [];
      for (const page of PAGES) {
        const dynamic = Object.keys(SEGMENTS).find((segment) => page.includes(segment));
        const paths = dynamic ? SEGMENTS[dynamic]!.map((value) => page.replaceAll(/\[(id|town|slug)\]/g, value)) : [page];
        for (const [i, path] of paths.entries()) {
          for (const query of i === 0 ? QUERIES : ['']) {
            const response = await request.get(path + query, { maxRedirects: 0 });
            if (response.status() >= 500) failures.push(`${path.slice(0, 80)}${query.slice(0, 60)} → ${response.status()}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
