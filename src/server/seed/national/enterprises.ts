import { eq, sql } from 'drizzle-orm';
import type { EnterpriseFields } from '../../../contracts/enterprises';
import { enterpriseProfiles } from '../../modules/enterprises/enterprises.table';
import { profileProblems } from '../../modules/enterprises/profile-rules';
import { createRegistry } from '../../modules/enterprises/registry';
import { orgs, users } from '../../modules/identity/identity.table';
import { shanghaiYear } from '../../programme-rules/coverage';
import { insertAll } from './bulk';
import { type NationalRun, type SeedEnterprise, tally } from './context';
import { NATIONAL_DOMAIN } from './orgs';
import { PROVINCE_WEIGHTS, PROVINCES, pickCity, placeName } from './places';
import { apportion, type Rng } from './random';
import { generateUscc } from './uscc';
import { companyName, OFFICER_TITLES, personName } from './vocab';

// GB/T 4754-2017 sections of the registry: mostly manufacturing (C), then utilities (D), mining (B), telecom and
// software (I) and R&D (M). Division weights follow the rough size of each manufacturing branch.
const SECTIONS = { C: 86, D: 5, B: 4, I: 4, M: 1 };
const DIVISIONS: Record<keyof typeof SECTIONS, Record<string, number>> = {
  B: { '06': 3, '07': 0.5, '08': 1, '09': 1, '10': 3, '11': 0.3, '12': 0.1 },
  C: {
    '13': 4,
    '14': 2.5,
    '15': 1.5,
    '16': 0.1,
    '17': 4,
    '18': 3,
    '19': 1.5,
    '20': 1.5,
    '21': 1.5,
    '22': 2,
    '23': 1.2,
    '24': 2,
    '25': 1,
    '26': 6,
    '27': 3,
    '28': 0.6,
    '29': 5,
    '30': 6,
    '31': 1.5,
    '32': 2,
    '33': 6,
    '34': 7,
    '35': 6,
    '36': 5,
    '37': 1.5,
    '38': 8,
    '39': 9,
    '40': 2,
    '41': 0.5,
    '42': 0.8,
    '43': 0.3,
  },
  D: { '44': 6, '45': 2, '46': 2 },
  I: { '63': 4, '64': 2, '65': 3 },
  M: { '73': 1 },
};

/** 规模以上 starts at 20 million yuan of annual main-business revenue (NBS, since 2011). */
const ABOVE_SIZE_YUAN = 20_000_000;

/**
 * Revenue in yuan, rounded to 10,000: above-size enterprises lognormal (median ≈ 90 million, mean ≈ 280 million, the
 * national average order) above the threshold, with a Pareto tail for the largest groups; smaller enterprises
 * below the threshold, a fifth of them without a reported figure.
 */
function revenue(rng: Rng, aboveSize: boolean): number | null {
  const round = (v: number) => Math.round(v / 10_000) * 10_000;
  if (aboveSize) {
    if (rng.chance(0.01)) return round(Math.min(rng.pareto(5e9, 1.1), 8e11));
    for (let i = 0; i < 6; i++) {
      const v = rng.lognormal(9e7, 1.5);
      if (v >= ABOVE_SIZE_YUAN) return round(v);
    }
    return round(ABOVE_SIZE_YUAN * (1 + rng.float()));
  }
  if (rng.chance(0.2)) return null;
  return round(Math.min(Math.max(rng.lognormal(6e6, 0.8), 200_000), ABOVE_SIZE_YUAN - 10_000));
}

/** How far an enterprise takes part in the programme, from its revenue: 0 small … 1 the largest groups. */
const sizeOf = (rev: number | null, aboveSize: boolean) =>
  !aboveSize || rev === null ? 0.1 : Math.min(1, Math.max(0.2, (Math.log10(rev) - 7.3) / 3.5));

const mobile = (rng: Rng) =>
  `1${rng.pick(['35', '38', '39', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

/** The profiles of `n` enterprises over the 31 provinces, weighted by industry (every province at least n/1000). */
function generate(run: NationalRun, n: number, taken: Set<string>) {
  const rng = run.rng.fork('enterprises');
  const ids = run.rng.fork('enterprise-user-ids');
  const perProvince = apportion(n, PROVINCE_WEIGHTS, Math.max(1, Math.floor(n / 1000)));
  const revenueYear = shanghaiYear(run.now) - 1;
  const out: { fields: EnterpriseFields; e: Omit<SeedEnterprise, 'orgId'> }[] = [];
  for (const p of PROVINCES) {
    for (let i = 1; i <= perProvince[p.code]!; i++) {
      const city = pickCity(rng, p.code);
      const section = rng.weighted(SECTIONS);
      const division = rng.weighted(DIVISIONS[section]);
      const sector =
        division === '63'
          ? rng.chance(0.8)
            ? 'telecom'
            : 'radio'
          : division === '64'
            ? 'telecom'
            : 'industry';
      const aboveSize = rng.chance(section === 'I' || section === 'M' ? 0.4 : 0.6);
      const rev = revenue(rng, aboveSize);
      let uscc = generateUscc(rng, city.code);
      while (taken.has(uscc)) uscc = generateUscc(rng, city.code);
      taken.add(uscc);
      const login = `e${p.code.slice(0, 2)}.${String(i).padStart(5, '0')}`;
      const officer = personName(rng);
      const fields: EnterpriseFields = {
        uscc,
        name: companyName(rng, placeName(rng, city, p.name), division),
        provinceCode: p.code,
        cityCode: city.code,
        industryDivision: division,
        sector,
        aboveSize,
        annualRevenueYuan: rev,
        revenueYear: rev === null ? null : revenueYear,
        officer: {
          name: officer,
          title: rng.pick(OFFICER_TITLES),
          phone: mobile(rng),
          email: `${login}@${NATIONAL_DOMAIN}`,
        },
      };
      const problems = profileProblems(fields, run.now);
      if (problems.length) throw new Error(`generated profile ${uscc} is invalid: ${problems[0]!.message}`);
      out.push({
        fields,
        e: {
          adminUserId: ids.uuid(),
          memberUserId: ids.uuid(),
          name: fields.name,
          uscc,
          provinceCode: p.code,
          cityCode: city.code,
          division,
          sector,
          aboveSize,
          revenueYuan: rev,
          topDecile: false,
          size: sizeOf(rev, aboveSize),
          cataloged: false,
          approved: false,
        },
      });
    }
  }
  return out;
}

/**
 * Registers the enterprises through the registry's own write step (orgs and profiles in multi-row inserts, one
 * `enterprise.created` audit event each), adds an admin and a member login per enterprise, and re-ranks every
 * province with the registry's 34号 top-10 % recomputation, then reads the flags back.
 */
export async function seedEnterprises(run: NationalRun, n: number): Promise<void> {
  const registry = createRegistry({ plan: run.programme.plan });
  const taken = new Set(
    (await run.tx.select({ uscc: enterpriseProfiles.uscc }).from(enterpriseProfiles)).map((r) => r.uscc),
  );
  const generated = generate(run, n, taken);
  const writes = await registry.register(
    run.tx,
    run.ctx,
    generated.map((g) => ({ fields: g.fields, link: null })),
    'seed',
  );
  const rng = run.rng.fork('enterprise-users');
  const userRows: (typeof users.$inferInsert)[] = [];
  run.enterprises = generated.map((g, i) => {
    const e: SeedEnterprise = { ...g.e, orgId: writes[i]!.enterpriseId };
    const at = { passwordHash: run.passwordHash, createdAt: run.now, updatedAt: run.now };
    const email = g.fields.officer!.email;
    // The officer is the admin login; the member login is a colleague.
    userRows.push(
      { id: e.adminUserId, orgId: e.orgId, email, name: g.fields.officer!.name, role: 'admin', ...at },
      {
        id: e.memberUserId,
        orgId: e.orgId,
        email: email.replace('@', '.m@'),
        name: personName(rng),
        role: 'member',
        ...at,
      },
    );
    return e;
  });
  for (const w of writes) if (w.event) run.audit.push(w.event);
  await insertAll(run.tx, users, userRows);
  await registry.recompute(
    run.tx,
    run.now,
    PROVINCES.map((p) => p.code),
  );
  const top = new Set(
    (
      await run.tx
        .select({ orgId: enterpriseProfiles.orgId })
        .from(enterpriseProfiles)
        .where(eq(enterpriseProfiles.topDecile, true))
    ).map((r) => r.orgId),
  );
  for (const e of run.enterprises) e.topDecile = top.has(e.orgId);
  await backdateRegistrations(run);
  tally(run, 'orgs', n);
  tally(run, 'enterprise_profiles', n);
  tally(run, 'users', userRows.length);
}

/**
 * Registration dates like a roll-out: about 60 % of enterprises registered in the programme's first three months,
 * the rest spread evenly up to now, so registry trends rise over the period instead of jumping on the seed's day.
 */
async function backdateRegistrations(run: NationalRun): Promise<void> {
  const rng = run.rng.fork('registered');
  const from = run.from.getTime();
  const span = run.now.getTime() - from;
  const wave = Math.min(span, 92 * 86_400_000);
  const dated = run.enterprises.map((e) => ({
    id: e.orgId,
    at: new Date(from + Math.floor((rng.chance(0.6) ? wave : span) * rng.float())).toISOString(),
  }));
  for (let i = 0; i < dated.length; i += 1000) {
    const values = sql.join(
      dated.slice(i, i + 1000).map((d) => sql`(${d.id}::uuid, ${d.at}::timestamptz)`),
      sql`, `,
    );
    await run.tx.execute(
      sql`update ${orgs} set created_at = v.at from (values ${values}) as v(id, at) where ${orgs.id} = v.id`,
    );
  }
}
