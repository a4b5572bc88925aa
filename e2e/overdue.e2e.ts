/** A report the vendor never reports nationally goes overdue, and the ministry sees the escalation (RMSV art. 7(2)). */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { apiSession, login, settle } from './support/session';

const THREE_DAYS = 3 * 86_400_000;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let ref = '';

beforeAll(async () => {
  const first = await startServer();
  const researcher = await apiSession(first.baseUrl, 'researcher@bulwark.demo');
  const { items } = await (await fetch(`${first.baseUrl}/api/products?q=HA-NGFW`)).json();
  const { report } = await researcher<{ report: { ref: string } }>('POST', '/api/vulnerabilities', {
    productId: items[0].id,
    affectedVersions: ['5.2.3'],
    title: '远程管理接口认证绕过',
    description: '特制的 Cookie 可绕过远程管理接口的身份验证，直接访问配置页面。',
  });
  ref = report.ref;
  await first.stop({ keepData: true });
  // Same data, three days later (the clock-offset file moves the server's time): the 2-day national report is
  // overdue, and the deadline watch that runs at start-up escalates it to the ministry.
  const offsetFile = path.join(first.dataDir, 'clock-offset');
  fs.writeFileSync(offsetFile, String(THREE_DAYS));
  server = await startServer({ reuse: first, env: { BULWARK_CLOCK_OFFSET_FILE: offsetFile } });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('overdue national report', () => {
  it('shows the ministry the escalation: overdue list, escalated tag, notification and timeline', async () => {
    await login(page, browser.context, server.baseUrl, 'ministry.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}/vulnerabilities?overdue=true`);
    const row = page.locator('.ant-table-row', { hasText: ref });
    await row.waitFor();
    expect(await row.getByTestId('clock-national').getAttribute('data-status')).toBe('overdue');
    await row.getByTestId('escalated').waitFor();
    await page.getByTestId('notification-bell').click();
    await page.locator('[data-testid="notification"][data-kind="vulnerability.overdue"]').first().waitFor();
    await settle(page);
    await screenshot(page, 'overdue-ministry-board');
    await row.getByTestId('report-link').click();
    await page.getByTestId('escalated-alert').waitFor();
    expect(await page.getByTestId('timeline').locator('[data-kind="escalated"]').count()).toBe(1);
    await screenshot(page, 'overdue-ministry-detail');
  });
});
