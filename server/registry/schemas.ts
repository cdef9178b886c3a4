import { z } from 'zod';
import { communityKindEnum, householdBasisEnum, townKindEnum } from '@/db/schema/enums';
import { areaBasisEnum, facilityKindEnum, measurementMethodEnum, spaceSettingEnum, useClassEnum } from '@/db/schema/register';
import { isoDateSchema, searchTextSchema, whenFieldsValid } from '@/server/common-schemas';

export const townCodeSchema = z.string().regex(/^[0-9]{9}$/, 'town_code_invalid');

export const communityListQuerySchema = z.object({
  town: townCodeSchema.optional(),
  q: searchTextSchema(50),
  page: z.coerce.number('page_invalid').int('page_invalid').min(1, 'page_invalid').max(10_000, 'page_invalid').default(1),
  pageSize: z.coerce.number('page_size_invalid').int('page_size_invalid').min(1, 'page_size_invalid').max(200, 'page_size_invalid').default(50),
});
export type CommunityListQuery = z.infer<typeof communityListQuerySchema>;

export const townSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(townKindEnum.enumValues),
    communityCount: z.number().int(),
  })
  .meta({ id: 'Town' });

export const communitySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(communityKindEnum.enumValues),
    townCode: z.string(),
    townNameZh: z.string(),
    townNameEn: z.string(),
  })
  .meta({ id: 'Community' });

export const communityPageSchema = z
  .object({ items: z.array(communitySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'CommunityPage' });


const text = (max: number, key: string) => z.string(key).trim().min(1, key).max(max, key);
const optionalText = (max: number, key: string) =>
  z
    .string(key)
    .trim()
    .max(max, key)
    .transform((value) => value || undefined)
    .optional();
const uuid = z.uuid('id_invalid');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_invalid');

const dayHours = z
  .object({ opens: hhmm, closes: hhmm })
  .refine((hours) => hours.closes > hours.opens, 'closes_before_opens')
  .nullable();

export const weeklyHoursSchema = z
  .object({ 1: dayHours, 2: dayHours, 3: dayHours, 4: dayHours, 5: dayHours, 6: dayHours, 7: dayHours })
  .meta({ id: 'WeeklyHours', description: 'Per weekday (1 = Monday … 7 = Sunday), local Asia/Shanghai times; null = closed' });

export const createCommunitySchema = z
  .object({
    townCode: townCodeSchema,
    name: text(40, 'community_name_invalid'),
    kind: z.enum(communityKindEnum.enumValues, 'community_kind_invalid'),
    code: z.string('community_code_invalid').regex(/^[0-9]{12}$/, 'community_code_invalid'),
  })
  .refine((input) => input.code.startsWith(input.townCode), { path: ['code'], message: 'community_code_not_under_town', ...whenFieldsValid })
  .meta({ id: 'CreateCommunityRequest' });
export type CreateCommunityInput = z.infer<typeof createCommunitySchema>;

export const createFacilitySchema = z
  .object({
    communityId: uuid,
    name: text(60, 'facility_name_invalid'),
    kind: z.enum(facilityKindEnum.enumValues, 'facility_kind_invalid'),
    address: optionalText(120, 'address_invalid'),
    openingHours: weeklyHoursSchema.optional(),
    openedOn: isoDateSchema.optional(),
  })
  .meta({ id: 'CreateFacilityRequest' });
export type CreateFacilityInput = z.infer<typeof createFacilitySchema>;

/**
 * A facility described anew: renamed, upgraded (a station becoming a comprehensive centre),
 * moved, or closed ({ closedOn }: it stops counting from that day; null reopens it). Opening
 * hours are the booking rules' (PUT with the rules), not this patch's.
 */
export const updateFacilitySchema = z
  .object({
    name: text(60, 'facility_name_invalid'),
    kind: z.enum(facilityKindEnum.enumValues, 'facility_kind_invalid'),
    address: z.string('address_invalid').trim().max(120, 'address_invalid'),
    openedOn: isoDateSchema.nullable(),
    closedOn: isoDateSchema.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch_empty')
  .refine((patch) => !patch.openedOn || !patch.closedOn || patch.closedOn > patch.openedOn, { path: ['closedOn'], message: 'closed_before_opened', ...whenFieldsValid })
  .meta({ id: 'UpdateFacilityRequest' });
export type UpdateFacilityInput = z.infer<typeof updateFacilitySchema>;

const spaceFields = {
  name: text(60, 'space_name_invalid'),
  setting: z.enum(spaceSettingEnum.enumValues, 'setting_invalid'),
  useClass: z.enum(useClassEnum.enumValues, 'use_class_invalid'),
  floor: z.number('floor_invalid').int('floor_invalid').min(-5, 'floor_invalid').max(100, 'floor_invalid').nullable().optional(),
  aboveGround: z.boolean('boolean_invalid').optional(),
  bookable: z.boolean('boolean_invalid'),
  capacity: z.number('capacity_invalid').int('capacity_invalid').min(1, 'capacity_invalid').max(10_000, 'capacity_invalid').nullable().optional(),
  accessibilityNotes: optionalText(500, 'notes_invalid'),
};

export const createSpaceSchema = z
  .object(spaceFields)
  .refine((space) => !space.bookable || space.capacity, { path: ['capacity'], message: 'bookable_needs_capacity', ...whenFieldsValid })
  .meta({ id: 'CreateSpaceRequest' });
export type CreateSpaceInput = z.infer<typeof createSpaceSchema>;

/** Optional text in a patch: absent leaves it, "" or null clears it (an optionalText would drop ""). */
const clearableText = (max: number, key: string) =>
  z
    .string(key)
    .trim()
    .max(max, key)
    .nullable()
    .transform((value) => value || null);

export const updateSpaceSchema = z
  .object({
    ...spaceFields,
    bookable: spaceFields.bookable.optional(),
    accessibilityNotes: clearableText(500, 'notes_invalid'),
    retiredOn: isoDateSchema.nullable().optional(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'patch_empty')
  .meta({ id: 'UpdateSpaceRequest' });
export type UpdateSpaceInput = z.infer<typeof updateSpaceSchema>;

/** m² with at most two decimals, > 0, as a JSON number or a numeric string (CSV import). */
export const areaM2Schema = z
  .union([z.number('area_invalid'), z.string('area_invalid').trim()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,8}(\.\d{1,2})?$/.test(value) && Number(value) > 0, 'area_invalid');

export const recordMeasurementSchema = z
  .object({
    areaM2: areaM2Schema,
    basis: z.enum(areaBasisEnum.enumValues, 'area_basis_invalid'),
    measuredOn: isoDateSchema,
    method: z.enum(measurementMethodEnum.enumValues, 'method_invalid'),
    measuredBy: text(60, 'measured_by_invalid'),
    organisation: optionalText(120, 'organisation_invalid'),
    note: optionalText(500, 'note_invalid'),
  })
  .meta({ id: 'RecordMeasurementRequest' });
export type RecordMeasurementInput = z.infer<typeof recordMeasurementSchema>;

export const recordHouseholdCountSchema = z
  .object({
    basis: z.enum(householdBasisEnum.enumValues, 'household_basis_invalid'),
    households: z.coerce.number('households_invalid').int('households_invalid').min(0, 'households_invalid').max(1_000_000, 'households_invalid'),
    asOf: isoDateSchema,
    source: text(120, 'source_invalid'),
    suppliedBy: optionalText(60, 'supplied_by_invalid'),
    note: optionalText(500, 'note_invalid'),
  })
  .meta({ id: 'RecordHouseholdCountRequest' });
export type RecordHouseholdCountInput = z.infer<typeof recordHouseholdCountSchema>;

export const declareShareSchema = z
  .object({
    communityId: uuid,
    percent: z
      .union([z.number('percent_invalid'), z.string('percent_invalid')])
      .transform((value) => String(value))
      .refine((value) => /^\d{1,3}(\.\d{1,2})?$/.test(value) && Number(value) > 0 && Number(value) <= 100, 'percent_invalid'),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable().optional(),
    basisNote: optionalText(500, 'note_invalid'),
  })
  .refine((share) => !share.validTo || share.validTo >= share.validFrom, { path: ['validTo'], message: 'valid_to_before_from', ...whenFieldsValid })
  .meta({ id: 'DeclareShareRequest' });
export type DeclareShareInput = z.infer<typeof declareShareSchema>;
