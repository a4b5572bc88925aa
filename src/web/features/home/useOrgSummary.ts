import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { OrgSummary } from '../../lib/types';
import { type AsyncState, useAsync } from '../../lib/useAsync';
import type { ProvinceRow } from './ProvinceRanking';

/** GET /api/orgs/summary plus its provinces with enterprises, largest first, named in the UI language. */
export function useOrgSummary(): { summary: AsyncState<OrgSummary>; provinces: ProvinceRow[] } {
  const { i18n } = useTranslation();
  const summary = useAsync(() => api.orgSummary(), []);
  const provinces = (summary.data?.byProvince ?? [])
    .filter((p) => p.enterprises > 0)
    .sort((a, b) => b.enterprises - a.enterprises)
    .map((p) => ({
      code: p.provinceCode,
      name: i18n.language === 'en' ? p.nameEn : p.name,
      value: p.enterprises,
    }));
  return { summary, provinces };
}
