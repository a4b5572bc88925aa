import type { Case, Expect } from './matrix.support';
import { kindAdmins, kinds } from './matrix.support';

const regulators: Expect = kinds(['ministry', 'provincial-regulator'], 200);

/** The matrix rows of every supervision route; the `:kind` parameter names a list, not another tenant's object. */
export const supervisionCases = (): Record<string, Case> => ({
  'GET /api/supervision/overview': { expect: regulators, req: () => ({ url: '/api/supervision/overview' }) },
  'GET /api/supervision/trends': { expect: regulators, req: () => ({ url: '/api/supervision/trends' }) },
  'GET /api/supervision/lists/:kind': {
    expect: regulators,
    req: () => ({ url: '/api/supervision/lists/enterprises?limit=5' }),
    foreign: regulators,
  },
  'GET /api/supervision/lists/:kind/export': {
    expect: regulators,
    req: () => ({ url: '/api/supervision/lists/training/export?format=csv' }),
    foreign: regulators,
  },
  'GET /api/supervision/report.pdf': {
    expect: regulators,
    req: () => ({ url: '/api/supervision/report.pdf' }),
  },
  'POST /api/supervision/refresh': {
    expect: kindAdmins(['ministry', 'provincial-regulator'], 200),
    req: () => ({ url: '/api/supervision/refresh' }),
  },
});
