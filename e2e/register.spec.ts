import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, storageStateFor } from './support';

// Community staff keep their register: household counts and measurements by hand, a bulk
// import that is all or nothing, and no way into another community's register.
// staff@linli.demo manages 虎门 树田社区/怀德社区/路东社区 and 东城 岗贝社区 (db/seed/demo-accounts.ts).

test.use({ storageState: storageStateFor('staff') });

const stamp = () => `${Date.now()}`.slice(-7);

async function openCommunity(page: Page, name: string) {
  await page.goto('/staff');
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('staff records a new household count and a new measurement and sees both in the history', async ({ page }) => {
  const run = stamp();
  await openCommunity(page, '路东社区');

  // Household count: a refused submit keeps what was typed, the field says what is wrong.
  await page.getByText('录入新的户数').click();
  const countForm = page.getByRole('form', { name: '录入新的户数' });
  await countForm.getByLabel('户数口径').selectOption('resident');
  await countForm.getByLabel('数据来源').fill(`e2e 人口普查 ${run}`);
  await countForm.getByRole('button', { name: '保存户数' }).click();
  await expect(countForm.getByText('户数应为 0 到 1000000 的整数。')).toBeVisible();
  await expect(countForm.getByLabel('户数', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(countForm.getByLabel('数据来源')).toHaveValue(`e2e 人口普查 ${run}`);

  await countForm.getByLabel('户数', { exact: true }).fill('6300');
  await countForm.getByLabel('统计截止日期').fill('2026-06-30');
  await countForm.getByRole('button', { name: '保存户数' }).click();
  await expect(countForm.getByRole('status').filter({ hasText: '已保存户数' })).toBeVisible();
  const countHistory = page.getByRole('region', { name: '户数历史记录' });
  const newCount = countHistory.getByRole('row').filter({ hasText: `e2e 人口普查 ${run}` });
  await expect(newCount).toHaveCount(1);
  await expect(newCount).toContainText('2026-06-30');
  await expect(newCount).toContainText('常住');
  await expect(newCount).toContainText('6,300');
  // The earlier counts are still there: nothing is overwritten.
  await expect(countHistory.getByRole('row').filter({ hasText: '2025-12-31' })).toHaveCount(2);

  // Measurement: on the space's own page, which says how corrections work.
  await page.getByRole('link', { name: '测量记录与修改：多功能厅' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '多功能厅' })).toBeVisible();
  await expect(page.getByText('如果以前的测量有误，请录入一条新的测量，并在备注中说明更正的原因')).toBeVisible();
  const history = page.getByRole('region', { name: '测量历史记录' });
  const before = await history.getByRole('row').count();

  const form = page.getByRole('form', { name: '录入新的测量' });
  await form.getByLabel('面积（平方米）').fill('123.456');
  await form.getByLabel('测量人').fill(`e2e 测量员 ${run}`);
  await form.getByLabel('备注').fill(`翻新后复测 ${run}`);
  await form.getByRole('button', { name: '保存测量' }).click();
  await expect(form.getByText('面积应为大于 0 的数字，最多两位小数。')).toBeVisible();
  await expect(form.getByLabel('测量人')).toHaveValue(`e2e 测量员 ${run}`);
  await expectAccessible(page);

  // Dated today (the form's default): it becomes the current building area.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await expect(form.getByLabel('测量日期')).toHaveValue(today);
  await form.getByLabel('面积（平方米）').fill('123.45');
  await form.getByLabel('面积口径').selectOption('building');
  await form.getByRole('button', { name: '保存测量' }).click();
  await expect(form.getByRole('status').filter({ hasText: '已保存测量' })).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(before + 1);
  const row = history.getByRole('row').filter({ hasText: `翻新后复测 ${run}` });
  await expect(row).toContainText(today);
  await expect(row).toContainText('123.45');
  await expect(row).toContainText('建筑面积');
  await expect(row).toContainText(`e2e 测量员 ${run}`);
  const current = page.getByRole('region', { name: '当前面积' }).getByRole('listitem').filter({ hasText: '建筑面积' });
  await expect(current).toContainText('123.45 平方米');
  await expect(current).toContainText(`${today} 测量`);
});

test('staff imports household counts: a file with a bad row changes nothing, the fixed file imports every row', async ({ page }) => {
  const run = stamp();
  await page.goto('/staff/import');
  await expect(page.getByRole('heading', { level: 1, name: '批量导入户数和面积' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV 模板（户数）' }).click()]);
  const template = await readFile((await download.path())!, 'utf8');
  const [header, example] = template.replace(/^\ufeff/, '').trim().split('\r\n');
  expect(header).toContain('社区统计代码(community_code)');
  expect(header).toContain('户数(households)');
  expect(example).toContain('示例行');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 XLSX 模板（面积测量）' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile((await xlsxDownload.path())!)).subarray(0, 2).toString()).toBe('PK');

  // Columns as in the template: code, name, basis, households, as_of, source, supplied_by, note.
  const good = [`441900121001,树田社区,户籍,1${run.slice(-3)},2026-06-30,e2e 年报 ${run},张敏,`, `441900121002,怀德社区,常住,"2,${run.slice(-3)}",2026-06-30,e2e 年报 ${run},,批量导入`];
  const bad = `441900121002,怀德社区,常住,很多,2026-06-31,e2e 年报 ${run},,`;
  const file = (rows: string[]) => ({ name: 'counts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${[header, ...rows].join('\r\n')}\r\n`) });

  await page.getByLabel('户数', { exact: true }).check();
  await page.getByLabel('文件（CSV 或 XLSX）').setInputFiles(file([good[0]!, bad, good[1]!]));
  await page.getByRole('button', { name: '上传并导入' }).click();
  await expect(page.getByRole('heading', { name: '文件未导入：发现 2 处问题' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '文件有 2 处问题，没有导入任何数据。' })).toHaveCount(1);
  const problems = page.getByRole('table', { name: '问题列表：行号、列、问题' });
  await expect(problems.getByRole('row')).toHaveCount(3);
  const households = problems.getByRole('row').filter({ hasText: '户数(households)' });
  await expect(households.getByRole('rowheader')).toHaveText('3');
  await expect(households).toContainText('户数应为 0 到 1000000 的整数。');
  const asOf = problems.getByRole('row').filter({ hasText: '统计截止日期(as_of)' });
  await expect(asOf.getByRole('rowheader')).toHaveText('3');
  await expect(asOf).toContainText('请输入有效日期');
  await expectAccessible(page);

  await openCommunity(page, '树田社区');
  await expect(page.getByRole('region', { name: '户数历史记录' }).getByRole('row').filter({ hasText: `e2e 年报 ${run}` })).toHaveCount(0);

  await page.goto('/staff/import');
  await page.getByLabel('文件（CSV 或 XLSX）').setInputFiles(file(good));
  await page.getByRole('button', { name: '上传并导入' }).click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '完成：已导入 2 行。' })).toHaveCount(1);
  await expect(page.getByText('已导入 2 条户数记录')).toBeVisible();

  await openCommunity(page, '树田社区');
  await expect(page.getByRole('region', { name: '户数历史记录' }).getByRole('row').filter({ hasText: `e2e 年报 ${run}` })).toHaveCount(1);
  await openCommunity(page, '怀德社区');
  const imported = page.getByRole('region', { name: '户数历史记录' }).getByRole('row').filter({ hasText: `e2e 年报 ${run}` });
  await expect(imported).toContainText(`2,${run.slice(-3)}`);
  await expect(imported).toContainText('批量导入');
});

test('staff add a facility, then close it: a closing day before the opening is refused on its field, a valid one shows on the card', async ({ page }) => {
  const run = stamp();
  const name = `e2e 服务站 ${run}`;
  await openCommunity(page, '岗贝社区');
  await page.locator('summary', { hasText: '新增设施' }).click();
  const addForm = page.getByRole('form', { name: '新增设施' });
  await addForm.getByLabel('设施名称').fill(name);
  await addForm.getByLabel('设施类型').selectOption('service_station');
  await addForm.getByLabel('启用日期').fill('2025-01-01');
  await addForm.getByRole('button', { name: '新增设施' }).click();
  await expect(addForm.getByRole('status').filter({ hasText: '已新增设施。' })).toBeVisible();

  const card = page.getByRole('article', { name });
  await card.getByText(`修改“${name}”`).click();
  const editForm = card.getByRole('form', { name: `修改“${name}”` });
  await expect(editForm.getByLabel('设施类型')).toHaveValue('service_station');
  await editForm.getByLabel('关闭日期').fill('2024-12-31');
  await editForm.getByRole('button', { name: '保存设施信息' }).click();
  await expect(editForm.getByText('关闭日期必须晚于启用日期。')).toBeVisible();
  await expect(editForm.getByLabel('关闭日期')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('已于 2024-12-31 关闭')).toHaveCount(0);

  await editForm.getByLabel('关闭日期').fill('2026-01-01');
  await editForm.getByRole('button', { name: '保存设施信息' }).click();
  await expect(editForm.getByRole('status').filter({ hasText: '已更新设施信息。' })).toBeVisible();
  await expect(card.getByText('已于 2026-01-01 关闭')).toBeVisible();
});

test("staff opening another community's register gets not found", async ({ page }) => {
  const response = await page.request.get('/api/v1/communities?q=南栅社区');
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const nanzha = items.find((c) => c.name === '南栅社区')!;

  const refused = await page.goto(`/staff/communities/${nanzha.id}`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await expect(page.getByText('户数历史记录')).toHaveCount(0);

  expect((await page.goto('/staff/communities/not-an-id'))?.status()).toBe(404);
  await openCommunity(page, '路东社区');
  const ludong = page.url();
  expect((await page.goto(`${ludong}/spaces/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
});
