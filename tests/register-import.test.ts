import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { EXAMPLE_MARKER, IMPORT_COLUMNS, headerOf } from '../server/registry/import-columns';
import { IMPORT_LIMITS, parseCsv, parseImportFile, type ImportRow } from '../server/registry/import-file';
import { importHouseholdCounts } from '../server/registry/import-household-counts';
import { importMeasurements } from '../server/registry/import-measurements';
import type { ImportOutcome } from '../server/registry/import-rows';
import { csvTemplate, xlsxTemplate } from '../server/registry/import-template';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { recordMeasurement } from '../server/registry/record-measurement';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// The bulk import: a file is parsed, every row is checked, and then either every row is
// written in one transaction or nothing is. Each assertion compares the tables before and after.

let admin: TestUser;
let staff: TestUser;
let auditor: TestUser;
let resident: TestUser;
const code: Record<'a' | 'b' | 'other', string> = { a: '', b: '', other: '' };
const communityId: Record<'a' | 'b' | 'other', string> = { a: '', b: '', other: '' };
const name: Record<'a' | 'b' | 'other', string> = { a: '', b: '', other: '' };

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

async function tableCounts() {
  const [row] = await rawSql()<{ counts: number; measurements: number; audit: number }[]>`
    select (select count(*)::int from household_counts) as counts,
      (select count(*)::int from area_measurements) as measurements,
      (select count(*)::int from audit_log) as audit`;
  return row!;
}

function problemsOf(outcome: ImportOutcome) {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.imported} rows imported`);
  return outcome.problems.map((p) => ({ row: p.row, column: p.column, key: p.key }));
}

const COUNT_HEADER = '社区统计代码(community_code),户数口径(basis),户数(households),统计截止日期(as_of),数据来源(source),提供人(supplied_by),备注(note)';

async function parseRows(kind: 'household-counts' | 'measurements', fileName: string, content: Uint8Array): Promise<ImportRow[]> {
  const parsed = await parseImportFile(kind, fileName, content);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.problems)}`);
  return parsed.rows;
}

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  admin = await makeUser('admin');
  auditor = await makeUser('auditor');
  resident = await makeUser('resident');
  const ids = await makeCommunities(3);
  (['a', 'b', 'other'] as const).forEach((key, i) => (communityId[key] = ids[i]!));
  const rows = await rawSql()<{ id: string; code: string; name: string }[]>`select id, code, name from communities where id = any(${ids})`;
  for (const key of ['a', 'b', 'other'] as const) {
    const row = rows.find((r) => r.id === communityId[key])!;
    code[key] = row.code;
    name[key] = row.name;
  }
  staff = await makeUser('staff', { communityIds: [communityId.a, communityId.b] });
});

describe('reading files', () => {
  it('parses RFC 4180 CSV: BOM, CRLF, quoted commas, doubled quotes and line breaks inside quotes', () => {
    const parsed = parseCsv('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line 1\nline 2",\r\n');
    expect(parsed).toEqual({ ok: true, rows: [['a', 'b', 'c'], ['1', 'x, y', 'say "hi"'], ['2', 'line 1\nline 2', '']] });
    expect(parseCsv('a,b\n1,"never closed\n2,3\n')).toEqual({ ok: false, row: 2 });
    expect(parseCsv('a\r1\r2')).toEqual({ ok: true, rows: [['a'], ['1'], ['2']] });
  });

  it('reads a UTF-8 CSV with a BOM and quoted fields into rows keyed by column, numbered as in Excel', async () => {
    const csv = `\ufeff${COUNT_HEADER}\r\n${code.a},户籍,"1,200",2025/12/31,"镇街统计年报, 2025","张 ""敏""",\r\n\r\n${code.b},resident,３４５,2025-12-31,公安,,备注\r\n`;
    const rows = await parseRows('household-counts', 'counts.csv', bytes(csv));
    expect(rows).toEqual([
      { row: 2, cells: { community_code: code.a, basis: '户籍', households: '1,200', as_of: '2025/12/31', source: '镇街统计年报, 2025', supplied_by: '张 "敏"', note: '' } },
      { row: 4, cells: { community_code: code.b, basis: 'resident', households: '３４５', as_of: '2025-12-31', source: '公安', supplied_by: '', note: '备注' } },
    ]);
  });

  it('reads a CSV saved by Excel on a Chinese Windows (GB18030, no BOM)', async () => {
    // "户数口径(basis)" etc. encoded in GBK: built with the decoder's inverse, byte by byte.
    const gbk = new Uint8Array([
      ...bytes('community_code,basis,households,as_of,source\r\n'),
      ...bytes(`${code.a},`),
      0xbb, 0xa7, 0xbc, 0xae, // 户籍
      ...bytes(',10,2025-01-01,'),
      0xc4, 0xea, 0xb1, 0xa8, // 年报
      ...bytes('\r\n'),
    ]);
    const rows = await parseRows('household-counts', 'gbk.csv', gbk);
    expect(rows[0]!.cells).toMatchObject({ basis: '户籍', source: '年报' });
  });

  it('reads XLSX: text, numbers, typed dates and rich text, with the same header forms', async () => {
    const file = await xlsx([
      ['社区统计代码(community_code)', '户数口径', 'households', '统计截止日期（as_of）', '数据来源(source)'],
      [Number(code.a), '常住', 4321, new Date(Date.UTC(2025, 11, 31)), '年报'],
    ]);
    const rows = await parseRows('household-counts', 'counts.xlsx', file);
    expect(rows).toEqual([{ row: 2, cells: { community_code: code.a, basis: '常住', households: '4321', as_of: '2025-12-31', source: '年报' } }]);
  });

  it('refuses unknown, duplicate and missing columns, naming each', async () => {
    const parsed = await parseImportFile('household-counts', 'bad.csv', bytes('community_code,basis,basis,人口\n1,2,3,4\n'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [1, 'basis', 'register.importProblems.column_duplicate'],
      [1, '人口', 'register.importProblems.column_unknown'],
      [1, 'households', 'register.importProblems.column_missing'],
      [1, 'as_of', 'register.importProblems.column_missing'],
      [1, 'source', 'register.importProblems.column_missing'],
    ]);
  });

  it('refuses a row shifted by an unquoted comma, old .xls files, oversized files and too many rows', async () => {
    const shifted = await parseImportFile('household-counts', 'c.csv', bytes(`${COUNT_HEADER}\n${code.a},户籍,1,200,2025-12-31,年报,,\n`));
    expect(!shifted.ok && shifted.problems[0]).toMatchObject({ row: 2, key: 'register.importProblems.too_many_cells', values: { expected: 7, found: 8 } });

    const xls = await parseImportFile('household-counts', 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect(!xls.ok && xls.problems[0]!.key).toBe('register.importProblems.file_xls');

    const huge = await parseImportFile('household-counts', 'big.csv', new Uint8Array(IMPORT_LIMITS.maxBytes + 1));
    expect(!huge.ok && huge.problems[0]!.key).toBe('register.importProblems.file_too_large');

    const many = `${COUNT_HEADER}\n${Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, () => `${code.a},户籍,1,2025-12-31,年报,,`).join('\n')}\n`;
    const tooMany = await parseImportFile('household-counts', 'many.csv', bytes(many));
    expect(!tooMany.ok && tooMany.problems[0]!.key).toBe('register.importProblems.too_many_rows');
  });

  it('ships templates whose header reads back as every column, and whose example row is refused if left in', async () => {
    for (const kind of ['household-counts', 'measurements'] as const) {
      const keys = IMPORT_COLUMNS[kind].map((c) => c.key);
      const csv = csvTemplate(kind, { community_code: code.a });
      expect(csv.startsWith(`\ufeff${IMPORT_COLUMNS[kind].map(headerOf).join(',')}\r\n`)).toBe(true);
      expect(csv).toContain('社区统计代码(community_code)');
      const fromCsv = await parseRows(kind, 't.csv', bytes(csv));
      const fromXlsx = await parseRows(kind, 't.xlsx', new Uint8Array(await xlsxTemplate(kind, { community_code: code.a })));
      for (const rows of [fromCsv, fromXlsx]) {
        expect(rows).toHaveLength(1);
        expect(Object.keys(rows[0]!.cells).sort()).toEqual([...keys].sort());
        expect(rows[0]!.cells.note).toBe(EXAMPLE_MARKER);
      }
    }
    const outcome = await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 't.csv', bytes(csvTemplate('household-counts', { community_code: code.a, community_name: name.a }))));
    expect(problemsOf(outcome)).toEqual([{ row: 2, column: 'note', key: 'register.importProblems.example_row' }]);
  });
});

describe('importing household counts', () => {
  it('inserts every row of a good file in one go, each with its audit entry', async () => {
    const before = await tableCounts();
    const csv = `\ufeff${COUNT_HEADER}\r\n${code.a},户籍,"1,200",2025/12/31,年报,张敏,\r\n${code.a},常住,4800,2025-12-31,公安,,"备注, 含逗号"\r\n${code.b},registered,0,2024-06-30,年报,,\r\n`;
    const outcome = await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 'good.csv', bytes(csv)));

    expect(outcome).toEqual({ ok: true, imported: 3 });
    const after = await tableCounts();
    expect(after.counts - before.counts).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    const saved = await rawSql()<{ community_id: string; basis: string; households: number; as_of: string; note: string | null; recorded_by: string }[]>`
      select community_id, basis, households, to_char(as_of, 'YYYY-MM-DD') as as_of, note, recorded_by from household_counts
      where recorded_by = ${staff.id} order by households`;
    expect(saved).toEqual([
      { community_id: communityId.b, basis: 'registered', households: 0, as_of: '2024-06-30', note: null, recorded_by: staff.id },
      { community_id: communityId.a, basis: 'registered', households: 1200, as_of: '2025-12-31', note: null, recorded_by: staff.id },
      { community_id: communityId.a, basis: 'resident', households: 4800, as_of: '2025-12-31', note: '备注, 含逗号', recorded_by: staff.id },
    ]);
    const audit = await rawSql()<{ action: string; n: number }[]>`
      select action, count(*)::int as n from audit_log where request_id = ${staff.ctx.requestId} group by action`;
    expect(audit).toEqual([{ action: 'household_count.record', n: 3 }]);

    // Each entry describes its record exactly as the one-at-a-time form's entry would.
    const single = await recordHouseholdCount(admin.ctx, communityId.b, { basis: 'resident', households: 42, asOf: '2024-06-30', source: '对照' });
    const [byForm] = await rawSql()<{ after: Record<string, unknown> }[]>`select after from audit_log where entity_id = ${single.id}`;
    const [byImport] = await rawSql()<{ after: Record<string, unknown> }[]>`
      select a.after from audit_log a join household_counts h on a.entity_id = h.id::text where h.households = 1200 and h.recorded_by = ${staff.id}`;
    expect(Object.keys(byImport!.after).sort()).toEqual(Object.keys(byForm!.after).sort());
    expect(byImport!.after).toMatchObject({ communityId: communityId.a, basis: 'registered', households: 1200, asOf: '2025-12-31', source: '年报', suppliedBy: '张敏', note: null, recordedBy: staff.id });
    expect(byImport!.after.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(byForm!.after.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('writes nothing when one row among good ones is wrong, and lists row, column and problem', async () => {
    const before = await tableCounts();
    const csv = [
      COUNT_HEADER,
      `${code.a},户籍,1300,2026-01-31,年报,,`,
      `${code.a},户籍,一千,2026-01-31,年报,,`,
      `${code.b},常住,900,2026-02-30,,,`,
      `${code.b},常住,901,2026-01-31,年报,,`,
    ].join('\n');
    const outcome = await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 'bad.csv', bytes(csv)));

    expect(problemsOf(outcome)).toEqual([
      { row: 3, column: 'households', key: 'validation.households_invalid' },
      { row: 4, column: 'as_of', key: 'validation.date_invalid' },
      { row: 4, column: 'source', key: 'validation.source_invalid' },
    ]);
    expect(!outcome.ok && outcome.rowCount).toBe(4);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses the whole file when a row names a community the staff member does not manage", async () => {
    const before = await tableCounts();
    const csv = [COUNT_HEADER, `${code.a},户籍,1400,2026-03-31,年报,,`, `${code.other},户籍,50,2026-03-31,年报,,`, `000000000000,户籍,50,2026-03-31,年报,,`].join('\n');
    const outcome = await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 'other.csv', bytes(csv)));

    expect(problemsOf(outcome)).toEqual([
      { row: 3, column: 'community_code', key: 'register.importProblems.community_not_managed' },
      { row: 4, column: 'community_code', key: 'register.importProblems.community_code_unknown' },
    ]);
    expect(await tableCounts()).toEqual(before);

    // An admin may import for any community.
    const asAdmin = await importHouseholdCounts(admin.ctx, await parseRows('household-counts', 'other.csv', bytes(csv.split('\n').slice(0, 3).join('\n'))));
    expect(asAdmin).toEqual({ ok: true, imported: 2 });
  });

  it('refuses repeats within the file, a file imported twice, and a name that does not match the code', async () => {
    const header = '社区统计代码(community_code),社区名称(community_name),户数口径(basis),户数(households),统计截止日期(as_of),数据来源(source)';
    const first = [header, `${code.b},${name.b},户籍,777,2026-04-30,年报`].join('\n');
    expect(await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 'f.csv', bytes(first)))).toEqual({ ok: true, imported: 1 });
    const before = await tableCounts();
    const again = [header, `${code.b},${name.b},户籍,777,2026-04-30,年报`, `${code.a},${name.b},户籍,10,2026-04-30,年报`, `${code.a},,户籍,10,2026-04-30,年报`, `${code.a},,户籍,10,2026-04-30,另一个来源`].join('\n');
    const outcome = await importHouseholdCounts(staff.ctx, await parseRows('household-counts', 'f.csv', bytes(again)));
    expect(problemsOf(outcome)).toEqual([
      { row: 2, column: null, key: 'register.importProblems.already_recorded' },
      { row: 3, column: 'community_name', key: 'register.importProblems.community_name_mismatch' },
      { row: 5, column: null, key: 'register.importProblems.duplicate_row' },
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('rolls everything back when the database fails halfway through a large file', async () => {
    // A test-only trigger makes the 2,800th row fail inside the second insert statement (2,500 rows each).
    const sql = rawSql();
    await sql.unsafe(`
      create sequence test_rows_seen;
      create function test_refuse_777777() returns trigger language plpgsql as $$
      begin perform nextval('test_rows_seen'); if new.households = 777777 then raise exception 'test failure'; end if; return new; end $$;
      create trigger test_refuse_777777 before insert on household_counts for each row execute function test_refuse_777777();`);
    try {
      const before = await tableCounts();
      const lines = Array.from({ length: 3000 }, (_, i) => `${code.a},户籍,${i === 2799 ? 777777 : 20000 + i},2027-01-01,年报,,`);
      const rows = await parseRows('household-counts', 'big.csv', bytes([COUNT_HEADER, ...lines].join('\n')));
      await expect(importHouseholdCounts(staff.ctx, rows)).rejects.toThrow();
      // Sequences ignore rollbacks: the trigger saw all 2,500 rows of the first statement and
      // 300 of the second before it failed — and none of them is left.
      const [seen] = await sql<{ last_value: string }[]>`select last_value from test_rows_seen`;
      expect(Number(seen!.last_value)).toBe(2800);
      expect(await tableCounts()).toEqual(before);
    } finally {
      await sql.unsafe('drop trigger test_refuse_777777 on household_counts; drop function test_refuse_777777(); drop sequence test_rows_seen;');
    }
  });

  it('lets neither auditors nor residents import', async () => {
    const rows = await parseRows('household-counts', 'c.csv', bytes([COUNT_HEADER, `${code.a},户籍,1,2027-03-01,年报,,`].join('\n')));
    const before = await tableCounts();
    for (const user of [auditor, resident]) {
      expect((await refusal(importHouseholdCounts(user.ctx, rows))).code).toBe('forbidden');
      expect((await refusal(importMeasurements(user.ctx, rows))).code).toBe('forbidden');
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe('importing measurements', () => {
  let hall: string;
  const MEASUREMENT_HEADER = IMPORT_COLUMNS.measurements.map(headerOf);

  beforeAll(async () => {
    const centre = await createFacility(admin.ctx, { communityId: communityId.a, name: '测试中心', kind: 'comprehensive_centre' });
    hall = (await createSpace(admin.ctx, centre.id, { name: '多功能厅', setting: 'indoor', useClass: 'resident_activity', bookable: false })).id;
    await createSpace(admin.ctx, centre.id, { name: '广场', setting: 'outdoor', useClass: 'resident_activity', bookable: false });
    // Two live spaces with one name: the file cannot say which is meant.
    await createSpace(admin.ctx, centre.id, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: false });
    await createSpace(admin.ctx, centre.id, { name: '活动室', setting: 'indoor', useClass: 'office', bookable: false });
    const elsewhere = await createFacility(admin.ctx, { communityId: communityId.other, name: '别人的中心', kind: 'service_station' });
    await createSpace(admin.ctx, elsewhere.id, { name: '多功能厅', setting: 'indoor', useClass: 'resident_activity', bookable: false });
    await recordMeasurement(admin.ctx, hall, { areaM2: '100.00', basis: 'building', measuredOn: '2020-01-01', method: 'on_site', measuredBy: '王工' });
  });

  it('imports a good XLSX, finding each space by community code, facility name and space name', async () => {
    const before = await tableCounts();
    const file = await xlsx([
      MEASUREMENT_HEADER,
      [code.a, '测试中心', '多功能厅', 120.5, '建筑面积', new Date(Date.UTC(2026, 2, 15)), '现场测量', '李工', '东莞市测绘院', '翻新后复测'],
      [code.a, '测试中心', '广场', '300', 'land', '2026-03-15', '测绘报告', '李工', null, null],
    ]);
    const outcome = await importMeasurements(staff.ctx, await parseRows('measurements', 'm.xlsx', file));

    expect(outcome).toEqual({ ok: true, imported: 2 });
    const after = await tableCounts();
    expect(after.measurements - before.measurements).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    const history = await rawSql()<{ area_m2: string; basis: string; measured_on: string; method: string; organisation: string | null; note: string | null }[]>`
      select area_m2::text, basis, to_char(measured_on, 'YYYY-MM-DD') as measured_on, method, organisation, note
      from area_measurements where space_id = ${hall} order by measured_on`;
    // The earlier measurement is still there: a new one is added, nothing is overwritten.
    expect(history).toEqual([
      { area_m2: '100.00', basis: 'building', measured_on: '2020-01-01', method: 'on_site', organisation: null, note: null },
      { area_m2: '120.50', basis: 'building', measured_on: '2026-03-15', method: 'on_site', organisation: '东莞市测绘院', note: '翻新后复测' },
    ]);
    const [byImport] = await rawSql()<{ after: Record<string, unknown> }[]>`
      select a.after from audit_log a join area_measurements m on a.entity_id = m.id::text where m.space_id = ${hall} and m.note = '翻新后复测'`;
    expect(byImport!.after).toMatchObject({ spaceId: hall, communityId: communityId.a, areaM2: '120.50', basis: 'building', measuredOn: '2026-03-15', method: 'on_site', measuredBy: '李工' });
  });

  it('writes nothing when one row names an unknown or ambiguous space, or another community', async () => {
    const before = await tableCounts();
    const csv = [
      MEASUREMENT_HEADER.join(','),
      `${code.a},测试中心,多功能厅,130,建筑面积,2026-04-01,现场测量,李工,,`,
      `${code.a},测试中心,会议室,40,建筑面积,2026-04-01,现场测量,李工,,`,
      `${code.a},测试中心,活动室,40,建筑面积,2026-04-01,现场测量,李工,,`,
      `${code.a},没有的中心,多功能厅,40,建筑面积,2026-04-01,现场测量,李工,,`,
      `${code.other},别人的中心,多功能厅,40,建筑面积,2026-04-01,现场测量,李工,,`,
      `${code.a},测试中心,多功能厅,-5,面积,2026-04-01,目测,,,`,
    ].join('\r\n');
    const outcome = await importMeasurements(staff.ctx, await parseRows('measurements', 'm.csv', bytes(csv)));

    expect(problemsOf(outcome)).toEqual([
      { row: 3, column: 'space_name', key: 'register.importProblems.space_unknown' },
      { row: 4, column: 'space_name', key: 'register.importProblems.space_ambiguous' },
      { row: 5, column: 'facility_name', key: 'register.importProblems.facility_unknown' },
      { row: 6, column: 'community_code', key: 'register.importProblems.community_not_managed' },
      { row: 7, column: 'area_m2', key: 'validation.area_invalid' },
      { row: 7, column: 'area_basis', key: 'validation.area_basis_invalid' },
      { row: 7, column: 'method', key: 'validation.method_invalid' },
      { row: 7, column: 'measured_by', key: 'validation.measured_by_invalid' },
    ]);
    expect(await tableCounts()).toEqual(before);
  });
});
