import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { areaMeasurements, facilities, spaces } from '@/db/schema';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { assertRegisterWriter } from './access';
import { fileProblem, type ImportProblem, type ImportRow } from './import-file';
import {
  chunks,
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
import { recordMeasurementSchema, type RecordMeasurementInput } from './schemas';

const COLUMN_OF_FIELD: Record<string, string> = {
  areaM2: 'area_m2',
  basis: 'area_basis',
  measuredOn: 'measured_on',
  method: 'method',
  measuredBy: 'measured_by',
  organisation: 'organisation',
  note: 'note',
};

/** Picks the one record with this name; when several share it, the one still in use. */
function unique<T>(candidates: T[], inUse: (item: T) => boolean): T | 'ambiguous' | undefined {
  if (candidates.length <= 1) return candidates[0];
  const current = candidates.filter(inUse);
  return current.length === 1 ? current[0] : 'ambiguous';
}

/**
 * Adds area measurements from a file, all or nothing. A row names its space as staff see it on
 * the register page — community code, facility name, space name — since nobody in an office
 * knows a space's id. Every row is checked first; if any is wrong, nothing is written.
 */
export async function importMeasurements(ctx: RequestContext, rows: ImportRow[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  const tooMany = rowCountProblem(rows);
  if (tooMany) return tooMany;

  const { byCode, manageableIds } = await communitiesOfFile(actor, rows);
  const facilityRows =
    manageableIds.length > 0
      ? await db.select({ id: facilities.id, communityId: facilities.communityId, name: facilities.name, closedOn: facilities.closedOn }).from(facilities).where(inArray(facilities.communityId, manageableIds))
      : [];
  const spaceRows =
    facilityRows.length > 0
      ? await db.select({ id: spaces.id, facilityId: spaces.facilityId, name: spaces.name, retiredOn: spaces.retiredOn }).from(spaces).where(inArray(spaces.facilityId, facilityRows.map((f) => f.id)))
      : [];
  const existing = new Set(
    spaceRows.length > 0
      ? (
          await db
            .select({ spaceId: areaMeasurements.spaceId, basis: areaMeasurements.basis, measuredOn: areaMeasurements.measuredOn, areaM2: areaMeasurements.areaM2 })
            .from(areaMeasurements)
            .where(inArray(areaMeasurements.spaceId, spaceRows.map((s) => s.id)))
        ).map((m) => `${m.spaceId}|${m.basis}|${m.measuredOn}|${Number(m.areaM2).toFixed(2)}`)
      : [],
  );

  function resolveSpace(row: ImportRow, rowProblems: ImportProblem[]): string | undefined {
    const code = textValue(row.cells.community_code);
    const facilityName = textValue(row.cells.facility_name);
    const spaceName = textValue(row.cells.space_name);
    const community = code ? byCode.get(code) : undefined;
    if (!code) return void rowProblems.push(fileProblem('community_code_required', undefined, row.row, 'community_code'));
    if (!community) return void rowProblems.push(fileProblem('community_code_unknown', { code }, row.row, 'community_code'));
    if (!canManageCommunity(actor, community.id)) return void rowProblems.push(fileProblem('community_not_managed', { name: community.name }, row.row, 'community_code'));
    if (!facilityName) return void rowProblems.push(fileProblem('facility_name_required', undefined, row.row, 'facility_name'));
    const facility = unique(
      facilityRows.filter((f) => f.communityId === community.id && f.name === facilityName),
      (f) => f.closedOn === null,
    );
    if (!facility) return void rowProblems.push(fileProblem('facility_unknown', { community: community.name, facility: facilityName }, row.row, 'facility_name'));
    if (facility === 'ambiguous') return void rowProblems.push(fileProblem('facility_ambiguous', { facility: facilityName }, row.row, 'facility_name'));
    if (!spaceName) return void rowProblems.push(fileProblem('space_name_required', undefined, row.row, 'space_name'));
    const space = unique(
      spaceRows.filter((s) => s.facilityId === facility.id && s.name === spaceName),
      (s) => s.retiredOn === null,
    );
    if (!space) return void rowProblems.push(fileProblem('space_unknown', { facility: facilityName, space: spaceName }, row.row, 'space_name'));
    if (space === 'ambiguous') return void rowProblems.push(fileProblem('space_ambiguous', { space: spaceName }, row.row, 'space_name'));
    return space.id;
  }

  const problems: ImportProblem[] = [];
  const valid: { spaceId: string; input: RecordMeasurementInput }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = [...exampleRowProblem(row)];
    const spaceId = resolveSpace(row, rowProblems);
    const parsed = recordMeasurementSchema.safeParse({
      areaM2: numberValue(row.cells.area_m2),
      basis: enumValue('area_basis', row.cells.area_basis),
      measuredOn: dateValue(row.cells.measured_on),
      method: enumValue('method', row.cells.method),
      measuredBy: textValue(row.cells.measured_by),
      organisation: textValue(row.cells.organisation),
      note: textValue(row.cells.note),
    });
    if (!parsed.success) rowProblems.push(...schemaProblems(row.row, parsed.error, COLUMN_OF_FIELD));
    if (rowProblems.length === 0 && parsed.success && spaceId) {
      const key = `${spaceId}|${parsed.data.basis}|${parsed.data.measuredOn}|${Number(parsed.data.areaM2).toFixed(2)}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) rowProblems.push(fileProblem('duplicate_row', { other: earlier }, row.row));
      else if (existing.has(key)) rowProblems.push(fileProblem('already_recorded', undefined, row.row));
      firstRowOf.set(key, earlier ?? row.row);
      if (rowProblems.length === 0) valid.push({ spaceId, input: parsed.data });
    }
    problems.push(...rowProblems);
  }
  if (problems.length > 0) return rejected(problems, rows.length);

  await options.onProgress?.({ phase: 'importing', total: valid.length });
  const imported = await db.transaction(async (tx) => {
    // As recordMeasurement's spaceForWrite: lock the spaces and check again inside the transaction.
    const spaceIds = [...new Set(valid.map((v) => v.spaceId))];
    const locked = new Map<string, string>();
    for (const chunk of chunks(spaceIds)) {
      const found = await tx.select({ id: spaces.id, communityId: spaces.communityId }).from(spaces).where(inArray(spaces.id, chunk)).for('update');
      for (const space of found) locked.set(space.id, space.communityId);
    }
    for (const id of spaceIds) {
      const communityId = locked.get(id);
      if (!communityId || !canManageCommunity(actor, communityId)) throw new AppError('not_found', 'Space not found');
    }
    return insertWithAudit(tx, {
      table: 'area_measurements',
      columns: 'community_id uuid, space_id uuid, area_m2 numeric, basis area_basis, measured_on date, method measurement_method, measured_by text, organisation text, note text, recorded_by uuid',
      rows: valid.map(({ spaceId, input }) => ({
        community_id: locked.get(spaceId)!,
        space_id: spaceId,
        area_m2: input.areaM2,
        basis: input.basis,
        measured_on: input.measuredOn,
        method: input.method,
        measured_by: input.measuredBy,
        organisation: input.organisation ?? null,
        note: input.note ?? null,
        recorded_by: actor.id,
      })),
      audit: { actorId: actor.id, action: 'measurement.record', entity: 'area_measurement', requestId: ctx.requestId },
      // The audit entry's "after" is the row as recordMeasurement's entry has it (area as text, like numeric).
      after: `'id', id, 'communityId', community_id, 'spaceId', space_id, 'areaM2', area_m2::text, 'basis', basis, 'measuredOn', measured_on,
        'method', method, 'measuredBy', measured_by, 'organisation', organisation, 'note', note, 'recordedBy', recorded_by, 'createdAt', ${ISO_CREATED_AT}`,
    });
  });
  return { ok: true, imported };
}
