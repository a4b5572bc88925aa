import prefectures from './gbt2260-cities.json' with { type: 'json' };
import provinces from './gbt2260-provinces.json' with { type: 'json' };

// Codes and names follow the Ministry of Civil Affairs' county-level-and-above code list (the published
// continuation of GB/T 2260-2007) as it stood around 2023, transcribed by hand; see README.md. Replace the
// two JSON files with the official data file when one is bundled.

/** A GB/T 2260 province-level division. */
export interface Province {
  code: string;
  name: string;
  nameEn: string;
}

/** What a second-level (prefecture-level) GB/T 2260 entry is. */
export type PrefectureKind =
  | 'prefecture-city'
  | 'prefecture'
  | 'autonomous-prefecture'
  | 'league'
  | 'municipal-districts'
  | 'municipal-counties'
  | 'province-administered';

/**
 * A second-level GB/T 2260 entry: a prefecture-level division (地级市, 地区, 自治州, 盟), or one of the code-list
 * groupings that stand in that position (a municipality's 市辖区 or 县, a province's 省直辖县级行政区划).
 */
export interface Prefecture {
  code: string;
  name: string;
  nameEn: string;
  kind: PrefectureKind;
}

/** All 34 province-level divisions in GB/T 2260 order. */
export const PROVINCES: readonly Province[] = provinces;

/** The 31 mainland provinces, which the 2024–2026 programme tracks. */
export const MAINLAND_PROVINCES: readonly Province[] = provinces.filter((p) => Number(p.code) < 710000);

/** Second-level entries of the 31 mainland provinces, in code order. */
export const PREFECTURES: readonly Prefecture[] = prefectures as Prefecture[];

const byCode = new Map(provinces.map((p) => [p.code, p]));
const prefectureMap = new Map(PREFECTURES.map((p) => [p.code, p]));

/** Looks up a province by its six-digit code. */
export const provinceByCode = (code: string): Province | undefined => byCode.get(code);

/** The province-level code (first two digits + 0000) of any GB/T 2260 division code. */
export const provinceOf = (divisionCode: string) => `${divisionCode.slice(0, 2)}0000`;

/** The second-level code (first four digits + 00) of any county- or prefecture-level division code. */
export const prefectureOf = (divisionCode: string) => `${divisionCode.slice(0, 4)}00`;

/** Looks up a second-level entry by its six-digit code. */
export const prefectureByCode = (code: string): Prefecture | undefined => prefectureMap.get(code);

/** The second-level entries of a province, in code order (empty for an unknown or non-mainland province). */
export const prefecturesOf = (provinceCode: string): Prefecture[] =>
  PREFECTURES.filter((p) => provinceOf(p.code) === provinceCode);

/** Whether `code` names a known province or second-level entry. */
export const isKnownDivision = (code: string) => byCode.has(code) || prefectureMap.has(code);
