import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportKind } from './import-columns';

// Reading an uploaded CSV or XLSX into rows of text cells keyed by column. Nothing here judges
// the values; import-household-counts.ts and import-measurements.ts do, with the zod schemas.

export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5_000,
  /** Longest list of problems sent back; the total is always reported. */
  maxProblems: 200,
} as const;

/** A data row as people see it in Excel: `row` counts the header as row 1. */
export interface ImportRow {
  row: number;
  cells: Record<string, string>;
}

/**
 * One thing wrong with a file. `key` is a translation key (validation.* for the schemas'
 * messages, register.importProblems.* for the import's own); `column` is a column key, or the
 * header as written when it is not one of ours.
 */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  key: string;
  values?: Record<string, string | number>;
}

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] };

const problemKey = (code: string) => `register.importProblems.${code}`;

export function fileProblem(code: string, values?: ImportProblem['values'], row: number | null = null, column: string | null = null): ImportProblem {
  return { row, column, key: problemKey(code), ...(values ? { values } : {}) };
}

export async function parseImportFile(kind: ImportKind, fileName: string, bytes: Uint8Array): Promise<ParsedImport> {
  if (bytes.byteLength === 0) return { ok: false, problems: [fileProblem('file_empty')] };
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) {
    return { ok: false, problems: [fileProblem('file_too_large', { maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024 })] };
  }
  const format = formatOf(fileName, bytes);
  if (format === 'xls') return { ok: false, problems: [fileProblem('file_xls')] };
  if (format === null) return { ok: false, problems: [fileProblem('file_format')] };
  let table: string[][] | ImportProblem;
  if (format === 'xlsx') {
    table = await readXlsx(bytes);
  } else {
    const parsed = parseCsv(decodeText(bytes));
    table = parsed.ok ? parsed.rows : fileProblem('csv_unterminated_quote', undefined, parsed.row);
  }
  if (!Array.isArray(table)) return { ok: false, problems: [table] };
  // A CSV row longer than its header is always wrong; an XLSX row may carry formatted empty cells.
  return rowsFromTable(kind, table, format === 'csv');
}

function formatOf(fileName: string, bytes: Uint8Array): 'csv' | 'xlsx' | 'xls' | null {
  const name = fileName.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || name.endsWith('.xls')) return 'xls';
  if (zip) return name.endsWith('.xlsx') || !name.includes('.') ? 'xlsx' : null;
  if (name.endsWith('.xlsx')) return null;
  if (name.endsWith('.csv') || name.endsWith('.txt') || !name.includes('.')) return 'csv';
  return null;
}

/**
 * UTF-8 (the BOM, which Excel writes for "CSV UTF-8", is dropped), else GB18030: Excel on a
 * Chinese Windows saves plain "CSV" in the GBK family.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF,
 * LF or CR line ends, a leading BOM. Returns the records, or the record where a quote never closes.
 */
export function parseCsv(text: string): { ok: true; rows: string[][] } | { ok: false; row: number } {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let quoted = false;
  let quoteStartRecord = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (input[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      quoteStartRecord = rows.length + 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      rows.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      if (c === '\r' && input[i + 1] === '\n') i++;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted) return { ok: false, row: quoteStartRecord };
  if (!atFieldStart || record.length > 0) {
    record.push(field);
    rows.push(record);
  }
  return { ok: true, rows };
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | ImportProblem> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fileProblem('file_unreadable');
  }
  // The data is on the first sheet; the templates keep their instructions on the second.
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileProblem('file_empty');
  if (sheet.actualRowCount > IMPORT_LIMITS.maxRows + 1) return fileProblem('too_many_rows', { max: IMPORT_LIMITS.maxRows });
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    table[rowNumber - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Excel stores a typed date as a day count; exceljs reads it as midnight UTC of that day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Maps header cells to column keys: `标签(key)`, the bare key, or the bare Chinese label. */
function columnKeyOf(kind: ImportKind, header: string): string | null {
  const text = header.trim();
  const bracketed = /[(（]\s*([A-Za-z0-9_]+)\s*[)）]\s*$/.exec(text)?.[1]?.toLowerCase();
  const columns = IMPORT_COLUMNS[kind];
  const found = columns.find((column) => column.key === bracketed || column.key === text.toLowerCase() || column.label === text);
  return found?.key ?? null;
}

function rowsFromTable(kind: ImportKind, table: string[][], strictWidth: boolean): ParsedImport {
  const headerIndex = table.findIndex((cells) => cells.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) return { ok: false, problems: [fileProblem('file_empty')] };
  const headerRow = headerIndex + 1;
  const header = table[headerIndex]!;
  const data = table.slice(headerIndex + 1);
  const problems: ImportProblem[] = [];
  const keys: (string | null)[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') {
      keys.push(null);
      if (data.some((cells) => (cells[index] ?? '').trim() !== '')) problems.push(fileProblem('column_unnamed', { column: columnLetter(index) }, headerRow));
      return;
    }
    const key = columnKeyOf(kind, text);
    if (!key) problems.push(fileProblem('column_unknown', undefined, headerRow, text));
    else if (seen.has(key)) problems.push(fileProblem('column_duplicate', undefined, headerRow, key));
    if (key) seen.add(key);
    keys.push(key);
  });
  for (const column of IMPORT_COLUMNS[kind]) {
    if (column.required && !seen.has(column.key)) problems.push(fileProblem('column_missing', undefined, headerRow, column.key));
  }
  if (problems.length > 0) return { ok: false, problems };

  const rows: ImportRow[] = [];
  data.forEach((cells, index) => {
    const row = headerRow + index + 1;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length > header.length && (strictWidth || cells.slice(header.length).some((cell) => cell.trim() !== ''))) {
      // Usually an unquoted comma inside a value (1,200 households) that shifted the columns.
      problems.push(fileProblem('too_many_cells', { expected: header.length, found: cells.length }, row));
      return;
    }
    const record: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (key) record[key] = (cells[i] ?? '').trim();
    });
    rows.push({ row, cells: record });
  });
  if (rows.length + problems.length === 0) return { ok: false, problems: [fileProblem('no_rows')] };
  if (rows.length + problems.length > IMPORT_LIMITS.maxRows) return { ok: false, problems: [fileProblem('too_many_rows', { max: IMPORT_LIMITS.maxRows })] };
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows };
}

/** A, B, … Z, AA: how a spreadsheet names the column at a 0-based index. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
