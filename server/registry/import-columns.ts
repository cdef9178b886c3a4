// The columns of the bulk-import files (household counts, area measurements): one definition
// read by the parser, the validators and the templates, so the three cannot drift apart.

export const IMPORT_KINDS = ['household-counts', 'measurements'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export interface ImportColumn {
  /** English key, in brackets after the Chinese label in the header: 社区统计代码(community_code). */
  key: string;
  /** Chinese label as offices write it. */
  label: string;
  required: boolean;
  example: string;
}

/** Left in a file, the template's example row is refused rather than imported as real data. */
export const EXAMPLE_MARKER = '示例行，导入前请删除 (example row: delete before importing)';

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  'household-counts': [
    { key: 'community_code', label: '社区统计代码', required: true, example: '441900121001' },
    { key: 'community_name', label: '社区名称', required: false, example: '树田社区' },
    { key: 'basis', label: '户数口径', required: true, example: '户籍' },
    { key: 'households', label: '户数', required: true, example: '1200' },
    { key: 'as_of', label: '统计截止日期', required: true, example: '2025-12-31' },
    { key: 'source', label: '数据来源', required: true, example: '镇街统计年报' },
    { key: 'supplied_by', label: '提供人', required: false, example: '张敏' },
    { key: 'note', label: '备注', required: false, example: EXAMPLE_MARKER },
  ],
  measurements: [
    { key: 'community_code', label: '社区统计代码', required: true, example: '441900121001' },
    { key: 'facility_name', label: '设施名称', required: true, example: '树田社区综合服务中心' },
    { key: 'space_name', label: '场地名称', required: true, example: '多功能活动室' },
    { key: 'area_m2', label: '面积(平方米)', required: true, example: '120.50' },
    { key: 'area_basis', label: '面积口径', required: true, example: '建筑面积' },
    { key: 'measured_on', label: '测量日期', required: true, example: '2026-03-15' },
    { key: 'method', label: '测量方式', required: true, example: '现场测量' },
    { key: 'measured_by', label: '测量人', required: true, example: '李工' },
    { key: 'organisation', label: '测量单位', required: false, example: '东莞市测绘院' },
    { key: 'note', label: '备注', required: false, example: EXAMPLE_MARKER },
  ],
};

/** The header cell of a column in the templates. */
export function headerOf(column: ImportColumn) {
  return `${column.label}(${column.key})`;
}

/**
 * Values offices write for the enumerations, in Chinese or as the English key; the schemas then
 * check the key. Anything else is passed on unchanged and refused by the schema.
 */
export const VALUE_ALIASES: Record<string, Record<string, string>> = {
  basis: {
    户籍: 'registered',
    户籍户数: 'registered',
    户籍口径: 'registered',
    registered: 'registered',
    常住: 'resident',
    常住户数: 'resident',
    常住口径: 'resident',
    resident: 'resident',
  },
  area_basis: {
    建筑面积: 'building',
    建筑: 'building',
    building: 'building',
    使用面积: 'usable',
    实用面积: 'usable',
    使用: 'usable',
    usable: 'usable',
    用地面积: 'land',
    用地: 'land',
    占地面积: 'land',
    land: 'land',
  },
  method: {
    现场测量: 'on_site',
    现场: 'on_site',
    实地测量: 'on_site',
    on_site: 'on_site',
    图纸量算: 'floor_plan',
    图纸: 'floor_plan',
    floor_plan: 'floor_plan',
    测绘报告: 'survey_report',
    survey_report: 'survey_report',
    产权证书: 'title_certificate',
    产权证: 'title_certificate',
    不动产权证: 'title_certificate',
    title_certificate: 'title_certificate',
  },
};

/** The Chinese values the templates list as allowed, per enumerated column. */
export const ALLOWED_VALUES: Record<string, string[]> = {
  basis: ['户籍 (registered)', '常住 (resident)'],
  area_basis: ['建筑面积 (building)', '使用面积 (usable)', '用地面积 (land)'],
  method: ['现场测量 (on_site)', '图纸量算 (floor_plan)', '测绘报告 (survey_report)', '产权证书 (title_certificate)'],
};
