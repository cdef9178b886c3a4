import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { ruleSets } from '../schema';
import { insertRuleSet, type RuleSetDefinition } from '../../server/compliance/insert-rule-set';
import type { UseClass } from '../schema/register';

// The rule sets of ../shared/standards.md, as data. Each rule carries its own source and how
// firmly it is verified, shown to auditors next to every figure.

const ELIGIBLE: UseClass[] = ['office', 'resident_activity', 'shared_auxiliary'];

const DG_SOURCE = '中共东莞市委 东莞市人民政府《关于加强社会建设的意见》（2012）第14条';
const AREA_NOTE_ZH = '室内面积按建筑面积、室外面积按用地面积计算（全国通行口径，原文未写明，属假设）。出租商铺和其他单位借用的用房不计入。';
const AREA_NOTE_EN =
  'Indoor area counts building area and outdoor area counts land area (the national convention; the text does not say — an assumption). Leased-out shops and rooms lent by other bodies never count.';

export const RULE_SETS: RuleSetDefinition[] = [
  {
    code: 'DG2012',
    nameZh: '东莞市 2012 年社会建设意见（社区用房标准）',
    nameEn: 'Dongguan 2012 opinions on social construction (community space)',
    source: DG_SOURCE,
    verification: 'verified',
    notesZh: `“每百户不少于”即大于或等于。户数口径（户籍或常住）原文未写明，由督查员选择。${AREA_NOTE_ZH}`,
    notesEn: `"Not less than" per 100 households means greater than or equal. The household basis (registered or resident) is not stated: the auditor chooses. ${AREA_NOTE_EN}`,
    rules: [
      { code: 'DG2012-INDOOR', nameZh: '办公用房和室内服务设施面积每百户', nameEn: 'Office and indoor service space per 100 households', metric: 'indoor_area_per_100_households', threshold: '20', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
      { code: 'DG2012-OUTDOOR', nameZh: '室外活动场所面积每百户', nameEn: 'Outdoor activity space per 100 households', metric: 'outdoor_area_per_100_households', threshold: '30', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'land', useClasses: ELIGIBLE },
      { code: 'DG2012-CENTRE-COVERAGE', nameZh: '建有社区综合服务中心的村（社区）比例', nameEn: 'Share of villages and communities with a comprehensive service centre', metric: 'centre_coverage', threshold: '50', unit: 'percent', scope: 'aggregate' },
    ],
  },
  {
    code: 'CN2011',
    nameZh: '社区服务体系建设规划（2011—2015年）',
    nameEn: 'National community service system plan 2011–2015',
    source: '国务院办公厅 国办发〔2011〕61号',
    verification: 'press_only',
    notesZh: `数值仅见于新闻和二手摘要。${AREA_NOTE_ZH}`,
    notesEn: `Figures seen only in press and secondary summaries. ${AREA_NOTE_EN}`,
    rules: [
      { code: 'CN2011-INDOOR', nameZh: '社区服务设施面积每百户', nameEn: 'Community service facility area per 100 households', metric: 'indoor_area_per_100_households', threshold: '20', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
      { code: 'CN2011-COVERAGE', nameZh: '社区综合服务设施覆盖率', nameEn: 'Coverage of community service facilities', metric: 'centre_coverage', threshold: '90', unit: 'percent', scope: 'aggregate' },
    ],
  },
  {
    code: 'CN2021',
    nameZh: '“十四五”城乡社区服务体系建设规划',
    nameEn: 'National 14th five-year plan for urban and rural community services',
    source: '国务院办公厅 国办发〔2021〕56号',
    verification: 'press_only',
    notesZh: `数值仅见于新闻和二手摘要。${AREA_NOTE_ZH}`,
    notesEn: `Figures seen only in press and secondary summaries. ${AREA_NOTE_EN}`,
    rules: [
      { code: 'CN2021-INDOOR', nameZh: '社区综合服务设施面积每百户', nameEn: 'Community service facility area per 100 households', metric: 'indoor_area_per_100_households', threshold: '30', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
      { code: 'CN2021-RURAL-COVERAGE', nameZh: '农村社区综合服务设施覆盖率', nameEn: 'Rural coverage of community service facilities', metric: 'centre_coverage', threshold: '80', unit: 'percent', scope: 'aggregate', communityKind: 'village' },
    ],
  },
  {
    code: 'CN2022',
    nameZh: '完整社区建设试点',
    nameEn: 'Complete-community pilot',
    source: '住房和城乡建设部、民政部（2022）',
    verification: 'verified',
    notesZh: AREA_NOTE_ZH,
    notesEn: AREA_NOTE_EN,
    rules: [
      { code: 'CN2022-INDOOR', nameZh: '社区综合服务设施面积每百户', nameEn: 'Community service facility area per 100 households', metric: 'indoor_area_per_100_households', threshold: '30', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
      { code: 'CN2022-ACTIVITY-SHARE', nameZh: '居民活动用房占建筑面积比例', nameEn: "Share of building area used for residents' activities", metric: 'resident_activity_share', threshold: '60', unit: 'percent', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
    ],
  },
  {
    code: 'GD2025',
    nameZh: '广东省“十四五”城乡社区服务体系建设规划',
    nameEn: 'Guangdong 14th five-year plan for community services',
    source: '广东省民政厅（2021）',
    verification: 'press_only',
    notesZh: `按常住户数计算。社区工作者配备不在本登记范围内，不作判定。${AREA_NOTE_ZH}`,
    notesEn: `Counted per 100 resident households. Community workers are not held in this register and are not judged. ${AREA_NOTE_EN}`,
    rules: [
      { code: 'GD2025-INDOOR', nameZh: '社区综合服务设施面积每百户（常住）', nameEn: 'Community service facility area per 100 resident households', metric: 'indoor_area_per_100_households', threshold: '32', unit: 'm2_per_100_households', scope: 'community', areaBasis: 'building', householdBasis: 'resident', useClasses: ELIGIBLE },
      { code: 'GD2025-WORKERS', nameZh: '每万城镇常住人口社区工作者数', nameEn: 'Community workers per 10,000 urban residents', metric: 'not_in_register', threshold: '18', unit: 'per_10000_residents', scope: 'community' },
    ],
  },
  {
    code: 'GD2005',
    nameZh: '广东省 2005 年社区办公用房标准',
    nameEn: 'Guangdong 2005 community office standard',
    source: '广东省（2005）',
    verification: 'verified',
    notesZh: '社区办公用房按使用面积计算的绝对值。',
    notesEn: 'Absolute usable area of community office space.',
    rules: [
      { code: 'GD2005-OFFICE', nameZh: '社区办公用房使用面积', nameEn: 'Community office usable area', metric: 'indoor_area', threshold: '80', unit: 'm2', scope: 'community', areaBasis: 'usable', useClasses: ['office'] },
    ],
  },
  {
    code: 'CN2020',
    nameZh: '完整居住社区建设标准（试行）',
    nameEn: 'Complete residential community standard (2020)',
    source: '住房和城乡建设部等（2020）',
    verification: 'press_only',
    notesZh: '公共活动场地按用地面积计算的绝对值。',
    notesEn: 'Absolute land area of public outdoor activity space.',
    rules: [
      { code: 'CN2020-OUTDOOR', nameZh: '公共活动场地面积', nameEn: 'Public outdoor activity space', metric: 'outdoor_area', threshold: '150', unit: 'm2', scope: 'community', areaBasis: 'land', useClasses: ELIGIBLE },
    ],
  },
  {
    code: 'CN2024',
    nameZh: '社区嵌入式服务设施建设导则',
    nameEn: 'Guideline for embedded community service complexes',
    source: '国家发展改革委（2024）',
    verification: 'verified',
    notesZh: '建筑面积不少于 600 平方米，有条件的不少于 800 平方米（此处按 600 判定）。',
    notesEn: 'Building area at least 600 m², 800 m² where feasible (judged here at 600).',
    rules: [
      { code: 'CN2024-BUILDING', nameZh: '服务设施建筑面积', nameEn: 'Building area of the service complex', metric: 'indoor_area', threshold: '600', unit: 'm2', scope: 'community', areaBasis: 'building', useClasses: ELIGIBLE },
    ],
  },
];

/** Inserts version 1 of each rule set unless it exists (rule sets are immutable once written). */
export async function seedRuleSets(tx: Executor) {
  for (const set of RULE_SETS) {
    const [existing] = await tx.select({ id: ruleSets.id }).from(ruleSets).where(and(eq(ruleSets.code, set.code), eq(ruleSets.version, 1)));
    if (existing) continue;
    await insertRuleSet(tx, set, 1, null);
  }
}
