import { MAINLAND_PROVINCES, prefectureByCode, prefecturesOf } from '../../../lib/china/gbt2260';
import { divisionByCode, divisionsOf, INDUSTRY_SECTIONS, sectionByCode } from '../../../lib/china/gbt4754';

/** Options and namers over GB/T 2260 places and GB/T 4754 industries, in the UI language. */
export function placesFor(en: boolean) {
  const label = (x: { name: string; nameEn: string }) => (en ? x.nameEn : x.name);
  return {
    provinces: MAINLAND_PROVINCES.map((p) => ({ value: p.code, label: label(p) })),
    cities: (provinceCode: string | undefined) =>
      provinceCode
        ? prefecturesOf(provinceCode).map((c) => ({ value: c.code, label: `${label(c)} (${c.code})` }))
        : [],
    sections: INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${label(s)}` })),
    /** Divisions grouped by section, each as "39 计算机、通信和其他电子设备制造业". */
    divisions: INDUSTRY_SECTIONS.map((s) => ({
      label: `${s.code} ${label(s)}`,
      options: divisionsOf(s.code).map((d) => ({ value: d.code, label: `${d.code} ${label(d)}` })),
    })),
    cityName: (code: string) => {
      const c = prefectureByCode(code);
      return c ? label(c) : code;
    },
    divisionName: (code: string) => {
      const d = divisionByCode(code);
      return d ? `${d.code} ${label(d)}` : code;
    },
    sectionName: (code: string) => {
      const s = sectionByCode(code);
      return s ? label(s) : code;
    },
  };
}
