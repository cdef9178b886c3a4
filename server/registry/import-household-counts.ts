import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { householdCounts } from '@/db/schema';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { assertRegisterWriter, communityForWrite } from './access';
import { fileProblem, type ImportProblem, type ImportRow } from './import-file';
import {
  communitiesOfFile,
  dateValue,
  enumValue,
  exampleRowProblem,
  numberValue,
  rejected,
  rowCountProblem,
  schemaProblems,
  insertWithAudit,
  ISO_CREATED_AT,
  textValue,
  type ImportOptions,
  type ImportOutcome,
} from './import-rows';
import { recordHouseholdCountSchema, type RecordHouseholdCountInput } from './schemas';

const COLUMN_OF_FIELD: Record<string, string> = {
  basis: 'basis',
  households: 'households',
  asOf: 'as_of',
  source: 'source',
  suppliedBy: 'supplied_by',
  note: 'note',
};

/**
 * Adds household counts from a file, all or nothing. Every row is checked first — the same
 * schema as the form, a known community code, a community the actor manages, no repeats — and
 * if any row is wrong the file is refused with the list of problems and nothing is written.
 */
export async function importHouseholdCounts(ctx: RequestContext, rows: ImportRow[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  const tooMany = rowCountProblem(rows);
  if (tooMany) return tooMany;

  const { byCode, manageableIds } = await communitiesOfFile(actor, rows);
  const existing = new Set(
    manageableIds.length > 0
      ? (
          await db
            .select({ communityId: householdCounts.communityId, basis: householdCounts.basis, asOf: householdCounts.asOf, households: householdCounts.households })
            .from(householdCounts)
            .where(inArray(householdCounts.communityId, manageableIds))
        ).map((count) => `${count.communityId}|${count.basis}|${count.asOf}|${count.households}`)
      : [],
  );

  const problems: ImportProblem[] = [];
  const valid: { communityId: string; input: RecordHouseholdCountInput }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = [...exampleRowProblem(row)];
    const code = textValue(row.cells.community_code);
    const community = code ? byCode.get(code) : undefined;
    if (!code) rowProblems.push(fileProblem('community_code_required', undefined, row.row, 'community_code'));
    else if (!community) rowProblems.push(fileProblem('community_code_unknown', { code }, row.row, 'community_code'));
    else if (!canManageCommunity(actor, community.id)) rowProblems.push(fileProblem('community_not_managed', { name: community.name }, row.row, 'community_code'));
    else {
      const name = textValue(row.cells.community_name);
      if (name && name !== community.name) rowProblems.push(fileProblem('community_name_mismatch', { name: community.name }, row.row, 'community_name'));
    }
    const parsed = recordHouseholdCountSchema.safeParse({
      basis: enumValue('basis', row.cells.basis),
      households: numberValue(row.cells.households),
      asOf: dateValue(row.cells.as_of),
      source: textValue(row.cells.source),
      suppliedBy: textValue(row.cells.supplied_by),
      note: textValue(row.cells.note),
    });
    if (!parsed.success) rowProblems.push(...schemaProblems(row.row, parsed.error, COLUMN_OF_FIELD));
    if (rowProblems.length === 0 && parsed.success && community) {
      const key = `${community.id}|${parsed.data.basis}|${parsed.data.asOf}|${parsed.data.households}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) rowProblems.push(fileProblem('duplicate_row', { other: earlier }, row.row));
      else if (existing.has(key)) rowProblems.push(fileProblem('already_recorded', undefined, row.row));
      firstRowOf.set(key, earlier ?? row.row);
      if (rowProblems.length === 0) valid.push({ communityId: community.id, input: parsed.data });
    }
    problems.push(...rowProblems);
  }
  if (problems.length > 0) return rejected(problems, rows.length);

  await options.onProgress?.({ phase: 'importing', total: valid.length });
  const imported = await db.transaction(async (tx) => {
    // The single-row path's own check (insertHouseholdCount), inside the transaction.
    for (const communityId of new Set(valid.map((v) => v.communityId))) await communityForWrite(tx, actor, communityId);
    return insertWithAudit(tx, {
      table: 'household_counts',
      columns: 'community_id uuid, basis household_basis, households integer, as_of date, source text, supplied_by text, note text, recorded_by uuid',
      rows: valid.map(({ communityId, input }) => ({
        community_id: communityId,
        basis: input.basis,
        households: input.households,
        as_of: input.asOf,
        source: input.source,
        supplied_by: input.suppliedBy ?? null,
        note: input.note ?? null,
        recorded_by: actor.id,
      })),
      audit: { actorId: actor.id, action: 'household_count.record', entity: 'household_count', requestId: ctx.requestId },
      // The audit entry's "after" is the row as recordHouseholdCount's entry has it.
      after: `'id', id, 'communityId', community_id, 'basis', basis, 'households', households, 'asOf', as_of, 'source', source,
        'suppliedBy', supplied_by, 'note', note, 'recordedBy', recorded_by, 'createdAt', ${ISO_CREATED_AT}`,
    });
  });
  return { ok: true, imported };
}
