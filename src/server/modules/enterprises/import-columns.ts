import type { EnterpriseFields } from '../../../contracts/enterprises';
import { PROVINCES, prefecturesOf, provinceByCode } from '../../../lib/china/gbt2260';
import { INDUSTRY_DIVISIONS, sectionOf } from '../../../lib/china/gbt4754';

/** A column an import file may carry. */
export type ColumnKey =
  | 'uscc'
  | 'name'
  | 'provinceCode'
  | 'cityCode'
  | 'industryDivision'
  | 'sector'
  | 'aboveSize'
  | 'annualRevenueYuan'
  | 'revenueYear'
  | 'officerName'
  | 'officerTitle'
  | 'officerPhone'
  | 'officerEmail';

/** A problem found while reading a file; `field` is the API field path (`officer.email`). */
export interface CellProblem {
  column: ColumnKey | null;
  field: string | null;
  message: string;
  code: string;
}

/** Which file column holds which field, the headers as written, and the revenue unit. */
export interface HeaderMap {
  columns: Map<number, ColumnKey>;
  labels: Partial<Record<ColumnKey, string>>;
  /** Revenue is written in units of 10^revenueScale yuan (元 0, 千元 3, 万元 4, 百万元 6, 亿元 8). */
  revenueScale: number;
}

/** Converted cells of one row: only the columns the file has; empty optional cells are null. */
export type PresentCells = Partial<Record<ColumnKey, unknown>>;

// Headers compare after normalising (NFKC, case, spaces, punctuation, a unit in brackets), so 年营业收入（万元）,
// 年营业收入(万元) and "Annual revenue" all match. Chinese names follow the usual statistical-roster wording.
const HEADERS: Record<ColumnKey, string[]> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'unifiedsocialcreditcode', 'creditcode'],
  name: ['企业名称', '单位名称', '单位详细名称', '名称', 'name', 'enterprisename', 'companyname'],
  provinceCode: ['省份', '省', '所在省份', '省份代码', '省级行政区划代码', 'province', 'provincecode'],
  cityCode: [
    '城市',
    '地市',
    '市',
    '所在地市',
    '城市代码',
    '地市代码',
    '地级行政区划代码',
    'city',
    'citycode',
  ],
  industryDivision: [
    '行业代码',
    '行业大类代码',
    '行业大类',
    '国民经济行业代码',
    '所属行业',
    'industry',
    'industrycode',
    'industrydivision',
  ],
  sector: ['领域', '所属领域', 'sector'],
  aboveSize: ['规上', '规上企业', '是否规上', '规模以上', '是否规模以上', 'abovesize', 'abovedesignatedsize'],
  annualRevenueYuan: [
    '年营业收入',
    '营业收入',
    '年度营业收入',
    'revenue',
    'annualrevenue',
    'annualrevenueyuan',
  ],
  revenueYear: ['营业收入年度', '收入年度', '年度', 'revenueyear'],
  officerName: ['数据安全负责人', '数据安全负责人姓名', 'officer', 'officername'],
  officerTitle: ['数据安全负责人职务', '负责人职务', 'officertitle'],
  officerPhone: ['数据安全负责人电话', '负责人电话', 'officerphone'],
  officerEmail: ['数据安全负责人邮箱', '负责人邮箱', 'officeremail'],
};
const IGNORED = new Set(['序号', '备注', 'no', 'seq', 'remark', 'remarks', 'note', 'notes']);
const UNITS: Record<string, number> = {
  元: 0,
  yuan: 0,
  cny: 0,
  千元: 3,
  thousandyuan: 3,
  万元: 4,
  百万元: 6,
  millionyuan: 6,
  亿元: 8,
};
/** Columns every file must have; a missing optional column keeps an existing profile's value. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'uscc',
  'name',
  'provinceCode',
  'cityCode',
  'industryDivision',
  'aboveSize',
];
const OFFICER: readonly ColumnKey[] = ['officerName', 'officerTitle', 'officerPhone', 'officerEmail'];

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：/]+/g, '');
const BY_HEADER = new Map(
  (Object.entries(HEADERS) as [ColumnKey, string[]][]).flatMap(([k, names]) =>
    names.map((n) => [n, k] as const),
  ),
);

/** Maps a header row to columns; unknown, repeated or missing columns and unknown revenue units are problems. */
export function readHeader(cells: readonly string[]): { map: HeaderMap; problems: CellProblem[] } {
  const map: HeaderMap = { columns: new Map(), labels: {}, revenueScale: 0 };
  const problems: CellProblem[] = [];
  const bad = (column: ColumnKey | null, message: string, code: string) =>
    problems.push({ column, field: null, message, code });
  for (const [i, raw] of cells.entries()) {
    const text = raw.normalize('NFKC').trim();
    const unit = /\(([^)]*)\)\s*$/.exec(text)?.[1];
    const key = squash(text.replace(/\([^)]*\)\s*$/, ''));
    if (!text || IGNORED.has(key)) continue;
    const column = BY_HEADER.get(key);
    const scale = unit === undefined ? 0 : UNITS[squash(unit)];
    if (!column) bad(null, `Unknown column “${raw.trim()}”.`, 'import.unknown_column');
    else if (map.labels[column]) {
      bad(column, `Column “${raw.trim()}” repeats “${map.labels[column]}”.`, 'import.duplicate_column');
    } else if (column === 'annualRevenueYuan' && scale === undefined) {
      bad(column, `Unknown revenue unit “${unit}”; use 元, 千元, 万元 or 亿元.`, 'import.unknown_unit');
    } else {
      if (column === 'annualRevenueYuan') map.revenueScale = scale ?? 0;
      map.columns.set(i, column);
      map.labels[column] = raw.trim();
    }
  }
  for (const c of REQUIRED_COLUMNS) {
    if (!map.labels[c]) bad(c, `Missing column ${HEADERS[c][0]} (${c}).`, 'import.missing_column');
  }
  const officers = OFFICER.filter((c) => map.labels[c]);
  if (officers.length && officers.length < OFFICER.length) {
    for (const c of OFFICER.filter((k) => !map.labels[k])) {
      bad(
        c,
        `Missing column ${HEADERS[c][0]} (${c}): the officer columns go together.`,
        'import.missing_column',
      );
    }
  }
  return { map, problems };
}

type Converted = { value: unknown } | { problem: string; code: string };
const ok = (value: unknown): Converted => ({ value });
const no = (problem: string, code: string): Converted => ({ problem, code });

/** A province code, or the code of a province named in full or by its leading characters (广东, 内蒙古). */
function province(text: string): Converted {
  if (/^\d{6}$/.test(text)) return ok(text);
  const hits = PROVINCES.filter((p) => p.name === text || (text.length >= 2 && p.name.startsWith(text)));
  return hits.length === 1
    ? ok(hits[0]!.code)
    : no('Not a GB/T 2260 province code or name.', 'validation.unknown_province');
}

/** A prefecture code, or one named inside the row's province (a municipality by its own name: 北京 → 110100). */
function city(text: string, provinceCode: unknown): Converted {
  if (/^\d{6}$/.test(text)) return ok(text);
  if (typeof provinceCode !== 'string')
    return no('Give the city as a GB/T 2260 code.', 'validation.unknown_city');
  const within = prefecturesOf(provinceCode);
  const own = provinceByCode(provinceCode);
  const districts = within.find((p) => p.kind === 'municipal-districts');
  if (districts && own?.name.startsWith(text)) return ok(districts.code);
  const hits = within.filter((p) => p.name === text || (text.length >= 2 && p.name.startsWith(text)));
  return hits.length === 1
    ? ok(hits[0]!.code)
    : no(`Not a prefecture of province ${provinceCode}.`, 'validation.city_not_in_province');
}

/** A GB/T 4754 division from `39`, `C39`, a group or class code (`3914` → 39), or the division's name. */
function industry(text: string): Converted {
  const m = /^([A-T])?(\d{2})(\d{1,2})?$/.exec(text.toUpperCase());
  if (!m) {
    const named = INDUSTRY_DIVISIONS.find((d) => d.name === text);
    return named ? ok(named.code) : no('Not a GB/T 4754-2017 industry code.', 'validation.unknown_industry');
  }
  const division = m[2]!;
  if (m[1] && sectionOf(division) !== m[1]) {
    return no(`Division ${division} is not in section ${m[1]}.`, 'validation.unknown_industry');
  }
  return ok(division);
}

const SECTORS = new Map([
  ['industry', 'industry'],
  ['industrial', 'industry'],
  ['工业', 'industry'],
  ['telecom', 'telecom'],
  ['telecommunications', 'telecom'],
  ['电信', 'telecom'],
  ['通信', 'telecom'],
  ['radio', 'radio'],
  ['无线电', 'radio'],
]);
const YES = new Set(['是', 'true', 'yes', 'y', '1', '√', '✓']);
const NO = new Set(['否', 'false', 'no', 'n', '0']);

/** Whole yuan from a figure written in units of 10^scale yuan, exactly (decimal text, no floating point). */
function revenue(text: string, scale: number): Converted {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.replace(/[,，\s]|元$/g, ''));
  if (!m) return no('Not a number.', 'validation.not_a_number');
  const frac = m[2] ?? '';
  if (/[1-9]/.test(frac.slice(scale))) return no('Not a whole number of yuan.', 'validation.fractional_yuan');
  const yuan = BigInt(m[1]! + frac.slice(0, scale).padEnd(scale, '0'));
  if (yuan > BigInt(Number.MAX_SAFE_INTEGER)) return no('Too large.', 'validation.too_big');
  return ok(Number(yuan));
}

/** Converts one data row's cells; problems name the column. */
export function readCells(
  map: HeaderMap,
  cells: readonly string[],
): { present: PresentCells; problems: CellProblem[] } {
  const present: PresentCells = {};
  const problems: CellProblem[] = [];
  const text = new Map<ColumnKey, string>();
  for (const [i, key] of map.columns) text.set(key, (cells[i] ?? '').normalize('NFKC').trim());
  const put = (key: ColumnKey, field: string, c: Converted) => {
    if ('value' in c) present[key] = c.value;
    else problems.push({ column: key, field, message: c.problem, code: c.code });
  };
  // Province first: a city given by name is looked up inside it.
  const order = [...text.keys()].sort((a, b) => (a === 'provinceCode' ? -1 : b === 'provinceCode' ? 1 : 0));
  for (const key of order) {
    const t = text.get(key)!;
    const field = key.startsWith('officer') ? `officer.${key.slice(7).toLowerCase()}` : key;
    if (t === '') {
      if (REQUIRED_COLUMNS.includes(key) || key === 'sector') {
        problems.push({ column: key, field, message: 'Required.', code: 'validation.required' });
      } else present[key] = null;
      continue;
    }
    if (key === 'provinceCode') put(key, field, province(t));
    else if (key === 'cityCode') put(key, field, city(t, present.provinceCode));
    else if (key === 'industryDivision') put(key, field, industry(t));
    else if (key === 'sector')
      put(
        key,
        field,
        SECTORS.has(t.toLowerCase())
          ? ok(SECTORS.get(t.toLowerCase()))
          : no('Use industry, telecom or radio (工业, 电信, 无线电).', 'validation.invalid_value'),
      );
    else if (key === 'aboveSize') {
      const v = t.toLowerCase();
      put(
        key,
        field,
        YES.has(v)
          ? ok(true)
          : NO.has(v)
            ? ok(false)
            : no('Use 是 or 否 (true or false).', 'validation.invalid_value'),
      );
    } else if (key === 'annualRevenueYuan') put(key, field, revenue(t, map.revenueScale));
    else if (key === 'revenueYear') {
      const m = /^(\d{4})(?:年度?)?$/.exec(t);
      put(key, field, m ? ok(Number(m[1])) : no('Not a year.', 'validation.not_a_year'));
    } else present[key] = key === 'uscc' ? t.toUpperCase() : t;
  }
  return { present, problems };
}

/** The fields a new profile starts from before a row's cells apply (a file without 领域 registers industry). */
export const NEW_PROFILE_BASE: Omit<
  EnterpriseFields,
  'uscc' | 'name' | 'provinceCode' | 'cityCode' | 'industryDivision' | 'aboveSize'
> = {
  sector: 'industry',
  annualRevenueYuan: null,
  revenueYear: null,
  officer: null,
};

/** A row's cells over its base (the existing profile, or a new one), for the contract to validate. */
export function assemble(base: Partial<EnterpriseFields>, present: PresentCells): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(present)) if (!k.startsWith('officer')) out[k] = v;
  if ('officerName' in present) {
    const o = {
      name: present.officerName,
      title: present.officerTitle,
      phone: present.officerPhone,
      email: present.officerEmail,
    };
    out.officer = Object.values(o).every((v) => v === null) ? null : o;
  }
  return out;
}

/** The column that holds a field path such as `officer.email`. */
export function columnOf(path: readonly PropertyKey[]): ColumnKey {
  const [head, sub] = path.map(String);
  if (head === 'officer')
    return `officer${(sub ?? 'name').charAt(0).toUpperCase()}${(sub ?? 'name').slice(1)}` as ColumnKey;
  return head as ColumnKey;
}
