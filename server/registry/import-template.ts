import ExcelJS from 'exceljs';
import { ALLOWED_VALUES, headerOf, IMPORT_COLUMNS, type ImportKind } from './import-columns';
import { IMPORT_LIMITS } from './import-file';

// The downloadable templates: a Chinese header with the English key of each column, and one
// example row. The XLSX adds a sheet explaining each column; the import page says the same.

const NOTES: Record<string, string> = {
  community_code: '12 位统计代码，见“我的社区”页。12-digit statistical code, as on the My communities page.',
  community_name: '选填；填写时须与代码对应的名称一致，用于核对。Optional; if given it must match the code (a check against misaligned rows).',
  basis: '户籍或常住。registered or resident.',
  households: '0 到 1000000 的整数。Whole number, 0 to 1,000,000.',
  as_of: '年-月-日，如 2025-12-31。Date, YYYY-MM-DD.',
  source: '如“镇街统计年报”“公安户籍系统”。Where the figure comes from.',
  supplied_by: '选填：提供数据的人。Optional: who supplied it.',
  note: '选填。Optional.',
  facility_name: '与登记页上的设施名称完全一致。Exactly as the facility is named on the register page.',
  space_name: '与登记页上的场地名称完全一致；同一设施内场地名称须唯一。Exactly as the space is named on the register page; names must be unique within the facility.',
  area_m2: '大于 0，最多两位小数。Above 0, at most two decimals.',
  area_basis: '建筑面积、使用面积或用地面积（室外）。building, usable or land (outdoor).',
  measured_on: '年-月-日。Date, YYYY-MM-DD.',
  method: '现场测量、图纸量算、测绘报告或产权证书。on_site, floor_plan, survey_report or title_certificate.',
  measured_by: '测量人姓名。Who measured.',
  organisation: '选填：测量单位。Optional: their organisation.',
};

function exampleRow(kind: ImportKind, example: Record<string, string>) {
  return IMPORT_COLUMNS[kind].map((column) => example[column.key] ?? column.example);
}

function csvField(value: string) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** UTF-8 with a BOM, so that Excel on a Chinese Windows opens it without garbling. */
export function csvTemplate(kind: ImportKind, example: Record<string, string> = {}): string {
  const header = IMPORT_COLUMNS[kind].map(headerOf);
  return `\ufeff${[header, exampleRow(kind, example)].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function xlsxTemplate(kind: ImportKind, example: Record<string, string> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli';
  const columns = IMPORT_COLUMNS[kind];
  const data = workbook.addWorksheet(kind === 'measurements' ? '面积测量(measurements)' : '户数(household_counts)', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text cells: Excel would otherwise turn a 12-digit code into 4.419E+11 and dates into numbers.
  data.columns = columns.map((column) => ({ header: headerOf(column), key: column.key, width: Math.max(14, headerOf(column).length * 1.6), style: { numFmt: '@' } }));
  data.addRow(exampleRow(kind, example));
  data.getRow(1).font = { bold: true };

  const help = workbook.addWorksheet('说明(instructions)');
  help.columns = [
    { header: '列(column)', key: 'column', width: 30 },
    { header: '必填(required)', key: 'required', width: 16 },
    { header: '说明(description)', key: 'note', width: 80 },
    { header: '可填的值(allowed values)', key: 'values', width: 50 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    help.addRow({ column: headerOf(column), required: column.required ? '是(yes)' : '否(no)', note: NOTES[column.key] ?? '', values: (ALLOWED_VALUES[column.key] ?? []).join('；') });
  }
  help.addRow({});
  const rules = [
    '第一张工作表是数据：第 1 行为表头，第 2 行是示例，导入前请删除示例行。The first sheet holds the data: row 1 is the header, row 2 an example to delete.',
    `文件不超过 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB、${IMPORT_LIMITS.maxRows} 行。At most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB and ${IMPORT_LIMITS.maxRows} rows.`,
    '任何一行有误，整个文件都不会导入，并列出每个问题的行号和列。If any row is wrong, nothing is imported and every problem is listed by row and column.',
    '只能导入您负责的村（社区）的数据。Only communities you manage can be imported.',
    '历史记录不会被修改：每一行都是一条新记录。更正请导入新记录并在备注中说明。History is never edited: each row is a new record; correct with a new record and a note.',
  ];
  for (const rule of rules) help.addRow({ column: rule });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
