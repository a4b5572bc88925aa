import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { assertPasswordPolicy, passwordRulesBroken } from './password-policy';

describe('password policy', () => {
  it('keeps the demo password valid for every demo login', () => {
    for (const email of [
      'ministry.admin@bulwark.demo',
      'gd.admin@bulwark.demo',
      'ent.gd1@bulwark.demo',
      'vendor.admin@bulwark.demo',
      'researcher@bulwark.demo',
      'platform.admin@bulwark.demo',
    ]) {
      expect(passwordRulesBroken(DEMO_PASSWORD, email)).toEqual([]);
    }
  });

  it('refuses fewer than 12 and more than 256 characters', () => {
    expect(passwordRulesBroken('Tr0ub4dor&3', 'a@b.cn')).toEqual(['too_short']);
    expect(passwordRulesBroken('x7'.repeat(129), 'a@b.cn')).toEqual(['too_long']);
    expect(passwordRulesBroken('correct horse battery staple', 'a@b.cn')).toEqual([]);
  });

  it("refuses the email's local part or its longer words, case-insensitively", () => {
    expect(passwordRulesBroken('Zhang.Wei-secure-2026', 'zhang.wei@qiantang.example')).toEqual([
      'contains_email',
    ]);
    expect(passwordRulesBroken('my-ZHANG-horse-battery', 'zhang.wei@qiantang.example')).toEqual([
      'contains_email',
    ]);
    // Words under four letters ("wei", "gd1") are too generic to refuse.
    expect(passwordRulesBroken('wei-horse-battery', 'zhang.wei@qiantang.example')).toEqual([]);
  });

  it('refuses listed passwords, listed words wrapped in digits or symbols, and one repeated character', () => {
    expect(passwordRulesBroken('1qaz2wsx3edc', 'a@b.cn')).toEqual(['common']);
    expect(passwordRulesBroken('Password@2026!', 'a@b.cn')).toEqual(['common']);
    expect(passwordRulesBroken('2026woaini1314', 'a@b.cn')).toEqual(['common']);
    expect(passwordRulesBroken('Bulwark@2026!', 'a@b.cn')).toEqual(['common']);
    expect(passwordRulesBroken('xxxxxxxxxxxxxxx', 'a@b.cn')).toEqual(['common']);
  });

  it('answers 400 password.policy with one field problem per broken rule', () => {
    try {
      assertPasswordPolicy('body.password', 'qwertyuiop12', 'qwerty.user@b.cn');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        status: 400,
        code: 'password.policy',
        errors: [
          { path: 'body.password', code: 'password.contains_email' },
          { path: 'body.password', code: 'password.common' },
        ],
      });
    }
  });
});
