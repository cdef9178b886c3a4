import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { getComplianceReport } from '../server/compliance/report';
import { complianceQuerySchema } from '../server/compliance/schemas';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { recordMeasurement } from '../server/registry/record-measurement';
import { updateFacilitySchema, updateSpaceSchema } from '../server/registry/schemas';
import { updateFacility } from '../server/registry/update-facility';
import { updateSpace } from '../server/registry/update-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// Patches to the register. A facility described anew or closed, and what the compliance report
// makes of it; Community X
// has a centre (opened 2014-01-01) with one 300 m² room and 1,000 registered households:
// 300 / 1000 × 100 = 30.00 m² per 100 households. Community Y has a service station only.

let staff: TestUser;
let auditor: TestUser;
let x: string;
let y: string;
let centre: string;
let station: string;

async function row(communityId: string, asOf: string) {
  const report = await getComplianceReport(auditor.ctx, complianceQuerySchema.parse({ ruleSet: 'DG2012', asOf, householdBasis: 'registered', staleAfterMonths: 120, communityIds: communityId }));
  return report.rows[0]!;
}

beforeAll(async () => {
  [x, y] = (await makeCommunities(2)) as [string, string];
  staff = await makeUser('staff', { communityIds: [x, y] });
  auditor = await makeUser('auditor');
  centre = (await createFacility(staff.ctx, { communityId: x, name: '党群服务中心', kind: 'comprehensive_centre', openedOn: '2014-01-01' })).id;
  const room = await createSpace(staff.ctx, centre, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: false });
  await recordMeasurement(staff.ctx, room.id, { areaM2: '300.00', basis: 'building', measuredOn: '2014-01-01', method: 'on_site', measuredBy: '测量员' });
  await recordHouseholdCount(staff.ctx, x, { basis: 'registered', households: 1000, asOf: '2014-01-01', source: '年报' });
  station = (await createFacility(staff.ctx, { communityId: y, name: '服务站', kind: 'service_station', openedOn: '2015-03-01' })).id;
});

describe('closing and describing a facility anew', () => {
  it('a closed centre stops counting from its closing day; earlier dates keep their answers; reopening restores it', async () => {
    expect(await row(x, '2020-06-30')).toMatchObject({ hasComprehensiveCentre: true, indoorM2: 300 });

    await updateFacility(staff.ctx, centre, { closedOn: '2020-07-01' });
    const before = await row(x, '2020-06-30');
    expect(before).toMatchObject({ hasComprehensiveCentre: true, indoorM2: 300 });
    expect(before.results.find((r) => r.rule === 'DG2012-INDOOR')).toMatchObject({ value: 30, status: 'pass', gapM2: 0 });
    const after = await row(x, '2020-07-01');
    expect(after).toMatchObject({ hasComprehensiveCentre: false, indoorM2: 0 });
    // 1,000 households need 200.00 m²; none is left.
    expect(after.results.find((r) => r.rule === 'DG2012-INDOOR')).toMatchObject({ value: 0, status: 'fail', gapM2: 200 });

    await updateFacility(staff.ctx, centre, { closedOn: null });
    expect(await row(x, '2021-01-01')).toMatchObject({ hasComprehensiveCentre: true, indoorM2: 300 });
  });

  it('a station upgraded to a comprehensive centre counts as one (from its opening), with an audit entry of both states', async () => {
    expect((await row(y, '2020-01-01')).hasComprehensiveCentre).toBe(false);
    await updateFacility(staff.ctx, station, { kind: 'comprehensive_centre', name: '党群服务中心（升级）' });
    expect((await row(y, '2015-02-28')).hasComprehensiveCentre).toBe(false);
    expect((await row(y, '2015-03-01')).hasComprehensiveCentre).toBe(true);

    const [entry] = await rawSql()<{ actor_id: string; before: { kind: string }; after: { kind: string; name: string } }[]>`
      select actor_id, before, after from audit_log where entity = 'facility' and entity_id = ${station} and action = 'facility.update'`;
    expect(entry).toMatchObject({ actor_id: staff.id, before: { kind: 'service_station' }, after: { kind: 'comprehensive_centre', name: '党群服务中心（升级）' } });
  });

  it('a closing day on or before the opening day is refused with a message for that field, and nothing changes', async () => {
    const snapshot = () => rawSql()`select (select row_to_json(f) from facilities f where id = ${centre}) as facility, (select count(*)::int from audit_log) as audit`;
    const before = await snapshot();
    // The opening day is stored: only the database sees both dates.
    const error = await refusal(updateFacility(staff.ctx, centre, { closedOn: '2014-01-01' }));
    expect(error).toMatchObject({ code: 'validation', options: { fieldErrors: { closedOn: ['closed_before_opened'] } } });
    expect(await snapshot()).toEqual(before);
    // Both in one patch: the schema says so before anything is sent.
    const parsed = updateFacilitySchema.safeParse({ openedOn: '2020-01-01', closedOn: '2019-12-31' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['closedOn', 'closed_before_opened']]);
    expect(updateFacilitySchema.safeParse({}).success).toBe(false);
  });
});

describe('patching a space', () => {
  it('leaves an optional note alone when absent, and clears it when sent empty or null', async () => {
    const space = await createSpace(staff.ctx, centre, { name: '无障碍活动室', setting: 'indoor', useClass: 'resident_activity', bookable: false, accessibilityNotes: '有坡道' });
    const patch = (body: unknown) => updateSpace(staff.ctx, space.id, updateSpaceSchema.parse(body));

    expect((await patch({ name: '一楼活动室' })).accessibilityNotes).toBe('有坡道');
    expect((await patch({ accessibilityNotes: '  有坡道和扶手  ' })).accessibilityNotes).toBe('有坡道和扶手');
    expect((await patch({ accessibilityNotes: '' })).accessibilityNotes).toBeNull();
    await patch({ accessibilityNotes: '有坡道' });
    expect((await patch({ accessibilityNotes: null })).accessibilityNotes).toBeNull();
  });
});
