import 'server-only';
import { localName } from '@/components/compliance/format';
import type { ComplianceT } from '@/components/compliance/labels';
import { EXPORT_COLUMNS, rowFigures, townRowFigures } from '@/components/compliance/row-figures';
import { communityRules } from '@/server/compliance/report-views';
import type { ReportView } from './report-view';
import { csvText } from '@/server/csv';

/** A cell of an exported table: text, or a figure already truncated to 2 decimals ('19.99'). */
export type ExportCell = { kind: 'text'; value: string } | { kind: 'decimal'; value: string } | { kind: 'integer'; value: number | null };

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
  /** Lines that describe the export (rule set, date, basis, verification, notes). */
  about: [string, string][];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

const text = (value: string): ExportCell => ({ kind: 'text', value });
const decimal = (value: string): ExportCell => ({ kind: 'decimal', value });
const integer = (value: number | null): ExportCell => ({ kind: 'integer', value });

/**
 * The table a screen shows, as cells: "overview" is the worst-gaps list (the rows on screen:
 * first 50 or all), "town" is a town's communities with every rule. Same rows, same order and
 * the same truncated figures as the page, because both come from loadReportView and rowFigures.
 */
export function exportTable(view: ReportView, kind: 'overview' | 'town', { t, tc, tCommon, tKinds, locale }: { t: Translate; tc: ComplianceT; tCommon: Translate; tKinds: Translate; locale: string }): ExportTable {
  const { ruleSet, rule, params } = view;
  const about: [string, string][] = [
    [t('columns.ruleSet'), `${ruleSet.code} v${ruleSet.version} · ${localName(ruleSet, locale)}`],
    [t('verificationLabel'), tc(`verification.${ruleSet.verification}`)],
    [t('sourceLabel'), ruleSet.source],
    [t('notesLabel'), localName({ nameZh: ruleSet.notesZh, nameEn: ruleSet.notesEn }, locale)],
    [t('asOfLabel'), params.asOf],
    [t('basisLabel'), tc(`basisOf.${params.basis}`)],
    [t('filterTown'), params.town ?? t('wholeCity')],
    [t('filterStatus'), params.status ? tc(`status.${params.status}`) : t('allStatuses')],
    [t('staleLabel'), t('staleRule', { months: view.report.staleAfterMonths })],
  ];
  if (!rule) return { headers: [], rows: [], about };

  if (kind === 'overview') {
    const unit = tc(`units.${rule.unit}`);
    const headers = EXPORT_COLUMNS.map((column) => t(`columns.${column}`, { unit }));
    const rows = view.shown.map((item) => {
      const f = rowFigures(item, { tc, locale, rule, ruleSet });
      return EXPORT_COLUMNS.map((column) =>
        column === 'households' ? integer(f.households) : column === 'value' || column === 'threshold' || column === 'gap' ? decimal(f[column]) : text(f[column]),
      );
    });
    return { headers, rows, about: [[t('filterRule'), `${rule.code} ${localName(rule, locale)}`], ...about] };
  }

  const rules = communityRules(ruleSet);
  const headers = [
    t('columns.code'),
    t('columns.community'),
    t('columns.kind'),
    t('columns.households'),
    t('columns.householdBasis'),
    t('columns.householdsAsOf'),
    ...rules.flatMap((r) => {
      const name = `${r.code}`;
      const unit = tc(`units.${r.unit}`);
      return [
        t('columns.ruleStatus', { rule: name }),
        t('columns.ruleStale', { rule: name }),
        t('columns.ruleValue', { rule: name, unit }),
        t('columns.ruleThreshold', { rule: name, unit }),
        t('columns.ruleGap', { rule: name }),
        t('columns.ruleReason', { rule: name }),
      ];
    }),
    t('columns.centre'),
  ];
  const rows = view.rows.map(({ row }) => {
    const f = townRowFigures(row, rules, { tc, locale, basis: params.basis, yes: tCommon('yes'), no: tCommon('no'), kind: tKinds(row.kind) });
    return [
      text(f.code),
      text(f.community),
      text(f.kind),
      integer(f.households),
      text(f.householdBasis),
      text(f.householdsAsOf),
      ...f.results.flatMap((r) => [text(r.status), text(r.stale), decimal(r.value), decimal(r.threshold), decimal(r.gap), text(r.reason)]),
      text(f.centre),
    ];
  });
  return { headers, rows, about: [[t('filterRule'), `${rule.code} ${localName(rule, locale)}`], ...about] };
}

export function toCsv(table: ExportTable): string {
  const cellText = (cell: ExportCell) => (cell.kind === 'integer' ? (cell.value === null ? '' : String(cell.value)) : cell.value);
  return csvText([table.headers, ...table.rows.map((row) => row.map(cellText))]);
}

export async function toXlsx(table: ExportTable, sheetNames: { data: string; about: string }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli';
  const sheet = workbook.addWorksheet(sheetNames.data, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => {
        if (cell.kind === 'integer') return cell.value;
        if (cell.kind === 'decimal') return cell.value === '' ? null : Number(cell.value);
        return cell.value;
      }),
    );
    row.forEach((cell, i) => {
      // The stored number is the truncated figure itself; the format only keeps its two places.
      if (cell.kind === 'decimal') added.getCell(i + 1).numFmt = '0.00';
    });
  }
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(table.headers[i]?.length ?? 8, ...table.rows.slice(0, 200).map((row) => (row[i]?.kind === 'text' ? row[i]!.value.length : 8)));
    column.width = Math.min(40, Math.max(8, longest * 1.6));
  });
  const about = workbook.addWorksheet(sheetNames.about);
  for (const [label, value] of table.about) about.addRow([label, value]);
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
