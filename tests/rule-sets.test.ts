import { describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createRuleSetVersion } from '../server/compliance/create-rule-set-version';
import { getComplianceReport } from '../server/compliance/report';
import { getRuleSet, listRuleSets } from '../server/compliance/rule-sets';
import { complianceQuerySchema, createRuleSetVersionSchema } from '../server/compliance/schemas';
import { makeCommunities, makeUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

describe('rule sets as data', () => {
  it('ship the eight rule sets of the standards, each rule with its source and verification', async () => {
    const sets = await listRuleSets();
    expect(sets.map((set) => set.code).sort()).toEqual(['CN2011', 'CN2020', 'CN2021', 'CN2022', 'CN2024', 'DG2012', 'GD2005', 'GD2025']);
    const dg = sets.find((set) => set.code === 'DG2012')!;
    expect(dg.rules.map((rule) => [rule.code, rule.threshold, rule.areaBasis, rule.householdBasis, rule.scope])).toEqual([
      ['DG2012-INDOOR', '20.00', 'building', null, 'community'],
      ['DG2012-OUTDOOR', '30.00', 'land', null, 'community'],
      ['DG2012-CENTRE-COVERAGE', '50.00', null, null, 'aggregate'],
    ]);
    expect(dg.rules[0]!.useClasses).toEqual(['office', 'resident_activity', 'shared_auxiliary']);
    const gd = sets.find((set) => set.code === 'GD2025')!;
    expect(gd.rules[0]).toMatchObject({ threshold: '32.00', householdBasis: 'resident', verification: 'press_only' });
  });

  it('refuses to change a rule in place', async () => {
    const error = await rawSql()`update rules set threshold = 1 where code = 'DG2012-INDOOR'`.catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).toBe('42501');
    expect((await getRuleSet('DG2012'))!.rules[0]!.threshold).toBe('20.00');
  });

  it('an admin adds a version; the old one stays evaluable', async () => {
    const admin = await makeUser('admin');
    const auditor = await makeUser('auditor');
    const v1 = (await getRuleSet('DG2012'))!;
    const input = createRuleSetVersionSchema.parse({
      ...v1,
      rules: v1.rules.map((rule) => (rule.code === 'DG2012-INDOOR' ? { ...rule, threshold: '25' } : rule)),
    });
    const v2 = await createRuleSetVersion(admin.ctx, input);
    expect(v2.version).toBe(2);
    expect(v2.rules[0]!.threshold).toBe('25.00');

    const [communityId] = await makeCommunities(1);
    const [row] = await rawSql()<{ town_code: string }[]>`select town_code from communities where id = ${communityId!}`;
    const query = (version?: number) => complianceQuerySchema.parse({ ruleSet: 'DG2012', ruleSetVersion: version, asOf: '2026-01-01', town: row!.town_code });
    expect((await getComplianceReport(auditor.ctx, query())).rows[0]!.results[0]!.threshold).toBe(25);
    expect((await getComplianceReport(auditor.ctx, query(1))).rows[0]!.results[0]!.threshold).toBe(20);
  });

  it('only admins add versions', async () => {
    const staff = await makeUser('staff');
    const v1 = (await getRuleSet('CN2024'))!;
    const error = await refusal(createRuleSetVersion(staff.ctx, createRuleSetVersionSchema.parse(v1)));
    expect(error.code).toBe('forbidden');
    expect((await listRuleSets()).filter((set) => set.code === 'CN2024')).toHaveLength(1);
  });

  it('only auditors, admins and staff read compliance; residents are refused', async () => {
    const resident = await makeUser('resident');
    const error = await refusal(getComplianceReport(resident.ctx, complianceQuerySchema.parse({})));
    expect(error.code).toBe('forbidden');
  });
});
