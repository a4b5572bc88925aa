import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { describeError, describeField } from './errors';
import { ApiError } from './problem';

const translators: Record<'zh-CN' | 'en', TFunction> = {} as Record<'zh-CN' | 'en', TFunction>;

beforeAll(async () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      fallbackLng: false,
    });
    translators[lng] = i.t;
  }
});

const apiError = (status: number, code: string, retryAfter: number | null = null, detail = 'Server detail') =>
  new ApiError({ type: 'about:blank', title: 'T', status, code, detail }, retryAfter);

describe('describeError', () => {
  it('words a lock-out with the Retry-After delay in minutes or seconds', () => {
    expect(describeError(translators['zh-CN'], apiError(423, 'auth.locked', 900))).toBe(
      '账号因多次登录失败已被临时锁定，请在 15 分钟后重试。',
    );
    expect(describeError(translators.en, apiError(423, 'auth.locked', 61))).toBe(
      'This account is locked after repeated failed sign-ins. Try again in 2 minutes.',
    );
    expect(describeError(translators.en, apiError(429, 'rate_limited', 1))).toBe(
      'Too many requests. Try again in 1 second.',
    );
    expect(describeError(translators['zh-CN'], apiError(429, 'rate_limited'))).toBe(
      '请求过于频繁，请稍后重试。',
    );
  });

  it('localises known codes and falls back to status and detail for unknown ones', () => {
    expect(describeError(translators['zh-CN'], apiError(401, 'auth.invalid_credentials'))).toBe(
      '邮箱或密码不正确。',
    );
    expect(describeError(translators.en, apiError(418, 'teapot.brewing', null, 'Short and stout'))).toBe(
      'Request failed (418): Short and stout',
    );
    expect(describeError(translators.en, new Error('boom'))).toBe(translators.en('errors.unexpected'));
  });
});

describe('describeField', () => {
  const issue = {
    path: 'body.password',
    message: 'must be at least 12 characters',
    code: 'validation.too_small',
  };
  it('keeps the server text in English and words the code in Chinese', () => {
    expect(describeField(translators.en)(issue)).toBe('must be at least 12 characters');
    expect(describeField(translators['zh-CN'])(issue)).toBe('内容过短或数值过小');
  });

  it('falls back to the server text for codes it does not know', () => {
    expect(describeField(translators['zh-CN'])({ ...issue, code: 'validation.brand_new' })).toBe(
      issue.message,
    );
  });
});
