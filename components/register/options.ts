import type { z } from 'zod';
import type { facilityViewSchema, householdCountViewSchema, measurementViewSchema, spaceViewSchema } from '@/server/registry/views';

// The register's enumerations in the order forms offer them (labels: messages "register.*").

type Facility = z.infer<typeof facilityViewSchema>;
type Space = z.infer<typeof spaceViewSchema>;
type Measurement = z.infer<typeof measurementViewSchema>;
type HouseholdCount = z.infer<typeof householdCountViewSchema>;

export const FACILITY_KINDS = ['comprehensive_centre', 'service_station', 'other'] as const satisfies readonly Facility['kind'][];
export const SETTINGS = ['indoor', 'outdoor'] as const satisfies readonly Space['setting'][];
export const USE_CLASSES = ['resident_activity', 'office', 'shared_auxiliary', 'commercial_leased', 'lent_by_other'] as const satisfies readonly Space['useClass'][];
export const AREA_BASES = ['building', 'usable', 'land'] as const satisfies readonly Measurement['basis'][];
export const METHODS = ['on_site', 'floor_plan', 'survey_report', 'title_certificate'] as const satisfies readonly Measurement['method'][];
export const HOUSEHOLD_BASES = ['registered', 'resident'] as const satisfies readonly HouseholdCount['basis'][];
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
