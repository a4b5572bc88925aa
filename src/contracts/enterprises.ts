import { z } from 'zod';
import { Timestamp } from './common';
import { ProvinceCode } from './identity';

/** The fields of 工信部网安〔2022〕166号 a processor falls under: industrial, telecom or radio data. */
export const Sector = z.enum(['industry', 'telecom', 'radio']);
/** A sector. */
export type Sector = z.infer<typeof Sector>;

/** Unified social credit code (GB 32100-2015); lower case is accepted and upper-cased, the check is server-side. */
export const Uscc = z.string().trim().toUpperCase().length(18);

/** GB/T 2260 second-level (prefecture) code, such as 440300 for 深圳市. */
export const CityCode = z.string().regex(/^\d{4}00$/, 'must be a GB/T 2260 prefecture code such as 440300');

/** GB/T 4754-2017 division (大类) code, two digits such as 39. */
export const IndustryDivision = z
  .string()
  .regex(/^\d{2}$/, 'must be a GB/T 4754-2017 division code such as 39');

/** The enterprise's data-security officer (数据安全负责人). */
export const Officer = z.strictObject({
  name: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(5).max(40),
  email: z.email().max(254),
});

const RevenueYuan = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Annual revenue in yuan');
const RevenueYear = z.number().int().min(1990).max(2100);

/** The registry profile fields (province and city are GB/T 2260, industry GB/T 4754-2017). */
export const EnterpriseFields = z.strictObject({
  uscc: Uscc,
  name: z.string().trim().min(1).max(200),
  provinceCode: ProvinceCode,
  cityCode: CityCode,
  industryDivision: IndustryDivision,
  sector: Sector,
  aboveSize: z.boolean().describe('规模以上 as recorded by the statistics bureau'),
  annualRevenueYuan: RevenueYuan.nullable().default(null),
  revenueYear: RevenueYear.nullable().default(null),
  officer: Officer.nullable().default(null),
});
/** Registry profile fields. */
export type EnterpriseFields = z.infer<typeof EnterpriseFields>;

/** Registers an enterprise: creates its org, or links an existing enterprise org without a profile. */
export const CreateEnterpriseBody = EnterpriseFields.extend({
  orgId: z.uuid().optional().describe('An existing enterprise org to link instead of creating one'),
});

/** Changes to a profile; an enterprise's own admins may send only `officer`, `annualRevenueYuan`, `revenueYear`. */
export const UpdateEnterpriseBody = z.strictObject({
  uscc: Uscc.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  provinceCode: ProvinceCode.optional(),
  cityCode: CityCode.optional(),
  industryDivision: IndustryDivision.optional(),
  sector: Sector.optional(),
  aboveSize: z.boolean().optional(),
  annualRevenueYuan: RevenueYuan.nullable().optional(),
  revenueYear: RevenueYear.nullable().optional(),
  officer: Officer.nullable().optional(),
});

/** An enterprise profile as the API returns it; `id` is the enterprise's org id (the profile is 1:1 with it). */
export const Enterprise = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  industrySection: z.string().describe('GB/T 4754-2017 section (门类) letter of the division'),
  industryDivision: z.string(),
  sector: Sector,
  aboveSize: z.boolean(),
  annualRevenueYuan: z.number().int().nullable(),
  revenueYear: z.number().int().nullable(),
  officer: Officer.nullable(),
  topDecile: z
    .boolean()
    .describe('In its province\u2019s top 10 % by revenue (34号), recomputed on every change'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** An enterprise profile. */
export type Enterprise = z.infer<typeof Enterprise>;

/** Filters for the registry list (inside the caller's scope). */
export const EnterpriseListQuery = z.strictObject({
  provinceCode: ProvinceCode.optional(),
  cityCode: CityCode.optional(),
  industrySection: z
    .string()
    .regex(/^[A-T]$/, 'must be a GB/T 4754-2017 section letter A–T')
    .optional(),
  industryDivision: IndustryDivision.optional(),
  aboveSize: z.enum(['true', 'false']).optional(),
  topDecile: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name, or the start of the USCC'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Which province's top 10 % to list; a provincial regulator's own by default. */
export const TopDecileQuery = z.strictObject({ provinceCode: ProvinceCode.optional() });

/** A province's top 10 % by revenue among its above-size industrial enterprises, highest revenue first. */
export const TopDecileList = z.object({
  provinceCode: z.string(),
  population: z.number().int().describe('Above-size industrial enterprises (GB/T 4754 sections B, C, D)'),
  quota: z.number().int().describe('ceil(10 % × population)'),
  computedAt: Timestamp.nullable(),
  items: z.array(Enterprise),
});

/** Import options: `preview` writes nothing; `skipInvalid` applies the valid rows when some are invalid. */
export const ImportQuery = z.strictObject({
  preview: z.enum(['true', 'false']).default('false'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
});

/** One problem in an import file; `row` is the spreadsheet row number (the header is row 1). */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable().describe('The column header as written in the file'),
  field: z.string().nullable(),
  message: z.string(),
  code: z.string(),
});

/** What an import did (or, in preview, would do) with each valid row. */
export const ImportOutcome = z.object({
  row: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  action: z.enum(['create', 'link', 'update', 'unchanged']),
  enterpriseId: z.uuid().nullable().describe('Null for rows that would create an org (preview)'),
});

/** The import report. */
export const ImportResult = z.object({
  preview: z.boolean(),
  applied: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  linked: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  outcomes: z.array(ImportOutcome),
  rows: z.array(ImportRowError),
});
