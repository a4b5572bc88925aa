import provinces from './gbt2260-provinces.json' with { type: 'json' };

/** A GB/T 2260 province-level division. */
export interface Province {
  code: string;
  name: string;
  nameEn: string;
}

/** All 34 province-level divisions in GB/T 2260 order. */
export const PROVINCES: readonly Province[] = provinces;

/** The 31 mainland provinces, which the 2024–2026 programme tracks. */
export const MAINLAND_PROVINCES: readonly Province[] = provinces.filter((p) => Number(p.code) < 710000);

const byCode = new Map(provinces.map((p) => [p.code, p]));

/** Looks up a province by its six-digit code. */
export const provinceByCode = (code: string): Province | undefined => byCode.get(code);

/** The province-level code (first two digits + 0000) of any GB/T 2260 division code. */
export const provinceOf = (divisionCode: string) => `${divisionCode.slice(0, 2)}0000`;
