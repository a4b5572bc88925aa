import type { Me, Org, OrgKind } from '../lib/types';

/** Routes of the signed-in workspace, keyed by the name the menu and locale files use. */
export const PATHS = {
  home: '/',
  supervision: '/supervision',
  vulnerabilities: '/vulnerabilities',
  submit: '/vulnerabilities/new',
  unrouted: '/vulnerabilities/unrouted',
  nationalReports: '/national-reports',
  products: '/products',
  // Not `/assets`: the server keeps that prefix for the bundle's hashed files, so a reload there would 404.
  assets: '/inventory',
  exposures: '/exposures',
  affectedUsers: '/affected-users',
  advisoryImport: '/match-advisories/import',
  affected: '/match-advisories/affected',
  filing: '/filing',
  platformFilings: '/platform-filings',
  freezeWindows: '/freeze-windows',
  incidents: '/incidents',
  dataCatalog: '/data-catalog',
  catalogReviews: '/catalog-reviews',
  examinations: '/self-examinations',
  correctiveActions: '/corrective-actions',
  riskAssessments: '/risk-assessments',
  programme: '/programme',
  training: '/training',
  enterprises: '/enterprises',
  drills: '/drills',
  drillScenarios: '/drill-scenarios',
  org: '/org',
  orgs: '/orgs',
  users: '/users',
  tokens: '/tokens',
  audit: '/audit',
} as const;
/** Public pages anyone may open without an account, in menu order. */
export const PUBLIC_LINKS = [
  { key: 'advisories', path: '/advisories' },
  { key: 'platforms', path: '/platforms' },
  { key: 'intake', path: '/intake' },
  { key: 'follow', path: '/intake/follow' },
] as const;

/** A workspace page name. */
export type PageKey = keyof typeof PATHS;

const supervisors: readonly OrgKind[] = ['ministry', 'provincial-regulator'];

const isAdmin = (me: Me) => me.user.role === 'admin';
const isMinistry = (me: Me) => me.org.kind === 'ministry';
const acts = (me: Me) => me.user.role !== 'viewer';
const reportParties: readonly OrgKind[] = ['ministry', 'vendor', 'researcher', 'collection-platform'];
const reporters: readonly OrgKind[] = ['researcher', 'collection-platform', 'vendor'];
const assetOwners: readonly OrgKind[] = ['enterprise', 'vendor'];
const isVendor = (me: Me) => me.org.kind === 'vendor';
const isPlatform = (me: Me) => me.org.kind === 'collection-platform';

/** Orgs with a vulnerability list: the ministry's board, a vendor's inbox, reporters' own reports. */
export const canListReports = (me: Me): boolean => reportParties.includes(me.org.kind);

/** Researchers, filed platforms and vendors' staff file reports (RMSV art. 5); viewers never act. */
export const canFileReport = (me: Me): boolean => reporters.includes(me.org.kind) && acts(me);

/** The ministry's staff route reports on products without a vendor on the platform, and record approvals. */
export const canCoordinate = (me: Me): boolean => isMinistry(me) && acts(me);

/** The ministry reads every national report; a vendor reads those it filed. */
export const canReadNationalReports = (me: Me): boolean =>
  me.org.kind === 'ministry' || me.org.kind === 'vendor';

/** Only the ministry admin sets publication freeze windows (RMSV art. 9). */
export const canManageFreezeWindows = (me: Me): boolean => isMinistry(me) && isAdmin(me);

/** Records CVE / CNVD / CNNVD / NVDB ids: the vendor's staff or the ministry's, as the server allows. */
export const canRecordIds = (me: Me, report: { vendorOrgId: string | null }): boolean =>
  acts(me) && (isMinistry(me) || report.vendorOrgId === me.org.id);

/** Adds evidence to a report: its reporter or its vendor's staff. */
export const canUploadAttachment = (
  me: Me,
  report: { vendorOrgId: string | null; reporterOrgId: string | null },
): boolean => acts(me) && (report.vendorOrgId === me.org.id || report.reporterOrgId === me.org.id);

/** Which of its own reports an org's list shows: the vendor its inbox, reporters what they filed. */
export const reportListScope = (me: Me): 'assigned' | 'reported' | undefined =>
  me.org.kind === 'vendor' ? 'assigned' : me.org.kind === 'ministry' ? undefined : 'reported';

/** Enterprises keep SBOMs of their systems and devices, vendors of their product releases. */
export const hasAssets = (me: Me): boolean => assetOwners.includes(me.org.kind);

/** Registers assets, uploads SBOMs and triages exposures: the owning org's admins and members. */
export const canManageAssets = (me: Me): boolean => hasAssets(me) && acts(me);

/** A vendor's staff register products, versions and upstream components; its viewers read them. */
export const canManageProducts = (me: Me): boolean => isVendor(me) && acts(me);

/** The ministry's staff load advisory sets (OSV, CSAF) into the exposure matcher. */
export const canImportAdvisories = (me: Me): boolean => isMinistry(me) && acts(me);

/** Regulators see which orgs an advisory hits: the ministry nationally, a province its own enterprises. */
export const canSeeAffected = (me: Me): boolean => supervisors.includes(me.org.kind);

/** Only a collection platform's admin edits and submits its MIIT filing (146号); its other users read it. */
export const canEditFiling = (me: Me): boolean => isPlatform(me) && isAdmin(me);

/** Regulators browse organisations: the ministry all of them, a province its own enterprises. */
export const canBrowseOrgs = (me: Me): boolean => supervisors.includes(me.org.kind);

/** Ministry admins create any org; provincial regulator admins create enterprises in their province. */
export const canCreateOrgs = (me: Me): boolean => canBrowseOrgs(me) && isAdmin(me);

/**
 * Admins edit their own org's profile; regulator admins also those in their scope (the ministry any org,
 * a province its enterprises), as the server's `canAdministerOrg` allows.
 */
export function canEditOrg(me: Me, org: Pick<Org, 'id' | 'kind' | 'provinceCode'>): boolean {
  if (!isAdmin(me)) return false;
  if (org.id === me.org.id || me.org.kind === 'ministry') return true;
  return (
    me.org.kind === 'provincial-regulator' &&
    org.kind === 'enterprise' &&
    org.provinceCode === me.org.provinceCode
  );
}

/** Org admins manage users and invitations of their own org. */
export const canManageUsers = (me: Me): boolean => isAdmin(me);

/** Ministry admins see the whole audit trail; other org admins see their org's rows. */
export const canReadAudit = (me: Me): boolean => isAdmin(me);

/** Only the ministry admin may verify the global hash chain. */
export const canVerifyAudit = (me: Me): boolean => me.org.kind === 'ministry' && isAdmin(me);

/** The 2024–2026 data-security programme serves enterprises and their regulators (programme home, training). */
export const inProgramme = (me: Me): boolean =>
  me.org.kind === 'enterprise' || supervisors.includes(me.org.kind);

/** An enterprise's admins and members keep its data catalog and file it (Measures 2022). */
export const canKeepCatalog = (me: Me): boolean => me.org.kind === 'enterprise' && acts(me);

/** Regulators see catalog filings: a province reviews its own, the ministry reads all. */
export const canSeeCatalogReviews = (me: Me): boolean => supervisors.includes(me.org.kind);

/** The sections of the side menu: regulators' supervision, the data-security programme, vulnerabilities, the org. */
export const MENU_SECTIONS = ['supervision', 'dataSecurity', 'vulnerability', 'organisation'] as const;
/** One section of the side menu. */
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** Menu entries for this actor by section, in display order (home stands alone above them). */
export function menuSections(me: Me): { section: MenuSection; keys: PageKey[] }[] {
  const enterprise = me.org.kind === 'enterprise';
  // The regulators' dashboards (34号 targets, incidents, reports, exposures, filings) come first for them.
  const supervision: PageKey[] = supervisors.includes(me.org.kind) ? ['supervision'] : [];
  const data: PageKey[] = [];
  if (inProgramme(me)) data.push('programme');
  if (canKeepCatalog(me)) data.push('dataCatalog');
  if (canSeeCatalogReviews(me)) data.push('catalogReviews');
  // Enterprises examine themselves and correct; regulators read examinations and receive risk assessments.
  if (inProgramme(me)) data.push('examinations');
  if (enterprise) data.push('correctiveActions');
  if (inProgramme(me)) data.push('riskAssessments', 'incidents');
  // Enterprises run drills; regulators list the drills filed with them (34号).
  if (inProgramme(me)) data.push('drills');
  if (enterprise) data.push('drillScenarios');
  if (inProgramme(me)) data.push('training');
  if (canBrowseOrgs(me)) data.push('enterprises');

  const vuln: PageKey[] = [];
  if (canListReports(me)) vuln.push('vulnerabilities');
  if (canFileReport(me)) vuln.push('submit');
  if (canCoordinate(me)) vuln.push('unrouted');
  if (canReadNationalReports(me)) vuln.push('nationalReports');
  if (isVendor(me)) vuln.push('products');
  if (hasAssets(me)) vuln.push('assets', 'exposures');
  if (isVendor(me)) vuln.push('affectedUsers');
  if (canImportAdvisories(me)) vuln.push('advisoryImport');
  if (canSeeAffected(me)) vuln.push('affected');
  if (isPlatform(me)) vuln.push('filing');
  if (isMinistry(me)) vuln.push('platformFilings', 'freezeWindows');

  const own: PageKey[] = [];
  if (canBrowseOrgs(me)) own.push('orgs');
  own.push('org');
  if (canManageUsers(me)) own.push('users');
  own.push('tokens');
  if (canReadAudit(me)) own.push('audit');

  const sections: { section: MenuSection; keys: PageKey[] }[] = [
    { section: 'supervision', keys: supervision },
    { section: 'dataSecurity', keys: data },
    { section: 'vulnerability', keys: vuln },
    { section: 'organisation', keys: own },
  ];
  return sections.filter((s) => s.keys.length > 0);
}

/** Menu entries for this actor, in display order. */
export function menuFor(me: Me): PageKey[] {
  return ['home', ...menuSections(me).flatMap((s) => s.keys)];
}

/** Whether the actor may open a workspace page (guards direct URL entry, not just the menu). */
export const mayOpen = (me: Me, page: PageKey): boolean => menuFor(me).includes(page);

/** The menu entry a location belongs to: the longest page path that prefixes it segment by segment. */
export function pageOf(pathname: string): PageKey {
  let best: PageKey = 'home';
  for (const [key, path] of Object.entries(PATHS) as [PageKey, string][]) {
    const inside = pathname === path || pathname.startsWith(`${path}/`);
    if (path !== '/' && inside && path.length > PATHS[best].length) best = key;
  }
  return best;
}
