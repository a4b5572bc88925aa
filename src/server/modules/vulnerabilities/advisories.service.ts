import { MissingCveIdError } from '../../../lib/formats';
import { AppError, notFound } from '../../core/errors';
import { advisoryCsaf, advisoryCve5, advisoryOsv } from './advisory-documents';
import { atomFeed } from './advisory-feed';
import type { VulnDeps } from './vulnerabilities.deps';
import { reportRepository } from './vulnerabilities.repository';
import type { AdvisoryRow } from './vulnerabilities.table';

/** The public snapshot an advisory carries: only what the publication request chose to publish. */
export interface AdvisoryContent {
  ref: string;
  vendorOrgId: string | null;
  reportedAt: string;
  title: string;
  description: string;
  vendorName: string;
  productName: string;
  productModel: string | null;
  productPurl: string | null;
  affectedVersions: string[];
  fixedVersions: string[];
  cwe: string | null;
  cvss: { vector: string; version: string; baseScore: number; severity: string }[];
  gbtGrade: string | null;
  externalIds: Record<string, string>;
  remediation: { kind: 'fix' | 'mitigation'; description: string; url: string | null };
  credits: string[];
}

/** Advisory row → public API shape. */
export const toAdvisory = (a: AdvisoryRow) => ({
  ...(a.content as unknown as AdvisoryContent),
  publishedAt: a.publishedAt.toISOString(),
  revision: a.revision,
});

/** Published advisories for the public: list, detail, CSAF / CVE 5 / OSV documents and the Atom feed. */
export function createAdvisoriesService(deps: Pick<VulnDeps, 'db' | 'publicUrl'>) {
  const { db } = deps;
  return {
    /** Published advisories, newest first (public). */
    async list(limit: number, before?: string) {
      return (await reportRepository.advisories(db, limit, before ? new Date(before) : undefined)).map(
        toAdvisory,
      );
    },

    /** One advisory as CSAF 2.0, CVE JSON 5.1 or OSV (public); CVE only when it has a CVE id. */
    async document(ref: string, format: 'csaf' | 'cve' | 'osv') {
      const a = await reportRepository.advisory(db, ref);
      if (!a) throw notFound('advisory');
      const pub = { publicUrl: deps.publicUrl };
      try {
        return format === 'csaf'
          ? advisoryCsaf(a, pub)
          : format === 'cve'
            ? advisoryCve5(a, pub)
            : advisoryOsv(a, pub);
      } catch (e) {
        if (e instanceof MissingCveIdError)
          throw new AppError(404, 'advisory.no_cve', 'This advisory has no CVE id, so no CVE record.');
        throw e;
      }
    },

    /** The Atom feed of the newest advisories (public). */
    async feed(now: Date) {
      return atomFeed(await reportRepository.advisories(db, 100), deps.publicUrl, now);
    },

    /** One published advisory (public). */
    async get(ref: string) {
      const a = await reportRepository.advisory(db, ref);
      if (!a) throw notFound('advisory');
      return toAdvisory(a);
    },
  };
}

/** The advisories service's public type. */
export type AdvisoriesService = ReturnType<typeof createAdvisoriesService>;
