import { z } from 'zod';
import type { areaMeasurements, communities, facilities, facilityShares, householdCounts, spaces } from '@/db/schema';

// What the register's API returns for each record: numbers as JSON numbers, times as ISO strings.

const iso = (date: Date) => date.toISOString();

export const facilityViewSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    name: z.string(),
    kind: z.enum(['comprehensive_centre', 'service_station', 'other']),
    address: z.string(),
    openingHours: z.record(z.string(), z.object({ opens: z.string(), closes: z.string() }).nullable()),
    openedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Facility' });

export function toFacilityView(row: typeof facilities.$inferSelect): z.infer<typeof facilityViewSchema> {
  return { id: row.id, communityId: row.communityId, name: row.name, kind: row.kind, address: row.address, openingHours: row.openingHours, openedOn: row.openedOn, closedOn: row.closedOn, createdAt: iso(row.createdAt) };
}

export const spaceViewSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    facilityId: z.uuid(),
    name: z.string(),
    setting: z.enum(['indoor', 'outdoor']),
    useClass: z.enum(['office', 'resident_activity', 'shared_auxiliary', 'commercial_leased', 'lent_by_other']),
    floor: z.number().int().nullable(),
    aboveGround: z.boolean(),
    bookable: z.boolean(),
    capacity: z.number().int().nullable(),
    accessibilityNotes: z.string().nullable(),
    retiredOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Space' });

export function toSpaceView(row: typeof spaces.$inferSelect): z.infer<typeof spaceViewSchema> {
  return {
    id: row.id,
    communityId: row.communityId,
    facilityId: row.facilityId,
    name: row.name,
    setting: row.setting,
    useClass: row.useClass,
    floor: row.floor,
    aboveGround: row.aboveGround,
    bookable: row.bookable,
    capacity: row.capacity,
    accessibilityNotes: row.accessibilityNotes,
    retiredOn: row.retiredOn,
    createdAt: iso(row.createdAt),
  };
}

export const measurementViewSchema = z
  .object({
    id: z.uuid(),
    spaceId: z.uuid(),
    communityId: z.uuid(),
    areaM2: z.number(),
    basis: z.enum(['building', 'usable', 'land']),
    measuredOn: z.string(),
    method: z.enum(['on_site', 'floor_plan', 'survey_report', 'title_certificate']),
    measuredBy: z.string(),
    organisation: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AreaMeasurement' });

export function toMeasurementView(row: typeof areaMeasurements.$inferSelect): z.infer<typeof measurementViewSchema> {
  return {
    id: row.id,
    spaceId: row.spaceId,
    communityId: row.communityId,
    areaM2: Number(row.areaM2),
    basis: row.basis,
    measuredOn: row.measuredOn,
    method: row.method,
    measuredBy: row.measuredBy,
    organisation: row.organisation,
    note: row.note,
    createdAt: iso(row.createdAt),
  };
}

export const householdCountViewSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    basis: z.enum(['registered', 'resident']),
    households: z.number().int(),
    asOf: z.string(),
    source: z.string(),
    suppliedBy: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'HouseholdCount' });

export function toHouseholdCountView(row: typeof householdCounts.$inferSelect): z.infer<typeof householdCountViewSchema> {
  return { id: row.id, communityId: row.communityId, basis: row.basis, households: row.households, asOf: row.asOf, source: row.source, suppliedBy: row.suppliedBy, note: row.note, createdAt: iso(row.createdAt) };
}

export const shareViewSchema = z
  .object({
    id: z.uuid(),
    facilityId: z.uuid(),
    communityId: z.uuid(),
    percent: z.number(),
    basisNote: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'FacilityShare' });

export function toShareView(row: typeof facilityShares.$inferSelect): z.infer<typeof shareViewSchema> {
  return { id: row.id, facilityId: row.facilityId, communityId: row.communityId, percent: Number(row.percent), basisNote: row.basisNote, validFrom: row.validFrom, validTo: row.validTo, createdAt: iso(row.createdAt) };
}

export const createdCommunitySchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.enum(['village', 'community']), townCode: z.string(), createdAt: z.string() })
  .meta({ id: 'CreatedCommunity' });

export function toCreatedCommunityView(row: typeof communities.$inferSelect): z.infer<typeof createdCommunitySchema> {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, townCode: row.townCode, createdAt: iso(row.createdAt) };
}
