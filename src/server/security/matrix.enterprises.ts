import { usccCheckCharacter } from '../../lib/china/uscc';
import { type Case, type Expect, kindAdmins, kinds, type Who } from './matrix.support';

/** The kinds the registry serves: regulators in their scope and enterprises for themselves. */
const inRegistry = (w: Exclude<Who, null>) =>
  ['ministry', 'provincial-regulator', 'enterprise'].includes(w.kind);
const readers: Expect = (w) => (!w ? 401 : inRegistry(w) ? 200 : 403);
/** Regulator staff edit any field and an enterprise's admins their own revenue; the service refuses its members. */
const editors: Expect = (w) =>
  !w
    ? 401
    : inRegistry(w) && (w.role === 'admin' || (w.role === 'member' && w.kind !== 'enterprise'))
      ? 200
      : 403;

/** A Guangdong profile with a USCC unique to matrix case `n`. */
const profile = (n: number) => {
  const first17 = `91440300MC${String(n).padStart(7, '0')}`;
  return {
    uscc: first17 + usccCheckCharacter(first17),
    name: `矩阵企业登记${n}`,
    provinceCode: '440000',
    cityCode: '440300',
    industryDivision: '39',
    sector: 'industry',
    aboveSize: true,
    annualRevenueYuan: 100_000_000 + n,
    revenueYear: 2025,
  };
};
const csvOf = (p: ReturnType<typeof profile>) =>
  `统一社会信用代码,企业名称,省份,城市,行业代码,规上,年营业收入,营业收入年度\r\n${[
    p.uscc,
    p.name,
    p.provinceCode,
    p.cityCode,
    p.industryDivision,
    '是',
    p.annualRevenueYuan,
    p.revenueYear,
  ].join(',')}\r\n`;

/**
 * The matrix rows of every registry route. Actors' own target is the demo Guangdong enterprise (ent.gd1's org,
 * in the Guangdong regulator's scope); the outsider's is the Zhejiang enterprise.
 */
export const enterpriseCases = (): Record<string, Case> => ({
  'GET /api/enterprises': { expect: readers, req: () => ({ url: '/api/enterprises' }) },
  'GET /api/enterprises/top-decile': {
    expect: kinds(['ministry', 'provincial-regulator'], 200),
    req: () => ({ url: '/api/enterprises/top-decile?provinceCode=440000' }),
  },
  'GET /api/enterprises/:id': {
    expect: readers,
    req: (o) => ({ url: `/api/enterprises/${o.enterpriseId}` }),
  },
  'POST /api/enterprises': {
    expect: kindAdmins(['ministry', 'provincial-regulator'], 201),
    req: (_o, n) => ({ url: '/api/enterprises', payload: profile(n) }),
  },
  'PATCH /api/enterprises/:id': {
    expect: editors,
    // Strangers who pass the route's role check learn nothing: 404 before the service's 403.
    foreign: (w) => (!w ? 401 : inRegistry(w) && w.role !== 'viewer' ? 404 : 403),
    req: (o) => ({
      url: `/api/enterprises/${o.enterpriseId}`,
      payload: { annualRevenueYuan: 1_860_000_000, revenueYear: 2025 },
    }),
  },
  'POST /api/enterprises/import': {
    expect: kindAdmins(['ministry', 'provincial-regulator'], 200),
    req: (_o, n) => ({
      url: '/api/enterprises/import',
      payload: csvOf(profile(n)),
      headers: { 'content-type': 'text/csv' },
    }),
  },
});
