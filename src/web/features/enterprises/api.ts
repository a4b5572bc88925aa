import type { z } from 'zod';
import type {
  CreateEnterpriseBody,
  Enterprise,
  ImportResult,
  TopDecileList,
  UpdateEnterpriseBody,
} from '../../../contracts/enterprises';
import { http } from '../../lib/api';
import type { Page } from '../../lib/types';

/** Registry list filters (inside the caller's scope). */
export interface EnterpriseFilter {
  q?: string;
  provinceCode?: string;
  cityCode?: string;
  industrySection?: string;
  industryDivision?: string;
  aboveSize?: 'true' | 'false';
  topDecile?: 'true' | 'false';
  cursor?: string;
  limit?: number;
}

/** The import's spreadsheet media types, by file extension. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeOf = (file: File) => (file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv');

/** The enterprise registry endpoints. */
export const enterprisesApi = {
  list: (f: EnterpriseFilter) => http.get<Page<Enterprise>>('/api/enterprises', { ...f }),
  get: (id: string) => http.get<Enterprise>(`/api/enterprises/${encodeURIComponent(id)}`),
  create: (body: z.input<typeof CreateEnterpriseBody>) => http.post<Enterprise>('/api/enterprises', body),
  update: (id: string, body: z.input<typeof UpdateEnterpriseBody>) =>
    http.patch<Enterprise>(`/api/enterprises/${encodeURIComponent(id)}`, body),
  topDecile: (provinceCode?: string) =>
    http.get<z.infer<typeof TopDecileList>>('/api/enterprises/top-decile', { provinceCode }),
  import: (file: File, opts: { preview: boolean; skipInvalid: boolean }) =>
    http.upload<z.infer<typeof ImportResult>>(
      'POST',
      `/api/enterprises/import?preview=${opts.preview}&skipInvalid=${opts.skipInvalid}`,
      file,
      typeOf(file),
    ),
};
