import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { canAdministerOrg, canCreateOrg, inOrgScope, orgScopeFor } from './identity.policy';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  orgId: 'o-self',
  orgKind: 'enterprise',
  role: 'admin',
  provinceCode: null,
  via: 'session',
  ...over,
});
const gdEnterprise = { id: 'e-gd', kind: 'enterprise', provinceCode: '440000' };
const zjEnterprise = { id: 'e-zj', kind: 'enterprise', provinceCode: '330000' };
const gdVendor = { id: 'v-gd', kind: 'vendor', provinceCode: '440000' };

describe('org scope', () => {
  const cases: [string, Partial<Actor>, typeof gdEnterprise, boolean][] = [
    ['ministry sees any enterprise', { orgKind: 'ministry' }, zjEnterprise, true],
    [
      'GD regulator sees GD enterprise',
      { orgKind: 'provincial-regulator', provinceCode: '440000' },
      gdEnterprise,
      true,
    ],
    [
      'GD regulator does not see ZJ enterprise',
      { orgKind: 'provincial-regulator', provinceCode: '440000' },
      zjEnterprise,
      false,
    ],
    [
      'GD regulator does not see a GD vendor',
      { orgKind: 'provincial-regulator', provinceCode: '440000' },
      gdVendor,
      false,
    ],
    ['enterprise sees itself', { orgId: 'e-gd' }, gdEnterprise, true],
    ['enterprise does not see another enterprise', { orgId: 'e-gd' }, zjEnterprise, false],
    ['vendor does not see enterprises', { orgKind: 'vendor', orgId: 'v-gd' }, gdEnterprise, false],
  ];
  it.each(cases)('%s', (_name, a, org, expected) => {
    expect(inOrgScope(orgScopeFor(actor(a)), org)).toBe(expected);
  });
});

describe('administration', () => {
  it('needs the admin role even in scope', () => {
    expect(canAdministerOrg(actor({ orgId: 'e-gd', role: 'member' }), gdEnterprise)).toBe(false);
    expect(canAdministerOrg(actor({ orgId: 'e-gd' }), gdEnterprise)).toBe(true);
  });
  it('lets a provincial admin create enterprises only in its province', () => {
    const gd = actor({ orgKind: 'provincial-regulator', provinceCode: '440000' });
    expect(canCreateOrg(gd, 'enterprise', '440000')).toBe(true);
    expect(canCreateOrg(gd, 'enterprise', '330000')).toBe(false);
    expect(canCreateOrg(gd, 'vendor', '440000')).toBe(false);
    expect(canCreateOrg(actor({ orgKind: 'ministry' }), 'vendor', undefined)).toBe(true);
    expect(canCreateOrg(actor({ orgKind: 'ministry', role: 'viewer' }), 'vendor', undefined)).toBe(false);
  });
});
