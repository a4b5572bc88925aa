import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgs, users } from '../../modules/identity/identity.table';
import { products } from '../../modules/products/products.table';
import { insertAll } from './bulk';
import { type NationalRun, type SeedOrg, tally } from './context';
import { PROVINCE_WEIGHTS, PROVINCES, regulatorName, shortName } from './places';
import { PRODUCT_LINES, personName, tradeName } from './vocab';

/** The email domain of every login the national seed creates. */
export const NATIONAL_DOMAIN = 'bulwark.national';

/** A seeded vendor's product, for vulnerability reports. */
export interface SeedProduct {
  id: string;
  vendor: SeedOrg;
  name: string;
  model: string;
  versions: string[];
}

type NewOrg = { kind: string; name: string; provinceCode: string | null; email: string; userName: string };

/** The first org of a kind (in a province) with its earliest user, if one exists. */
async function existing(tx: Db, kind: string, provinceCode?: string): Promise<SeedOrg | undefined> {
  const [r] = await tx
    .select({ orgId: orgs.id, userId: users.id, name: orgs.name, provinceCode: orgs.provinceCode })
    .from(orgs)
    .innerJoin(users, eq(users.orgId, orgs.id))
    .where(and(eq(orgs.kind, kind), provinceCode ? eq(orgs.provinceCode, provinceCode) : undefined))
    .orderBy(asc(orgs.createdAt), asc(users.createdAt))
    .limit(1);
  return r;
}

/** Creates orgs with one admin each, audited like `users.createOrgWithAdmin` (org.bootstrapped). */
async function createOrgs(run: NationalRun, label: string, list: readonly NewOrg[]): Promise<SeedOrg[]> {
  const rng = run.rng.fork(`${label}-ids`);
  const out = list.map((o) => ({ ...o, orgId: rng.uuid(), userId: rng.uuid() }));
  const at = { createdAt: run.now, updatedAt: run.now };
  await insertAll(
    run.tx,
    orgs,
    out.map((o) => ({ id: o.orgId, kind: o.kind, name: o.name, provinceCode: o.provinceCode, ...at })),
  );
  await insertAll(
    run.tx,
    users,
    out.map((o) => ({
      id: o.userId,
      orgId: o.orgId,
      email: o.email,
      name: o.userName,
      passwordHash: run.passwordHash,
      role: 'admin',
      ...at,
    })),
  );
  for (const o of out) {
    run.audit.push({
      action: 'org.bootstrapped',
      entityType: 'org',
      entityId: o.orgId,
      orgId: o.orgId,
      data: { kind: o.kind, name: o.name, adminUserId: o.userId, adminEmail: o.email, source: 'seed' },
    });
  }
  tally(run, 'orgs', out.length);
  tally(run, 'users', out.length);
  return out.map((o) => ({ orgId: o.orgId, userId: o.userId, name: o.name, provinceCode: o.provinceCode }));
}

/**
 * The ministry (when missing), a provincial regulator for every mainland province that lacks one
 * (`reg.<province code>@bulwark.national`), vendors with product lines, and independent researchers.
 */
export async function seedOrgs(run: NationalRun): Promise<SeedProduct[]> {
  const rng = run.rng.fork('orgs');
  const ministry = await existing(run.tx, 'ministry');
  run.ministry =
    ministry ??
    (
      await createOrgs(run, 'ministry', [
        {
          kind: 'ministry',
          name: '工业和信息化部网络安全管理局',
          provinceCode: null,
          email: `ministry@${NATIONAL_DOMAIN}`,
          userName: '部级管理员',
        },
      ])
    )[0]!;

  const missing: NewOrg[] = [];
  for (const p of PROVINCES) {
    const found = await existing(run.tx, 'provincial-regulator', p.code);
    if (found) run.regulators.set(p.code, found);
    else {
      missing.push({
        kind: 'provincial-regulator',
        name: regulatorName(p.code, p.name),
        provinceCode: p.code,
        email: `reg.${p.code}@${NATIONAL_DOMAIN}`,
        userName: `${shortName(p.name)}监管员`,
      });
    }
  }
  for (const r of await createOrgs(run, 'regulators', missing)) run.regulators.set(r.provinceCode!, r);

  const vendorCount = Math.max(3, Math.round(40 * run.scale));
  const codes = Object.keys(PROVINCE_WEIGHTS);
  const weights = codes.map((c) => PROVINCE_WEIGHTS[c]!);
  run.vendors = await createOrgs(
    run,
    'vendors',
    Array.from({ length: vendorCount }, (_, i) => ({
      kind: 'vendor',
      name: `${tradeName(rng)}${rng.pick(['网络技术', '工控科技', '智能装备', '信息安全'])}${rng.chance(0.5) ? '股份' : ''}有限公司`,
      provinceCode: rng.weightedOf(codes, weights),
      email: `vendor.${String(i + 1).padStart(3, '0')}@${NATIONAL_DOMAIN}`,
      userName: `${personName(rng)}（PSIRT）`,
    })),
  );
  run.researchers = await createOrgs(
    run,
    'researchers',
    Array.from({ length: Math.max(2, Math.round(8 * run.scale)) }, (_, i) => {
      const name = personName(rng);
      return {
        kind: 'researcher',
        name: `独立安全研究员 ${name}`,
        provinceCode: null,
        email: `researcher.${String(i + 1).padStart(3, '0')}@${NATIONAL_DOMAIN}`,
        userName: name,
      };
    }),
  );
  return seedProducts(run);
}

/** Three to six product lines per vendor, each with a few released versions. */
async function seedProducts(run: NationalRun): Promise<SeedProduct[]> {
  const rng = run.rng.fork('products');
  const out: SeedProduct[] = [];
  for (const vendor of run.vendors) {
    for (const line of rng.sample(PRODUCT_LINES, rng.int(3, 6))) {
      const major = rng.int(1, 6);
      const versions = Array.from({ length: rng.int(2, 5) }, (_, i) => `${major}.${i}.${rng.int(0, 9)}`);
      out.push({
        id: rng.uuid(),
        vendor,
        name: line.name,
        model: `${line.model}-${rng.int(1, 9)}${rng.pick(['000', '100', '200', '500'])}`,
        versions,
      });
    }
  }
  await insertAll(
    run.tx,
    products,
    out.map((p) => ({
      id: p.id,
      vendorOrgId: p.vendor.orgId,
      name: p.name,
      model: p.model,
      versions: p.versions,
      versionRanges: [{ introduced: p.versions[0]! }],
      purl: `pkg:generic/${p.model.toLowerCase()}@${p.versions.at(-1)}`,
      createdAt: run.now,
      updatedAt: run.now,
    })),
  );
  tally(run, 'products', out.length);
  return out;
}
