import type { Enterprise, EnterpriseFields, Sector } from '../../../contracts/enterprises';
import type { ProfileWithName } from './enterprises.repository';

/** The profile fields of a stored row (what an update merges into). */
export const fieldsOf = (r: ProfileWithName): EnterpriseFields => ({
  uscc: r.uscc,
  name: r.name,
  provinceCode: r.provinceCode,
  cityCode: r.cityCode,
  industryDivision: r.industryDivision,
  sector: r.sector as Sector,
  aboveSize: r.aboveSize,
  annualRevenueYuan: r.annualRevenueYuan,
  revenueYear: r.revenueYear,
  officer:
    r.officerName === null
      ? null
      : {
          name: r.officerName,
          title: r.officerTitle ?? '',
          phone: r.officerPhone ?? '',
          email: r.officerEmail ?? '',
        },
});

/** Profile row → API shape. */
export const toEnterprise = (r: ProfileWithName): Enterprise => ({
  id: r.orgId,
  ...fieldsOf(r),
  industrySection: r.industrySection,
  topDecile: r.topDecile,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Profile fields → the stored officer columns. */
export const officerColumns = (o: EnterpriseFields['officer']) => ({
  officerName: o?.name ?? null,
  officerTitle: o?.title ?? null,
  officerPhone: o?.phone ?? null,
  officerEmail: o?.email ?? null,
});

/** The fields whose values differ between two profiles. */
export const changedFields = (a: EnterpriseFields, b: EnterpriseFields): (keyof EnterpriseFields)[] =>
  (Object.keys(a) as (keyof EnterpriseFields)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
