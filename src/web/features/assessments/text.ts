import { useTranslation } from 'react-i18next';

/** Picks the zh or en text of a bilingual pack value for the current language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (v: { zh: string; en: string }) => (i18n.language === 'en' ? v.en : v.zh);
}

/** A score rounded to one decimal, or a dash when nothing was applicable. */
export const pct = (s: number | null | undefined) =>
  s === null || s === undefined ? '—' : `${Math.round(s * 10) / 10}`;
