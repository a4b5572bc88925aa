import type { z } from 'zod';
import type { CoverageSummary, ProgrammeOverview } from '../../../contracts/programme';
import { http } from '../../lib/api';

/** The programme home endpoints. */
export const programmeApi = {
  overview: () => http.get<z.infer<typeof ProgrammeOverview>>('/api/programme/overview'),
  enterpriseOverview: (id: string) =>
    http.get<z.infer<typeof ProgrammeOverview>>(
      `/api/programme/enterprises/${encodeURIComponent(id)}/overview`,
    ),
  coverage: (provinceCode?: string) =>
    http.get<z.infer<typeof CoverageSummary>>('/api/programme/coverage', { provinceCode }),
};
