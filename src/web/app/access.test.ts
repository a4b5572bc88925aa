import { describe, expect, it } from 'vitest';
import type { Me, OrgKind, Role } from '../lib/types';
import {
  canCreateOrgs,
  canEditFiling,
  canEditOrg,
  canImportAdvisories,
  canManageAssets,
  canManageFreezeWindows,
  canManageProducts,
  canRecordIds,
  canSeeAffected,
  canUploadAttachment,
  canVerifyAudit,
  mayOpen,
  menuFor,
  menuSections,
  pageOf,
  reportListScope,
} from './access';

const me = (kind: OrgKind, role: Role): Me => ({
  csrfToken: 'x',
  org: {
    id: '00000000-0000-4000-8000-000000000001',
    kind,
    name: 'Org',
    provinceCode: null,
    contactEmail: null,
    contactPhone: null,
    address: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  },
  user: {
    id: '00000000-0000-4000-8000-000000000002',
    orgId: '00000000-0000-4000-8000-000000000001',
    email: 'a@b.c',
    name: 'A',
    role,
    status: 'active',
    lockedUntil: null,
    lastLoginAt: null,
    totpEnabled: false,
    createdAt: '2026-01-01T00:00:00Z',
  },
});

describe('menuFor', () => {
  it.each([
    [
      'ministry',
      'admin',
      [
        'home',
        'supervision',
        'programme',
        'catalogReviews',
        'examinations',
        'riskAssessments',
        'incidents',
        'drills',
        'training',
        'enterprises',
        'vulnerabilities',
        'unrouted',
        'nationalReports',
        'advisoryImport',
        'affected',
        'platformFilings',
        'freezeWindows',
        'orgs',
        'org',
        'users',
        'tokens',
        'audit',
      ],
    ],
    [
      'ministry',
      'viewer',
      [
        'home',
        'supervision',
        'programme',
        'catalogReviews',
        'examinations',
        'riskAssessments',
        'incidents',
        'drills',
        'training',
        'enterprises',
        'vulnerabilities',
        'nationalReports',
        'affected',
        'platformFilings',
        'freezeWindows',
        'orgs',
        'org',
        'tokens',
      ],
    ],
    [
      'provincial-regulator',
      'admin',
      [
        'home',
        'supervision',
        'programme',
        'catalogReviews',
        'examinations',
        'riskAssessments',
        'incidents',
        'drills',
        'training',
        'enterprises',
        'affected',
        'orgs',
        'org',
        'users',
        'tokens',
        'audit',
      ],
    ],
    [
      'enterprise',
      'admin',
      [
        'home',
        'programme',
        'dataCatalog',
        'examinations',
        'correctiveActions',
        'riskAssessments',
        'incidents',
        'drills',
        'drillScenarios',
        'training',
        'assets',
        'exposures',
        'org',
        'users',
        'tokens',
        'audit',
      ],
    ],
    [
      'enterprise',
      'viewer',
      [
        'home',
        'programme',
        'examinations',
        'correctiveActions',
        'riskAssessments',
        'incidents',
        'drills',
        'drillScenarios',
        'training',
        'assets',
        'exposures',
        'org',
        'tokens',
      ],
    ],
    [
      'vendor',
      'member',
      [
        'home',
        'vulnerabilities',
        'submit',
        'nationalReports',
        'products',
        'assets',
        'exposures',
        'affectedUsers',
        'org',
        'tokens',
      ],
    ],
    [
      'vendor',
      'viewer',
      [
        'home',
        'vulnerabilities',
        'nationalReports',
        'products',
        'assets',
        'exposures',
        'affectedUsers',
        'org',
        'tokens',
      ],
    ],
    [
      'collection-platform',
      'admin',
      ['home', 'vulnerabilities', 'submit', 'filing', 'org', 'users', 'tokens', 'audit'],
    ],
    ['collection-platform', 'viewer', ['home', 'vulnerabilities', 'filing', 'org', 'tokens']],
    ['researcher', 'admin', ['home', 'vulnerabilities', 'submit', 'org', 'users', 'tokens', 'audit']],
  ] as const)('%s %s sees %j', (kind, role, expected) => {
    expect(menuFor(me(kind, role))).toEqual(expected);
  });

  it('guards direct URLs with the same rules as the menu', () => {
    expect(mayOpen(me('vendor', 'member'), 'users')).toBe(false);
    expect(mayOpen(me('vendor', 'member'), 'orgs')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'users')).toBe(true);
    expect(mayOpen(me('enterprise', 'admin'), 'vulnerabilities')).toBe(false);
    expect(mayOpen(me('researcher', 'admin'), 'nationalReports')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'unrouted')).toBe(false);
    expect(mayOpen(me('enterprise', 'admin'), 'products')).toBe(false);
    expect(mayOpen(me('enterprise', 'admin'), 'affected')).toBe(false);
    expect(mayOpen(me('provincial-regulator', 'admin'), 'advisoryImport')).toBe(false);
    expect(mayOpen(me('ministry', 'viewer'), 'advisoryImport')).toBe(false);
    expect(mayOpen(me('researcher', 'admin'), 'assets')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'filing')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'incidents')).toBe(false);
    expect(mayOpen(me('enterprise', 'viewer'), 'dataCatalog')).toBe(false);
    expect(mayOpen(me('provincial-regulator', 'admin'), 'correctiveActions')).toBe(false);
    expect(mayOpen(me('researcher', 'admin'), 'drills')).toBe(false);
    expect(mayOpen(me('enterprise', 'admin'), 'supervision')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'supervision')).toBe(false);
  });

  it('groups the menu into supervision, data security, vulnerabilities and the organisation', () => {
    expect(menuSections(me('provincial-regulator', 'viewer')).map((x) => x.section)).toEqual([
      'supervision',
      'dataSecurity',
      'vulnerability',
      'organisation',
    ]);
    expect(menuSections(me('enterprise', 'admin')).map((x) => x.section)).toEqual([
      'dataSecurity',
      'vulnerability',
      'organisation',
    ]);
    expect(menuSections(me('researcher', 'admin')).map((x) => x.section)).toEqual([
      'vulnerability',
      'organisation',
    ]);
  });
});

describe('pageOf', () => {
  it.each([
    ['/', 'home'],
    ['/vulnerabilities', 'vulnerabilities'],
    ['/vulnerabilities/6b1f8a52-0000-4000-8000-000000000001', 'vulnerabilities'],
    ['/vulnerabilities/new', 'submit'],
    ['/vulnerabilities/unrouted', 'unrouted'],
    ['/national-reports/abc', 'nationalReports'],
    ['/inventory/6b1f8a52-0000-4000-8000-000000000001', 'assets'],
    ['/exposures', 'exposures'],
    ['/match-advisories/import', 'advisoryImport'],
    ['/match-advisories/affected', 'affected'],
    ['/filing', 'filing'],
    ['/org', 'org'],
    ['/orgs/abc', 'orgs'],
    ['/programme', 'programme'],
    ['/training', 'training'],
    ['/enterprises', 'enterprises'],
    ['/supervision', 'supervision'],
    ['/supervision/lists/enterprises', 'supervision'],
    ['/organisations', 'home'],
  ] as const)('%s highlights %s', (path, key) => {
    expect(pageOf(path)).toBe(key);
  });
});

describe('vulnerability permissions', () => {
  const report = { vendorOrgId: 'v', reporterOrgId: 'r' };
  const withOrg = (kind: OrgKind, role: Role, id: string): Me => {
    const m = me(kind, role);
    return { ...m, org: { ...m.org, id } };
  };

  it('lists the vendor its inbox, reporters their own reports and the ministry everything', () => {
    expect(reportListScope(me('vendor', 'member'))).toBe('assigned');
    expect(reportListScope(me('researcher', 'admin'))).toBe('reported');
    expect(reportListScope(me('collection-platform', 'admin'))).toBe('reported');
    expect(reportListScope(me('ministry', 'viewer'))).toBeUndefined();
  });

  it('records external ids for the vendor and the ministry, never for viewers or reporters', () => {
    expect(canRecordIds(withOrg('vendor', 'member', 'v'), report)).toBe(true);
    expect(canRecordIds(withOrg('ministry', 'member', 'm'), report)).toBe(true);
    expect(canRecordIds(withOrg('ministry', 'viewer', 'm'), report)).toBe(false);
    expect(canRecordIds(withOrg('researcher', 'admin', 'r'), report)).toBe(false);
    expect(canRecordIds(withOrg('vendor', 'admin', 'other'), report)).toBe(false);
  });

  it('takes attachments from the reporter and the vendor only', () => {
    expect(canUploadAttachment(withOrg('researcher', 'admin', 'r'), report)).toBe(true);
    expect(canUploadAttachment(withOrg('vendor', 'member', 'v'), report)).toBe(true);
    expect(canUploadAttachment(withOrg('vendor', 'viewer', 'v'), report)).toBe(false);
    expect(canUploadAttachment(withOrg('ministry', 'admin', 'm'), report)).toBe(false);
  });

  it('lets only the ministry admin manage freeze windows', () => {
    expect(canManageFreezeWindows(me('ministry', 'admin'))).toBe(true);
    expect(canManageFreezeWindows(me('ministry', 'member'))).toBe(false);
    expect(canManageFreezeWindows(me('vendor', 'admin'))).toBe(false);
  });
});

describe('exposure and supply-chain permissions', () => {
  it('lets the owning org\u2019s admins and members manage assets, never viewers or regulators', () => {
    expect(canManageAssets(me('enterprise', 'member'))).toBe(true);
    expect(canManageAssets(me('vendor', 'admin'))).toBe(true);
    expect(canManageAssets(me('enterprise', 'viewer'))).toBe(false);
    expect(canManageAssets(me('ministry', 'admin'))).toBe(false);
    expect(canManageAssets(me('collection-platform', 'admin'))).toBe(false);
  });

  it('lets vendor staff edit products and the ministry staff import advisories', () => {
    expect(canManageProducts(me('vendor', 'member'))).toBe(true);
    expect(canManageProducts(me('vendor', 'viewer'))).toBe(false);
    expect(canManageProducts(me('enterprise', 'admin'))).toBe(false);
    expect(canImportAdvisories(me('ministry', 'member'))).toBe(true);
    expect(canImportAdvisories(me('ministry', 'viewer'))).toBe(false);
    expect(canImportAdvisories(me('provincial-regulator', 'admin'))).toBe(false);
  });

  it('shows regulators the affected orgs and lets only the platform admin edit its filing', () => {
    expect(canSeeAffected(me('ministry', 'viewer'))).toBe(true);
    expect(canSeeAffected(me('provincial-regulator', 'member'))).toBe(true);
    expect(canSeeAffected(me('enterprise', 'admin'))).toBe(false);
    expect(canEditFiling(me('collection-platform', 'admin'))).toBe(true);
    expect(canEditFiling(me('collection-platform', 'member'))).toBe(false);
    expect(canEditFiling(me('vendor', 'admin'))).toBe(false);
  });
});

describe('privileged actions', () => {
  it('only the ministry admin verifies the chain', () => {
    expect(canVerifyAudit(me('ministry', 'admin'))).toBe(true);
    expect(canVerifyAudit(me('ministry', 'viewer'))).toBe(false);
    expect(canVerifyAudit(me('provincial-regulator', 'admin'))).toBe(false);
  });

  it('only regulator admins create organisations', () => {
    expect(canCreateOrgs(me('ministry', 'admin'))).toBe(true);
    expect(canCreateOrgs(me('provincial-regulator', 'admin'))).toBe(true);
    expect(canCreateOrgs(me('provincial-regulator', 'member'))).toBe(false);
    expect(canCreateOrgs(me('enterprise', 'admin'))).toBe(false);
  });
});

describe('canEditOrg', () => {
  const gdEnterprise = {
    id: '00000000-0000-4000-8000-00000000000a',
    kind: 'enterprise',
    provinceCode: '440000',
  } as const;
  const province = (role: Role, code: string): Me => {
    const m = me('provincial-regulator', role);
    return { ...m, org: { ...m.org, provinceCode: code } };
  };

  it('lets admins edit their own org and regulator admins the orgs in their scope', () => {
    expect(canEditOrg(me('vendor', 'admin'), me('vendor', 'admin').org)).toBe(true);
    expect(canEditOrg(me('ministry', 'admin'), gdEnterprise)).toBe(true);
    expect(canEditOrg(province('admin', '440000'), gdEnterprise)).toBe(true);
  });

  it('refuses non-admins, other provinces and other tenants', () => {
    expect(canEditOrg(me('vendor', 'member'), me('vendor', 'member').org)).toBe(false);
    expect(canEditOrg(me('ministry', 'viewer'), gdEnterprise)).toBe(false);
    expect(canEditOrg(province('admin', '330000'), gdEnterprise)).toBe(false);
    expect(canEditOrg(me('enterprise', 'admin'), gdEnterprise)).toBe(false);
  });
});
