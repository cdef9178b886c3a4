import { z } from 'zod';
import { householdBasisEnum } from '@/db/schema/enums';
import { isoDateSchema, whenFieldsValid } from '@/server/common-schemas';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Up to 500 community ids, comma-separated. */
const COMMUNITY_IDS = new RegExp(`^${UUID}(,${UUID}){0,499}$`);
/** The largest page of rows the API returns at once. */
export const MAX_PAGE = 10_000;

export const complianceQuerySchema = z.object({
  ruleSet: z.string('rule_set_invalid').regex(/^[A-Z0-9]{2,20}$/, 'rule_set_invalid').default('DG2012'),
  ruleSetVersion: z.coerce.number('rule_set_invalid').int('rule_set_invalid').min(1, 'rule_set_invalid').max(1000, 'rule_set_invalid').optional(),
  asOf: isoDateSchema.optional(),
  householdBasis: z.enum(householdBasisEnum.enumValues, 'household_basis_invalid').default('registered'),
  town: z.string().regex(/^[0-9]{9}$/, 'town_code_invalid').optional(),
  codePrefix: z.string().regex(/^[0-9]{2,12}$/, 'code_prefix_invalid').optional(),
  staleAfterMonths: z.coerce.number('stale_months_invalid').int('stale_months_invalid').min(1, 'stale_months_invalid').max(120, 'stale_months_invalid').default(12),
  /** Only these communities (comma-separated ids), e.g. for one community's page. Roll-ups cover only them. */
  communityIds: z
    .string('community_ids_invalid')
    .regex(COMMUNITY_IDS, 'community_ids_invalid')
    .transform((value) => [...new Set(value.toLowerCase().split(','))])
    .optional(),
  /**
   * A page of the rows, in code order: at most `limit` rows from `offset` (0 = the first). The
   * roll-ups (aggregates, tallies, towns) still cover every community in scope, and the response
   * says which page it holds (`page`). Without either, every row.
   */
  limit: z.coerce.number('page_invalid').int('page_invalid').min(1, 'page_invalid').max(MAX_PAGE, 'page_invalid').optional(),
  offset: z.coerce.number('page_invalid').int('page_invalid').min(0, 'page_invalid').optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

const statusSchema = z.enum(['pass', 'fail', 'insufficient_data']);

const ruleResultSchema = z.object({
  rule: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  status: statusSchema,
  stale: z.boolean(),
  gapM2: z.number().nullable(),
  reason: z.string().nullable(),
  reasonDetail: z.array(z.string()).nullable(),
  householdBasis: z.enum(householdBasisEnum.enumValues).nullable(),
  areaBasis: z.string().nullable(),
  households: z.number().int().nullable(),
  householdsAsOf: z.string().nullable(),
});

const aggregateSchema = z.object({ rule: z.string(), value: z.number().nullable(), threshold: z.number(), status: statusSchema, counted: z.number().int(), meeting: z.number().int() });
const tallySchema = z.object({ rule: z.string(), pass: z.number().int(), fail: z.number().int(), insufficientData: z.number().int(), stale: z.number().int(), passShare: z.number().nullable() });

export const complianceReportSchema = z
  .object({
    ruleSet: z.string(),
    ruleSetVersion: z.number().int(),
    asOf: z.string(),
    householdBasis: z.enum(householdBasisEnum.enumValues),
    staleAfterMonths: z.number().int(),
    rows: z.array(
      z.object({
        communityId: z.uuid(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(['village', 'community']),
        townCode: z.string(),
        townNameZh: z.string(),
        townNameEn: z.string(),
        households: z.number().int().nullable(),
        householdsAsOf: z.string().nullable(),
        registeredHouseholds: z.number().int().nullable(),
        residentHouseholds: z.number().int().nullable(),
        hasComprehensiveCentre: z.boolean(),
        indoorM2: z.number(),
        outdoorM2: z.number(),
        results: z.array(ruleResultSchema),
      }),
    ),
    aggregates: z.array(aggregateSchema),
    tallies: z.array(tallySchema),
    towns: z.array(
      z.object({
        townCode: z.string(),
        townNameZh: z.string(),
        townNameEn: z.string(),
        communities: z.number().int(),
        tallies: z.array(tallySchema),
        aggregates: z.array(aggregateSchema),
      }),
    ),
    /** Only when `limit` or `offset` was given: which rows this response holds, of `total`. */
    page: z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int() }).optional(),
  })
  .meta({ id: 'ComplianceReport' });

export const ruleSetSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    version: z.number().int(),
    nameZh: z.string(),
    nameEn: z.string(),
    source: z.string(),
    verification: z.enum(['verified', 'press_only', 'unverified']),
    notesZh: z.string(),
    notesEn: z.string(),
    createdAt: z.string(),
    rules: z.array(
      z.object({
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        metric: z.string(),
        threshold: z.string(),
        unit: z.string(),
        scope: z.enum(['community', 'aggregate']),
        areaBasis: z.string().nullable(),
        householdBasis: z.enum(householdBasisEnum.enumValues).nullable(),
        useClasses: z.array(z.string()),
        communityKind: z.string().nullable(),
        source: z.string(),
        verification: z.enum(['verified', 'press_only', 'unverified']),
      }),
    ),
  })
  .meta({ id: 'RuleSet' });

export const ruleSetListSchema = z.object({ items: z.array(ruleSetSchema) }).meta({ id: 'RuleSetList' });

const ruleMetrics = ['indoor_area_per_100_households', 'outdoor_area_per_100_households', 'indoor_area', 'outdoor_area', 'resident_activity_share', 'centre_coverage', 'not_in_register'] as const;
const AREA_METRICS: readonly string[] = ruleMetrics.slice(0, 5);
const verificationSchema = z.enum(['verified', 'press_only', 'unverified'], 'verification_invalid');

export const ruleInputSchema = z
  .object({
    code: z.string('rule_code_invalid').regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'rule_code_invalid'),
    nameZh: z.string('rule_name_invalid').trim().min(1, 'rule_name_invalid').max(80, 'rule_name_invalid'),
    nameEn: z.string('rule_name_invalid').trim().min(1, 'rule_name_invalid').max(120, 'rule_name_invalid'),
    metric: z.enum(ruleMetrics, 'metric_invalid'),
    threshold: z
      .union([z.number('threshold_invalid'), z.string('threshold_invalid')])
      .transform((value) => String(value).trim())
      .refine((value) => /^\d{1,10}(\.\d{1,2})?$/.test(value), 'threshold_invalid'),
    unit: z.enum(['m2_per_100_households', 'm2', 'percent', 'per_10000_residents'], 'unit_invalid'),
    scope: z.enum(['community', 'aggregate'], 'scope_invalid'),
    areaBasis: z.enum(['building', 'usable', 'land'], 'area_basis_invalid').nullable().optional(),
    householdBasis: z.enum(householdBasisEnum.enumValues, 'household_basis_invalid').nullable().optional(),
    useClasses: z.array(z.enum(['office', 'resident_activity', 'shared_auxiliary', 'commercial_leased', 'lent_by_other'], 'use_class_invalid')).max(5).default([]),
    communityKind: z.enum(['village', 'community'], 'community_kind_invalid').nullable().optional(),
    verification: verificationSchema.optional(),
  })
  .refine((rule) => !AREA_METRICS.includes(rule.metric) || rule.areaBasis, { path: ['areaBasis'], message: 'area_basis_required', ...whenFieldsValid })
  .refine((rule) => !AREA_METRICS.includes(rule.metric) || rule.useClasses.length > 0, { path: ['useClasses'], message: 'use_classes_required', ...whenFieldsValid })
  .refine((rule) => (rule.metric === 'centre_coverage') === (rule.scope === 'aggregate'), { path: ['scope'], message: 'scope_mismatch', ...whenFieldsValid });

export const createRuleSetVersionSchema = z
  .object({
    code: z.string('rule_set_invalid').regex(/^[A-Z0-9]{2,20}$/, 'rule_set_invalid'),
    nameZh: z.string('rule_name_invalid').trim().min(1, 'rule_name_invalid').max(120, 'rule_name_invalid'),
    nameEn: z.string('rule_name_invalid').trim().min(1, 'rule_name_invalid').max(160, 'rule_name_invalid'),
    source: z.string('source_invalid').trim().min(1, 'source_invalid').max(300, 'source_invalid'),
    verification: verificationSchema,
    notesZh: z.string('note_invalid').trim().max(2000, 'note_invalid').default(''),
    notesEn: z.string('note_invalid').trim().max(2000, 'note_invalid').default(''),
    rules: z.array(ruleInputSchema, 'rules_required').min(1, 'rules_required').max(20, 'rules_required'),
  })
  .refine((set) => new Set(set.rules.map((rule) => rule.code)).size === set.rules.length, { path: ['rules'], message: 'rule_codes_repeat', ...whenFieldsValid })
  .meta({ id: 'CreateRuleSetVersionRequest' });
export type CreateRuleSetVersionInput = z.infer<typeof createRuleSetVersionSchema>;
