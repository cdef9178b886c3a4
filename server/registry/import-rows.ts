import type { z } from 'zod';
import { inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { communities } from '@/db/schema';
import type { Actor } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { EXAMPLE_MARKER, VALUE_ALIASES } from './import-columns';
import { fileProblem, IMPORT_LIMITS, type ImportProblem, type ImportRow } from './import-file';

// What both imports share: turning cells into schema input, schema issues into problems, and
// the outcome a caller shows.

export type ImportOutcome =
  | { ok: true; imported: number }
  | {
      ok: false;
      /** At most IMPORT_LIMITS.maxProblems, in file order. */
      problems: ImportProblem[];
      problemCount: number;
      rowCount: number;
    };

export interface ImportOptions {
  /** Told when validation has passed and the insert starts (for the uploader's status line). */
  onProgress?: (event: { phase: 'importing'; total: number }) => void | Promise<void>;
}

export function rejected(problems: ImportProblem[], rowCount: number): ImportOutcome {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: false, problems: sorted.slice(0, IMPORT_LIMITS.maxProblems), problemCount: problems.length, rowCount };
}

/** Refuses an empty or oversized list of rows (callers other than the uploader included). */
export function rowCountProblem(rows: ImportRow[]): ImportOutcome | null {
  if (rows.length === 0) return rejected([fileProblem('no_rows')], 0);
  if (rows.length > IMPORT_LIMITS.maxRows) return rejected([fileProblem('too_many_rows', { max: IMPORT_LIMITS.maxRows })], rows.length);
  return null;
}

const FULL_WIDTH = /[０-９．，－／]/g;
const toHalfWidth = (value: string) => value.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** An empty cell is a missing value, never 0 or "". */
export function textValue(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** 1,200 / 1 200 / １２００ → "1200"; the schema judges what is left. */
export function numberValue(value: string | undefined): string | undefined {
  const text = textValue(value);
  return text === undefined ? undefined : toHalfWidth(text).replace(/[,\s]/g, '');
}

/** 2025/12/31, 2025.1.5 and 2025年1月5日 → ISO 2025-01-05; anything else is passed on for the schema to refuse. */
export function dateValue(value: string | undefined): string | undefined {
  const text = textValue(value);
  if (text === undefined) return undefined;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(text));
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text;
}

export function enumValue(column: string, value: string | undefined): string | undefined {
  const text = textValue(value);
  if (text === undefined) return undefined;
  const aliases = VALUE_ALIASES[column] ?? {};
  return aliases[text] ?? aliases[text.toLowerCase()] ?? text;
}

/** Schema issues as problems of this row, one per column, under the field's column key. */
export function schemaProblems(row: number, error: z.ZodError, columnOf: Record<string, string>): ImportProblem[] {
  const byColumn = new Map<string, ImportProblem>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const column = columnOf[field] ?? field;
    if (byColumn.has(column)) continue;
    byColumn.set(column, { row, column, key: `validation.${/^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid'}` });
  }
  return [...byColumn.values()];
}

export function exampleRowProblem(row: ImportRow): ImportProblem[] {
  return row.cells.note === EXAMPLE_MARKER ? [fileProblem('example_row', undefined, row.row, 'note')] : [];
}

export function chunks<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** created_at as JSON.stringify writes a Date (what write-audit.ts stores for a drizzle row). */
/**
 * The communities a file names by code (column community_code), by code, and the ids of those
 * the actor manages: the first check of every import.
 */
export async function communitiesOfFile(actor: Actor, rows: ImportRow[]) {
  const codes = [...new Set(rows.map((row) => row.cells.community_code ?? '').filter(Boolean))];
  const known = codes.length > 0 ? await db.select({ id: communities.id, code: communities.code, name: communities.name }).from(communities).where(inArray(communities.code, codes)) : [];
  return {
    byCode: new Map(known.map((community) => [community.code, community])),
    manageableIds: known.filter((community) => canManageCommunity(actor, community.id)).map((community) => community.id),
  };
}

export const ISO_CREATED_AT = `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Inserts the rows and one audit entry per inserted row in a single statement: the rows travel
 * as one JSON parameter (a multi-row VALUES of 5,000 rows costs seconds to build and plan). The
 * table, column list and audit projection are constants of the calling module, never input.
 */
export async function insertWithAudit(
  tx: Executor,
  spec: {
    table: 'household_counts' | 'area_measurements';
    /** The jsonb_to_recordset column definitions, in insert order. */
    columns: string;
    rows: Record<string, string | number | null>[];
    audit: { actorId: string; action: string; entity: string; requestId: string };
    /** jsonb_build_object arguments describing the inserted row. */
    after: string;
  },
): Promise<number> {
  const names = spec.columns.split(',').map((definition) => definition.trim().split(' ')[0]!).join(', ');
  let inserted = 0;
  for (const chunk of chunks(spec.rows, 2500)) {
    const result = await tx.execute(sql`
      with inserted as (
        insert into ${sql.raw(spec.table)} (${sql.raw(names)})
        select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(${sql.raw(spec.columns)})
        returning *
      )
      insert into audit_log (actor_id, action, entity, entity_id, after, request_id)
      select ${spec.audit.actorId}::uuid, ${spec.audit.action}, ${spec.audit.entity}, id::text, jsonb_build_object(${sql.raw(spec.after)}), ${spec.audit.requestId}
      from inserted
      returning id`);
    inserted += result.length;
  }
  return inserted;
}
