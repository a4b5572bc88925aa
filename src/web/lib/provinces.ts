import { useTranslation } from 'react-i18next';
import { api } from './api';
import type { ProvinceT } from './types';
import { useAsync } from './useAsync';

let cached: Promise<ProvinceT[]> | null = null;

// Reference data never changes within a page's lifetime, so one request serves every component.
const loadProvinces = (): Promise<ProvinceT[]> => {
  cached ??= api.provinces().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
};

/** GB/T 2260 provinces plus a namer that follows the UI language. */
export function useProvinces(): {
  provinces: ProvinceT[];
  nameOf: (code: string | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const { data } = useAsync(loadProvinces, []);
  const provinces = data ?? [];
  const en = i18n.language === 'en';
  const nameOf = (code: string | null | undefined): string => {
    if (!code) return '—';
    const p = provinces.find((x) => x.code === code);
    return p ? (en ? p.nameEn : p.name) : code;
  };
  return { provinces, nameOf };
}
