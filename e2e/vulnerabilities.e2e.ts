import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { apiSession, choose, login, logout, settle } from './support/session';
import { fullScreenshot } from './support/shots';

const TITLE = '管理界面诊断功能存在命令注入';
const VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H';
const PUBLIC_TITLE = '华安下一代防火墙管理界面命令注入漏洞';
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const pageErrors: string[] = [];
// Filled as the journey goes: each step starts where the last one left the report.
let reportUrl = '';
let ref = '';

const as = (email: string) => login(page, browser.context, server.baseUrl, email);
const state = () => page.getByTestId('report-detail').getByTestId('report-state').first();
const expectState = async (s: string) => {
  await page
    .locator(`[data-testid="report-detail"] [data-testid="report-state"][data-state="${s}"]`)
    .first()
    .waitFor();
  expect(await state().getAttribute('data-state')).toBe(s);
};
/** Fires a lifecycle action through its button and modal; `fill` completes the form first. */
const act = async (event: string, fill?: () => Promise<void>) => {
  await page.getByTestId(`action-${event}`).click();
  await page.getByTestId('action-form').waitFor();
  await fill?.();
  await page.getByTestId('action-submit').click();
  await page.getByTestId('action-form').waitFor({ state: 'hidden' });
};

/** Two more reports on the same firewall (one through the filed platform, one already in triage) for a realistic inbox. */
async function seedInbox() {
  const { items } = (await (await fetch(`${server.baseUrl}/api/products?q=HA-NGFW`)).json()) as {
    items: { id: string }[];
  };
  const productId = items[0]!.id;
  const platform = await apiSession(server.baseUrl, 'platform.admin@bulwark.demo');
  await platform('POST', '/api/vulnerabilities', {
    productId,
    affectedVersions: ['5.1.0'],
    title: 'SSL VPN 门户存在路径遍历可读取任意文件',
    cwe: 'CWE-22',
    description: 'SSL VPN 门户的静态资源接口未规范化路径，未经身份验证即可读取 /etc/passwd 等任意文件。',
    cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'],
    onBehalfOf: '白帽子 陈晓',
  });
  const researcher = await apiSession(server.baseUrl, 'researcher@bulwark.demo');
  const { report } = await researcher<{ report: { id: string } }>('POST', '/api/vulnerabilities', {
    productId,
    affectedVersions: ['5.0.1', '5.1.0'],
    title: 'IPsec 配置导入存在缓冲区溢出',
    cwe: 'CWE-121',
    description: '导入超长 IKE 提议名称的配置文件时发生栈溢出，导致设备重启，可造成拒绝服务。',
    cvss: ['CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:H'],
  });
  const vendor = await apiSession(server.baseUrl, 'vendor.member@bulwark.demo');
  await vendor('POST', `/api/vulnerabilities/${report.id}/transitions`, { event: 'start-triage' });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-vuln-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('vulnerability journey: researcher → vendor → ministry → public', () => {
  it('researcher submits a report on 华安下一代防火墙 with a PoC and sees the computed score', async () => {
    await as('researcher@bulwark.demo');
    await page.getByTestId('nav-submit').click();
    await page.getByTestId('report-form').waitFor();
    await choose(page, 'product-picker', '华安下一代防火墙', '华安');
    await choose(page, 'versions', '5.2.3');
    await page.keyboard.press('Escape');
    await page.locator('input#title').fill(TITLE);
    await page.locator('input#cwe').fill('CWE-78');
    await page
      .locator('textarea#description')
      .fill(
        '管理界面“诊断工具”的 ping 功能未过滤目标地址参数，已登录的低权限用户可注入 shell 命令，以 root 身份执行。',
      );
    await page.getByTestId('cvss-0').fill(VECTOR);
    await page.locator('input[type=file]').setInputFiles({
      name: 'poc_ping_injection.py',
      mimeType: 'text/x-python',
      buffer: Buffer.from('import requests\n# proof of concept\n'),
    });
    await page.getByTestId('poc-exploit-tool').check();
    await settle(page);
    await fullScreenshot(page, 'vuln-01-researcher-form');
    await page.getByTestId('report-submit').click();

    const done = page.getByTestId('report-submitted');
    await done.waitFor();
    expect(await done.getByTestId('cvss-score').first().textContent()).toContain('8.8');
    ref = (await done.locator('.ant-result-title').textContent())?.match(/BWK-\d{4}-\d{5,}/)?.[0] ?? '';
    expect(ref).toMatch(/^BWK-/);
    await settle(page);
    await fullScreenshot(page, 'vuln-02-researcher-submitted');

    await page.getByTestId('submitted-view').click();
    await page.getByTestId('report-detail').waitFor();
    reportUrl = new URL(page.url()).pathname;
    await page.getByTestId('attachments-card').getByText('poc_ping_injection.py').waitFor();

    await page.getByTestId('nav-vulnerabilities').click();
    await page.getByTestId('reports-page').getByText(ref).waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-03-researcher-my-reports');
    await logout(page);
  });

  it('vendor sees it in the inbox with live countdowns, triages, confirms and reports to MIIT in time', async () => {
    await seedInbox();
    await as('vendor.admin@bulwark.demo');
    await page.getByTestId('nav-vulnerabilities').click();
    const row = page.locator('.ant-table-row', { hasText: ref });
    await row.waitFor();
    const countdown = row.getByTestId('clock-national');
    expect(await countdown.getAttribute('data-status')).toBe('pending');
    const before = await countdown.textContent();
    expect(before).toMatch(/剩余 (\d+ 天 )?\d\d:\d\d:\d\d/);
    await page.waitForTimeout(1500);
    expect(await countdown.textContent(), 'the countdown ticks').not.toBe(before);
    await settle(page);
    await fullScreenshot(page, 'vuln-04-vendor-inbox-countdowns');

    await row.getByTestId('report-link').click();
    await page.getByTestId('report-detail').waitFor();
    expect(await page.getByTestId('report-description').textContent()).toContain('ping');
    await act('start-triage');
    await expectState('triage');

    await act('confirm', async () => {
      await page
        .locator('textarea#action_harm')
        .fill('已登录的低权限用户可远程执行任意系统命令，完全控制防火墙。');
      await page.locator('textarea#action_scope').fill('HA-NGFW-3000 5.0.0 至 5.2.3 全部版本。');
    });
    await expectState('confirmed');

    await page.getByTestId('action-report-nationally').click();
    const form = page.getByTestId('national-form');
    await form.waitFor();
    // Pre-filled from the product, the report and the assessment (RMSV art. 7(2) fields).
    expect(await form.locator('#national_productName').inputValue()).toBe('华安下一代防火墙');
    expect(await form.locator('#national_productModel').inputValue()).toBe('HA-NGFW-3000');
    expect(await form.locator('#national_productVersion').inputValue()).toBe('5.2.3');
    expect(await form.locator('#national_harm').inputValue()).toContain('远程执行');
    await settle(page);
    await fullScreenshot(page, 'vuln-05-vendor-national-form');
    await page.getByTestId('national-submit').click();
    await form.waitFor({ state: 'hidden' });
    await expectState('nationally-reported');
    const card = page.getByTestId('national-card');
    await card.waitFor();
    expect(await card.getByTestId('national-status').getAttribute('data-status')).toBe('filed');
    expect(await page.getByTestId('clock-nationalReport').getAttribute('data-status')).toBe('met');
    await settle(page);
    await fullScreenshot(page, 'vuln-06-vendor-report-detail');

    // The frame, actions, deadlines and card titles are the locale files' job; report data stays as filed.
    await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('clocks-card').getByText('Report to MIIT').waitFor();
    for (const part of ['sider', 'action-bar', 'clocks-card', 'national-card']) {
      const text = await page.getByTestId(part).innerText();
      expect([...text].filter((c) => CJK.test(c)).join(''), `untranslated text in ${part}`).toBe('');
    }
    const cardTitles = await page.locator('.ant-card-head-title').allInnerTexts();
    expect(cardTitles.join('').match(CJK)).toBeNull();
    await settle(page);
    await fullScreenshot(page, 'vuln-06b-vendor-report-detail-en');
    await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
    await logout(page);
  });

  it('ministry finds it in the national-report inbox, prints it and acknowledges it', async () => {
    await as('ministry.admin@bulwark.demo');
    await page.getByTestId('nav-nationalReports').click();
    const row = page.locator('.ant-table-row', { hasText: ref });
    await row.waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-07-ministry-national-inbox');

    const href = await row.getByTestId('national-link').getAttribute('href');
    await page.goto(`${server.baseUrl}${href}/print`);
    await page.getByTestId('national-print').getByText('华安下一代防火墙').waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-08-ministry-national-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print').isVisible(), 'the toolbar stays off paper').toBe(false);
    await fullScreenshot(page, 'vuln-08b-ministry-national-print-media');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${server.baseUrl}${href}`);
    await page.getByTestId('national-report-page').waitFor();
    await page.getByTestId('national-acknowledge').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid="national-status"][data-status="acknowledged"]').waitFor();

    await page.getByTestId('nav-vulnerabilities').click();
    await page.locator('.ant-table-row', { hasText: ref }).waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-09-ministry-board');
    await logout(page);
  });

  it('vendor records a fix, notifies users, is refused publication without the fix, then publishes with it', async () => {
    await as('vendor.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}${reportUrl}`);
    await page.getByTestId('report-detail').waitFor();
    expect(await page.getByTestId('national-status').getAttribute('data-status')).toBe('acknowledged');

    await act('release-fix', async () => {
      await page
        .locator('#action_description')
        .fill('升级至 5.2.4：诊断工具对目标地址做严格校验，并以非特权用户执行。');
      await page.getByTestId('fixed-versions').click();
      await page.keyboard.type('5.2.4');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
    });
    await expectState('fix-available');
    await act('notify-users');
    await expectState('users-notified');

    await page.getByTestId('action-publish').click();
    const drawer = page.getByTestId('publication-drawer');
    await drawer.getByTestId('public-description').waitFor();
    await drawer.locator('#publication_publicTitle').fill(PUBLIC_TITLE);
    await drawer
      .getByTestId('public-description')
      .fill(
        '华安下一代防火墙 HA-NGFW-3000 5.2.3 及更早版本的管理界面存在命令注入漏洞，已登录用户可执行任意命令。请升级至 5.2.4。',
      );
    const includesFix = drawer.getByTestId('includes-fix');
    expect(await includesFix.getAttribute('aria-checked')).toBe('true');
    await includesFix.click();
    expect(await includesFix.getAttribute('aria-checked')).toBe('false');
    await drawer.getByTestId('publication-submit').click();

    const refused = drawer.getByTestId('publication-refused');
    await refused.waitFor();
    const reason = refused.getByTestId('refusal-mitigation-missing');
    expect(await reason.textContent()).toContain('发布内容未同时包含修补或防范措施');
    expect(await reason.textContent()).toContain('第九条');
    await settle(page);
    await fullScreenshot(page, 'vuln-10-vendor-publication-refused');

    await includesFix.click();
    await drawer.getByTestId('publication-submit').click();
    await expectState('published');
    await page.getByTestId('advisory-link').waitFor();
    const timeline = page.getByTestId('timeline');
    expect(await timeline.locator('[data-kind="publication-refused"]').count()).toBe(1);
    expect(await timeline.locator('[data-kind="publish"]').count()).toBe(1);
    await settle(page);
    await fullScreenshot(page, 'vuln-11-vendor-published');
    await logout(page);
  });

  it('shows the advisory on the public pages without signing in', async () => {
    await browser.context.clearCookies();
    expect(await page.getByTestId('login-link-advisories').isVisible()).toBe(true);
    await page.getByTestId('login-link-advisories').click();
    const item = page.getByTestId('advisory-item').filter({ hasText: ref });
    await item.waitFor();
    expect(await item.textContent()).toContain(PUBLIC_TITLE);
    await item.getByTestId('advisory-open').click();
    await page.getByTestId('advisory-page').waitFor();
    expect(await page.getByTestId('advisory-title').textContent()).toBe(PUBLIC_TITLE);
    expect(await page.getByTestId('advisory-remediation').textContent()).toContain('5.2.4');
    const downloads = page.getByTestId('advisory-downloads');
    const csaf = await downloads
      .locator('a', { has: page.getByTestId('download-csaf') })
      .getAttribute('href');
    const res = await page.request.get(`${server.baseUrl}${csaf}`);
    expect(res.status()).toBe(200);
    expect((await res.json()).document?.tracking?.id).toBe(ref);
    await settle(page);
    await fullScreenshot(page, 'vuln-12-public-advisory');

    await page.getByTestId('public-nav-platforms').click();
    await page.getByTestId('filed-platforms-page').getByText('补天漏洞响应平台（演示）').waitFor();
    await fullScreenshot(page, 'vuln-13-public-filed-platforms');
  });

  it('an anonymous reporter files on an uncatalogued product, follows it by claim code, and the ministry routes it', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/intake`);
    await page.getByTestId('report-form').waitFor();
    await page.getByText('目录中没有该产品', { exact: true }).click();
    await page.locator('#productText_vendorName').fill('华安网络设备有限公司');
    await page.locator('#productText_productName').fill('华安无线控制器');
    await page.locator('#productText_model').fill('HA-WLC-200');
    await page.getByTestId('versions').click();
    await page.keyboard.type('2.1.0');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('input#title').fill('无线控制器 Web 管理默认口令未强制修改');
    await page
      .locator('textarea#description')
      .fill('出厂默认管理员口令在首次登录后不强制修改，攻击者可在局域网内直接登录管理界面。');
    await page.getByTestId('report-submit').click();
    const code = (await page.getByTestId('claim-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^BWK-C-/);
    await settle(page);
    await fullScreenshot(page, 'vuln-14-anonymous-claim-code');

    await page.getByTestId('public-nav-follow').click();
    await page.getByTestId('claim-input').fill(code);
    await page.getByTestId('claim-search').click();
    await page.getByTestId('timeline').getByText('收到报告').waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-15-anonymous-follow');

    await as('ministry.admin@bulwark.demo');
    await page.getByTestId('nav-unrouted').click();
    const row = page.locator('.ant-table-row', { hasText: '华安无线控制器' });
    await row.waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-16-ministry-unrouted');
    await row.getByRole('button').click();
    await choose(page, 'assign-vendor', '华安网络设备有限公司', '华安');
    await page.getByTestId('assign-submit').click();
    await row.waitFor({ state: 'detached' });

    await page.getByTestId('nav-platformFilings').click();
    await page.getByTestId('platform-filings-page').getByText('全部', { exact: true }).click();
    await page.locator('.ant-table-row', { hasText: '补天漏洞响应平台（演示）' }).waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-17-ministry-filings');

    await page.getByTestId('nav-freezeWindows').click();
    await page.getByTestId('freeze-windows-page').waitFor();
    await page.locator('input#name').fill('重大国际会议保障期');
    const range = page.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('2027-03-01 00:00');
    await range.first().press('Enter');
    await range.nth(1).fill('2027-03-15 23:59');
    // Enter in the last picker field confirms the range and submits the form, as a keyboard user would.
    await range.nth(1).press('Enter');
    await page.locator('.ant-table-row', { hasText: '重大国际会议保障期' }).waitFor();
    await settle(page);
    await fullScreenshot(page, 'vuln-18-ministry-freeze-windows');

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-dropdown').getByText('收到国家平台报送').first().waitFor();
    await page.waitForTimeout(400);
    await fullScreenshot(page, 'vuln-19-ministry-notifications');
    await page.getByTestId('notifications-all').click();
    await page.getByTestId('notifications-page').getByTestId('notification').first().waitFor();
    await logout(page);
  });

  it('raised no uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
