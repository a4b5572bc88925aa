import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PASSWORD = 'Bulwark-Demo-2026';
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

interface Journey {
  kind: string;
  email: string;
  /** Text only the zh-CN UI shows on this home page. */
  zh: string;
  /** Its English counterpart. */
  en: string;
}

const journeys: Journey[] = [
  {
    kind: 'ministry',
    email: 'ministry.admin@bulwark.demo',
    zh: '全国监管总览',
    en: 'National supervision overview',
  },
  {
    kind: 'provincial-regulator',
    email: 'gd.admin@bulwark.demo',
    zh: '辖区工业企业数量',
    en: 'Industrial enterprises in province',
  },
  {
    kind: 'enterprise',
    email: 'ent.gd1@bulwark.demo',
    zh: '四类风险场景自查自纠',
    en: 'Self-examine the four risk scenarios',
  },
  {
    kind: 'vendor',
    email: 'vendor.admin@bulwark.demo',
    zh: '2 日内向工信部平台报送',
    en: "Report to MIIT's platform within 2 days",
  },
  {
    kind: 'collection-platform',
    email: 'platform.admin@bulwark.demo',
    zh: '接收日志留存不少于 6 个月',
    en: 'Keep intake logs for at least 6 months',
  },
  {
    kind: 'researcher',
    email: 'researcher@bulwark.demo',
    zh: '修补前不得发布',
    en: 'No publication before a fix',
  },
];

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const pageErrors: string[] = [];

async function login(email: string, password = PASSWORD) {
  // A journey that failed half-way must not leave its session to the next one.
  await browser.context.clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByTestId('login-page').waitFor();
  // Each journey starts in the default language, whatever the previous one left behind.
  if (await page.evaluate(() => localStorage.getItem('bulwark.lang') === 'en')) {
    await page.evaluate(() => localStorage.removeItem('bulwark.lang'));
    await page.reload();
    await page.getByTestId('login-page').waitFor();
  }
  await page.locator('input#email').fill(email);
  await page.locator('input#password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function switchLanguage(label: 'English' | '中文') {
  await page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
}

async function logout() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
}

/** Names stored as data (orgs the actor can see, the actor itself): they stay Chinese in any UI language. */
async function dataNames(): Promise<string[]> {
  return page.evaluate(async () => {
    const me = await (await fetch('/api/auth/me')).json();
    const orgs = await (await fetch('/api/orgs?limit=200')).json();
    const users = await fetch(`/api/orgs/${me.org.id}/users`);
    const people: { name: string }[] = users.ok ? await users.json() : [me.user];
    return [me.org.name, ...orgs.items.map((o: { name: string }) => o.name), ...people.map((u) => u.name)];
  });
}

/** Rendered text of the page with data names removed, i.e. what the locale files are responsible for. */
async function uiText(): Promise<string> {
  // innerText, not textContent: only rendered text counts, and textContent includes hidden nodes.
  let text = await page.locator('body').innerText();
  for (const name of (await dataNames()).sort((a, b) => b.length - a.length))
    text = text.replaceAll(name, '');
  // The language switch labels each language in its own script, by convention.
  return text.replaceAll('中文', '');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation journey', () => {
  it('shows the login page in Chinese by default and rejects a wrong password', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('login-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('heading', { name: '登录' }).isVisible()).toBe(true);
    await screenshot(page, 'login-zh');

    await login('ministry.admin@bulwark.demo', 'not-the-password');
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').textContent()).toContain('邮箱或密码不正确');
  });

  for (const j of journeys) {
    it(`${j.kind}: home, language round trip, logout`, async () => {
      await login(j.email);
      const home = page.getByTestId(`home-${j.kind}`);
      await home.waitFor();
      await page.getByText(j.zh, { exact: true }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${j.kind}-home-zh`);

      await switchLanguage('English');
      await page.getByText(j.en, { exact: true }).first().waitFor();
      expect(await page.getByText(j.zh, { exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('bulwark.lang'))).toBe('en');
      await page.waitForLoadState('networkidle');
      const leftover = [...(await uiText())].filter((c) => CJK.test(c)).join('');
      expect(leftover, 'untranslated Chinese left on the English page').toBe('');
      await screenshot(page, `${j.kind}-home-en`);

      await switchLanguage('中文');
      await page.getByText(j.zh, { exact: true }).first().waitFor();
      expect(await page.getByText(j.en, { exact: true }).count()).toBe(0);

      await logout();
    });
  }

  it('shows every workspace page of the ministry admin without Chinese UI text in English', async () => {
    await login('ministry.admin@bulwark.demo');
    await page.getByTestId('home-ministry').waitFor();
    await switchLanguage('English');
    const pages = [
      ['orgs', 'orgs-page'],
      ['org', 'org-profile'],
      ['users', 'users-page'],
      ['tokens', 'tokens-page'],
      ['audit', 'audit-page'],
    ] as const;
    for (const [nav, testId] of pages) {
      await page.getByTestId(`nav-${nav}`).click();
      await page.getByTestId(testId).waitFor();
      await page.waitForLoadState('networkidle');
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      const leftover = [...(await uiText())].filter((c) => CJK.test(c)).join('');
      expect(leftover, `untranslated Chinese on the English ${nav} page`).toBe('');
      await screenshot(page, `ministry-${nav}-en`);
    }
    await switchLanguage('中文');
    await logout();
  });

  it('keeps the chosen language across a reload', async () => {
    await login('vendor.member@bulwark.demo');
    await page.getByTestId('home-vendor').waitFor();
    await switchLanguage('English');
    await page.reload();
    await page.getByTestId('home-vendor').waitFor();
    expect(await page.getByTestId('header-role').textContent()).toBe('Member');
    await switchLanguage('中文');
    expect(await page.getByTestId('header-role').textContent()).toBe('成员');
    await logout();
  });

  it('lets the ministry admin verify the audit chain and shows a 404 page', async () => {
    await login('ministry.admin@bulwark.demo');
    await page.getByTestId('home-ministry').waitFor();
    await page.getByTestId('province-chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(1200); // let the bar animation finish before the screenshot
    await screenshot(page, 'ministry-home-zh-chart');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('哈希链完整');
    await screenshot(page, 'ministry-audit-zh');

    await page.goto(`${server.baseUrl}/no-such-page`);
    await page.getByTestId('not-found').waitFor();
    await logout();
  });

  it('invites a user who accepts, signs in and lands on their home', async () => {
    await login('vendor.admin@bulwark.demo');
    await page.getByTestId('home-vendor').waitFor();
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('invite-open').click();
    const email = `new.analyst.${Date.now()}@bulwark.demo`;
    await page.locator('.ant-modal input#email').fill(email);
    await page.getByTestId('invite-submit').click();
    const shown = (await page.getByTestId('invite-link').textContent()) ?? '';
    const link = shown.match(/https?:\/\/\S+\/invite\/accept\?token=\S+/)?.[0];
    expect(link, shown).toBeDefined();
    await screenshot(page, 'vendor-invite-zh');
    await page.keyboard.press('Escape');
    await logout();

    await page.goto(link!);
    await page.locator('input#name').fill('新分析师');
    await page.locator('input#password').fill('correct horse battery staple');
    await page.locator('input#confirm').fill('correct horse battery staple');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-go-login').click();

    await login(email, 'correct horse battery staple');
    await page.getByTestId('home-vendor').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toBe('新分析师');
    await logout();
  });

  it('locks an account after repeated failures and says for how long', async () => {
    for (let i = 0; i < 5; i++) {
      await login('ent.gd1.member@bulwark.demo', `wrong-password-${i}`);
      await page.getByTestId('problem').waitFor();
    }
    expect(await page.getByTestId('problem').textContent()).toBe(
      '账号因多次登录失败已被临时锁定，请在 15 分钟后重试。',
    );
    await screenshot(page, 'login-locked-zh');
  });

  it('lets a provincial regulator register an enterprise in its own province', async () => {
    await login('gd.admin@bulwark.demo');
    await page.getByTestId('home-provincial-regulator').waitFor();
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('orgs-page').waitFor();
    await page.getByTestId('org-create').click();
    const form = page.getByTestId('create-org-form');
    await form.waitFor();
    await form.locator('input#name').fill('东莞示范电子有限公司');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByRole('link', { name: '东莞示范电子有限公司' }).waitFor();
    await screenshot(page, 'provincial-orgs-zh');
    await logout();
  });

  it('creates an API token, shows its secret once and revokes it', async () => {
    await login('vendor.member@bulwark.demo');
    await page.getByTestId('home-vendor').waitFor();
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('tokens-page').waitFor();
    await page.getByTestId('token-create').click();
    await page.locator('.ant-modal input#name').fill('SBOM 上传任务');
    await page.getByTestId('token-submit').click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'vendor-token-zh');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.locator('.ant-table-row', { hasText: 'SBOM 上传任务' });
    await row.getByRole('button', { name: '撤销' }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.getByText('已撤销').waitFor();
    await logout();
  });

  it('raised no uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
