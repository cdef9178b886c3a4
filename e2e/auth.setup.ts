import { expect, test as setup } from '@playwright/test';
import { DEMO, signIn, storageStateFor, type DemoRole } from './support';

// Each demo role signs in once per run; specs reuse the saved session.
for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page).not.toHaveURL(/sign-in/);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
