import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, storageStateFor } from './support';

// The auditor's compliance area against the seeded demo register. A fixed date keeps the seed's
// story: every household count is as of 2025-12-31, so on 2026-06-30 all of them are fresh.
const AS_OF = '2026-06-30';

test.use({ storageState: storageStateFor('auditor') });

/** "东坑：27.27% 达标（3/11 个村（社区））" → { town: '东坑', share: 27.27 } */
function parseTile(label: string) {
  const match = /^(.+)：(\d+(?:\.\d+)?)% 达标（(\d+)\/(\d+)/.exec(label);
  return match ? { town: match[1]!, share: Number(match[2]) } : null;
}

/** RFC 4180 with a BOM, as the export writes it. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'the file starts with a UTF-8 BOM').toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The worst-gaps table as the page shows it (status in words, figures as printed). */
async function gapRows(page: Page) {
  return page.locator('table[data-table="gaps"] tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const text = (selector: string) => (row.querySelector(selector) as HTMLElement | null)?.innerText.trim() ?? '';
      return {
        community: text('th a'),
        code: text('th span'),
        status: (row.querySelector('[data-status]')?.lastChild?.textContent ?? '').trim(),
        value: text('[data-col="value"]').replaceAll(',', ''),
        threshold: text('[data-col="threshold"]').replaceAll(',', ''),
        gap: text('[data-col="gap"]').replaceAll(',', ''),
        households: text('[data-col="households"]').replaceAll(',', ''),
      };
    }),
  );
}

test('the auditor finds the worst town and drills down to a community’s evidence', async ({ page }) => {
  test.slow();
  await page.goto(`/audit?asOf=${AS_OF}`);
  await expect(page.getByRole('heading', { level: 1, name: '达标核查' })).toBeVisible();
  await expect(page.getByText('户籍户数口径 · 建筑面积').first()).toBeVisible();
  await expect(page.getByText('已核实（见于公开文件）', { exact: true }).first()).toBeVisible();

  // The tile map: one square per town, each with its passing share in words.
  const tiles = page.getByRole('group', { name: /各镇街.*达标的村（社区）占比/ }).getByRole('link');
  await expect(tiles).toHaveCount(33);
  const shares = (await tiles.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''))).map(parseTile);
  expect(shares.every(Boolean), 'every tile states its share').toBe(true);
  const lowest = Math.min(...shares.map((s) => s!.share));
  const worstTowns = shares.filter((s) => s!.share === lowest).map((s) => s!.town);

  // The bar chart puts the same town first.
  const firstBar = page.getByRole('group', { name: /达标率，从低到高/ }).getByRole('link').first();
  const firstBarTown = parseTile((await firstBar.getAttribute('aria-label')) ?? '')!.town;
  expect(worstTowns).toContain(firstBarTown);
  await firstBar.click();

  await expect(page).toHaveURL(/\/audit\/towns\/\d{9}\?/);
  await expect(page.getByRole('heading', { level: 1, name: `${firstBarTown}达标核查` })).toBeVisible();
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader') }).first()).toBeVisible();

  // Its worst community (largest missing area first), and the evidence behind its figure.
  const first = page.locator('table[data-table="town-communities"] tbody tr').first();
  const name = (await first.getByRole('rowheader').getByRole('link').innerText()).trim();
  const value = (await first.locator('[data-col="value-0"]').innerText()).trim();
  await first.getByRole('rowheader').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const indoor = page.locator('[data-result="DG2012-INDOOR"]');
  await expect(indoor.locator('[data-col="value"]')).toHaveText(value === '—' ? '—' : `${value} 平方米/百户`);
  await expect(page.getByRole('heading', { name: /计入的用房和场地/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /不计入的用房和场地/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '户数统计记录' })).toBeVisible();
});

test('a community that passes on registered households fails on resident ones', async ({ page }) => {
  test.slow();
  await page.goto(`/audit/towns/441900121?asOf=${AS_OF}`);
  await page.getByRole('link', { name: '树田社区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '树田社区' })).toBeVisible();
  await expect(page).toHaveURL(/asOf=2026-06-30/);

  const indoorStatus = page.locator('[data-result="DG2012-INDOOR"] [data-status]');
  await expect(indoorStatus).toHaveText(/达标$/);
  await expect(indoorStatus).not.toHaveText(/未达标/);
  await expect(page.getByRole('heading', { name: '所用户数' }).first()).toBeVisible();
  await expect(page.locator('[data-households-used]').first()).toContainText('户籍户数');

  await page.getByRole('navigation', { name: '按哪种户数口径核查' }).getByRole('link', { name: '常住户数口径' }).click();
  await expect(page).toHaveURL(/basis=resident/);
  await expect(indoorStatus).toHaveText(/未达标/);
  await expect(page.locator('[data-households-used]').first()).toContainText('常住户数');

  // Side by side, whichever basis is current.
  const comparison = page.locator('table[data-table="basis-comparison"]');
  await expect(comparison.locator('td[data-rule="DG2012-INDOOR"][data-basis="registered"] [data-status]')).not.toHaveText(/未达标/);
  await expect(comparison.locator('td[data-rule="DG2012-INDOOR"][data-basis="resident"] [data-status]')).toHaveText(/未达标/);
  await expectAccessible(page);
});

test('the CSV export holds exactly the rows and truncated figures on screen', async ({ page }) => {
  await page.goto(`/audit?asOf=${AS_OF}`);
  const shown = await gapRows(page);
  expect(shown.length).toBeGreaterThan(10);

  // Worst gaps first, and no failing value ever reads as the threshold (truncated, not rounded).
  const gaps = shown.filter((row) => row.gap !== '—').map((row) => Number(row.gap));
  expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  for (const row of shown.filter((r) => r.value !== '—')) {
    expect(row.value, `${row.community} has two decimals`).toMatch(/^\d+\.\d{2}$/);
    if (row.status === '未达标') expect(Number(row.value), `${row.community} fails below ${row.threshold}`).toBeLessThan(Number(row.threshold));
    if (row.status === '达标') expect(Number(row.value)).toBeGreaterThanOrEqual(Number(row.threshold));
  }

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`compliance-DG2012-${AS_OF}-registered.csv`);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
  const column = (title: string | RegExp) => {
    const index = header!.findIndex((h) => (typeof title === 'string' ? h === title : title.test(h)));
    expect(index, `column ${title}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const c = {
    code: column('统计代码'),
    community: column('村（社区）'),
    status: column('状态'),
    value: column(/^数值/),
    threshold: column(/^阈值/),
    gap: column('缺口（平方米）'),
    households: column('所用户数'),
    basis: column('户数口径'),
  };
  expect(rows.map((row) => ({
    community: row[c.community],
    code: row[c.code],
    status: row[c.status],
    value: row[c.value] || '—',
    threshold: row[c.threshold],
    gap: row[c.gap] || '—',
    households: row[c.households] || '—',
  }))).toEqual(shown);
  expect(new Set(rows.map((row) => row[c.basis]))).toEqual(new Set(['户籍户数']));
});

// axe-core walks every tile, bar and row of these data-heavy pages: give it time on a slow runner.
test('the compliance overview has no serious accessibility violation', async ({ page }) => {
  test.slow();
  await page.goto(`/audit?asOf=${AS_OF}`);
  await expect(page.getByRole('heading', { level: 1, name: '达标核查' })).toBeVisible();
  await expectAccessible(page);
});

test('a community’s evidence page has no serious accessibility violation', async ({ page }) => {
  test.slow();
  await page.goto(`/audit/towns/441900121?asOf=${AS_OF}`);
  await page.getByRole('link', { name: '南栅社区' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '南栅社区' })).toBeVisible();
  // Its centre is shared: 40% of 路东's counts here, and the evidence says so.
  await expect(page.getByText('截至 2026-06-30 计入本村（社区）40.00%')).toBeVisible();
  await expectAccessible(page);
});
