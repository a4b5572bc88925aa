import { describe, expect, it } from 'vitest';
import { type LifecycleRole, lifecycleRole } from './roles';

const none = { isReporter: false, isProductProvider: false };
const reporter = { isReporter: true, isProductProvider: false };
const provider = { isReporter: false, isProductProvider: true };

describe('lifecycleRole', () => {
  it.each([
    ['anonymous claimant', null, reporter, 'reporter'],
    ['anonymous stranger', null, none, 'viewer'],
    ['researcher who filed it', { orgKind: 'researcher', role: 'member' }, reporter, 'reporter'],
    [
      'collection platform that filed it',
      { orgKind: 'collection-platform', role: 'admin' },
      reporter,
      'reporter',
    ],
    ['researcher who did not file it', { orgKind: 'researcher', role: 'admin' }, none, 'viewer'],
    ['provider member', { orgKind: 'vendor', role: 'member' }, provider, 'vendor-member'],
    ['provider admin', { orgKind: 'vendor', role: 'admin' }, provider, 'vendor-admin'],
    [
      'provider admin who also filed it',
      { orgKind: 'vendor', role: 'admin' },
      { ...provider, isReporter: true },
      'vendor-admin',
    ],
    ['another vendor', { orgKind: 'vendor', role: 'admin' }, none, 'viewer'],
    ['ministry member', { orgKind: 'ministry', role: 'member' }, none, 'ministry-member'],
    ['ministry admin', { orgKind: 'ministry', role: 'admin' }, none, 'ministry-admin'],
    ['provincial regulator', { orgKind: 'provincial-regulator', role: 'admin' }, none, 'viewer'],
    ['provider viewer', { orgKind: 'vendor', role: 'viewer' }, provider, 'viewer'],
    ['ministry viewer', { orgKind: 'ministry', role: 'viewer' }, none, 'viewer'],
    ['reporter org viewer', { orgKind: 'researcher', role: 'viewer' }, reporter, 'viewer'],
  ] as const)('%s → %s', (_label, actor, rel, expected: LifecycleRole) => {
    expect(lifecycleRole(actor, rel)).toBe(expected);
  });
});
