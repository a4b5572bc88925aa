import data from './gbt4754.json' with { type: 'json' };

/** A GB/T 4754-2017 section (门类), A–T. */
export interface IndustrySection {
  code: string;
  name: string;
  nameEn: string;
}

/** A GB/T 4754-2017 division (大类), 01–97, with its section. */
export interface IndustryDivision {
  code: string;
  name: string;
  nameEn: string;
  section: string;
}

/** The edition transcribed in gbt4754.json (see README.md: to be replaced by the official data file). */
export const GBT4754_EDITION: string = data.standard;

/** All 20 sections in code order. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = data.sections.map(({ code, name, nameEn }) => ({
  code,
  name,
  nameEn,
}));

/** All 97 divisions in code order. */
export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = data.sections.flatMap((s) =>
  s.divisions.map((d) => ({ ...d, section: s.code })),
);

/**
 * 工业 in Chinese statistics is sections B (采矿业), C (制造业) and D (电力、热力、燃气及水生产和供应业); the
 * programme's "above-scale industrial enterprises" (规模以上工业企业) are drawn from these.
 */
export const INDUSTRIAL_SECTIONS: readonly string[] = ['B', 'C', 'D'];

const sectionMap = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));
const divisionMap = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

/** Looks up a section by its letter. */
export const sectionByCode = (code: string): IndustrySection | undefined => sectionMap.get(code);

/** Looks up a division by its two-digit code; longer codes (中类, 小类) resolve to their division. */
export const divisionByCode = (code: string): IndustryDivision | undefined =>
  divisionMap.get(code.slice(0, 2));

/** The section letter of a division (or longer industry code), or undefined when unknown. */
export const sectionOf = (divisionCode: string): string | undefined => divisionByCode(divisionCode)?.section;

/** The divisions of a section, in code order. */
export const divisionsOf = (sectionCode: string): IndustryDivision[] =>
  INDUSTRY_DIVISIONS.filter((d) => d.section === sectionCode);

/** Whether an industry code falls in sections B, C or D (工业, statistical definition). */
export const isIndustrial = (divisionCode: string): boolean => {
  const s = sectionOf(divisionCode);
  return s !== undefined && INDUSTRIAL_SECTIONS.includes(s);
};
