import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import type { AuditEvent } from '../../modules/audit';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import type { Services } from '../../services';
import type { Rng } from './random';

/**
 * What the national seed writes through (the audit chain, the keyring and the regulation packs), and the
 * supervision read model it rebuilds afterwards when given.
 */
export type NationalServices = Pick<Services, 'audit' | 'keyring' | 'packs'> &
  Partial<Pick<Services, 'supervision'>>;

/** One generated enterprise as the later phases need it. */
export interface SeedEnterprise {
  orgId: string;
  adminUserId: string;
  memberUserId: string;
  name: string;
  uscc: string;
  provinceCode: string;
  cityCode: string;
  division: string;
  sector: 'industry' | 'telecom' | 'radio';
  aboveSize: boolean;
  revenueYuan: number | null;
  /** In the province's stored top 10 % after the recomputation (filled in by the enterprises phase). */
  topDecile: boolean;
  /** 0 (smallest) … 1 (largest): how active the enterprise is in the programme. */
  size: number;
  /** Keeps a data catalog (filled in by the catalog phase). */
  cataloged: boolean;
  /** Holds an approved catalog filing (filled in by the catalog phase). */
  approved: boolean;
}

/** A seeded organisation with its admin user. */
export interface SeedOrg {
  orgId: string;
  userId: string;
  name: string;
  provinceCode: string | null;
}

/** The shared state of one national seed run, inside its one transaction. */
export interface NationalRun {
  tx: Db;
  ctx: RequestContext;
  now: Date;
  /** The programme period's first day as generated data starts it (2024-03-01, Shanghai). */
  from: Date;
  rng: Rng;
  services: NationalServices;
  programme: ProgrammePacks;
  /** Enterprises asked for ÷ 50,000: how far per-programme counts scale. */
  scale: number;
  passwordHash: string;
  ministry: SeedOrg;
  regulators: Map<string, SeedOrg>;
  vendors: SeedOrg[];
  researchers: SeedOrg[];
  enterprises: SeedEnterprise[];
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Audit events to append, in order, as the transaction's last write. */
  audit: AuditEvent[];
}

const DAY_MS = 86_400_000;

/** Adds (possibly fractional) days to an instant. */
export const plusDays = (d: Date, days: number) => new Date(d.getTime() + Math.round(days * DAY_MS));

/** Adds minutes to an instant. */
export const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + Math.round(minutes * 60_000));

/** The later of two instants. */
export const maxDate = (a: Date, b: Date) => (a > b ? a : b);

/** The earlier of two instants. */
export const minDate = (a: Date, b: Date) => (a < b ? a : b);

/** Adds `n` to a count. */
export const tally = (run: NationalRun, table: string, n: number) => {
  run.counts[table] = (run.counts[table] ?? 0) + n;
};

/** The first instant of a Shanghai calendar year. */
export const startOfShanghaiYear = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
