import { useTranslation } from 'react-i18next';
import { MAINLAND_PROVINCES, prefectureByCode, provinceByCode } from '../../../lib/china/gbt2260';

/** Names of GB/T 2260 areas in the UI language, and the province options a ministry user picks from. */
export function useAreaNames() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const label = (x: { name: string; nameEn: string }) => (en ? x.nameEn : x.name);
  const provinceName = (code: string | null | undefined): string => {
    if (!code) return '—';
    const p = provinceByCode(code);
    return p ? label(p) : code;
  };
  const cityName = (code: string | null | undefined): string => {
    if (!code) return '—';
    const c = prefectureByCode(code);
    return c ? label(c) : code;
  };
  return {
    provinceName,
    cityName,
    /** An area code of any level: the nation (`CN`), a province or a city. */
    areaName: (code: string | null | undefined): string => {
      if (!code || code === 'CN') return t('supervision.scope.nation');
      return code.endsWith('0000') ? provinceName(code) : cityName(code);
    },
    provinceOptions: MAINLAND_PROVINCES.map((p) => ({ value: p.code, label: label(p) })),
  };
}
