import { describe, expect, it } from 'vitest';
import type { Me, OrgKind, Role } from '../lib/types';
import { canCreateOrgs, canEditOrg, canVerifyAudit, mayOpen, menuFor } from './access';

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
    createdAt: '2026-01-01T00:00:00Z',
  },
});

describe('menuFor', () => {
  it.each([
    ['ministry', 'admin', ['home', 'orgs', 'org', 'users', 'tokens', 'audit']],
    ['ministry', 'viewer', ['home', 'orgs', 'org', 'tokens']],
    ['provincial-regulator', 'admin', ['home', 'orgs', 'org', 'users', 'tokens', 'audit']],
    ['enterprise', 'admin', ['home', 'org', 'users', 'tokens', 'audit']],
    ['vendor', 'member', ['home', 'org', 'tokens']],
    ['researcher', 'admin', ['home', 'org', 'users', 'tokens', 'audit']],
  ] as const)('%s %s sees %j', (kind, role, expected) => {
    expect(menuFor(me(kind, role))).toEqual(expected);
  });

  it('guards direct URLs with the same rules as the menu', () => {
    expect(mayOpen(me('vendor', 'member'), 'users')).toBe(false);
    expect(mayOpen(me('vendor', 'member'), 'orgs')).toBe(false);
    expect(mayOpen(me('vendor', 'admin'), 'users')).toBe(true);
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
