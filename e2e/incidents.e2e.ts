/**
 * A real incident reported at tier III is updated to tier II facts, reclassified, starts the provincial regulator's
 * 10/30-minute ministry clocks, and is escalated to the ministry when they are missed (214号, draft values).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { choose, login, settle } from './support/session';

const TITLE = '注塑车间 MES 服务器遭勒索加密';
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let offsetFile = '';
let incidentUrl = '';
const pageErrors: string[] = [];

const as = (email: string) => login(page, browser.context, server.baseUrl, email);
const tier = () => page.getByTestId('incident-tier').first().getAttribute('data-tier');
const clockStatus = (duty: string) => page.getByTestId(`clock-${duty}`).getAttribute('data-status');
const fillNumber = (testId: string, value: string) =>
  page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first()
    .fill(value);

beforeAll(async () => {
  const first = await startServer();
  await first.stop({ keepData: true });
  offsetFile = path.join(first.dataDir, 'clock-offset');
  fs.writeFileSync(offsetFile, '0');
  server = await startServer({ reuse: first, env: { BULWARK_CLOCK_OFFSET_FILE: offsetFile } });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('incident reclassified from tier III to II and escalated', () => {
  it('reports a tier III incident through the wizard with the criterion that fired', async () => {
    await as('ent.gd2@bulwark.demo');
    await page.goto(`${server.baseUrl}/incidents`);
    await page.getByTestId('report-incident').click();
    await page.getByTestId('incident-title').fill(TITLE);
    await page
      .getByTestId('incident-description')
      .fill('凌晨 3 时发现 MES 服务器文件被加密并留有勒索信，已断网隔离。');
    await page.getByTestId('wizard-next').click();
    await choose(page, 'incident-type', '勒索软件');
    await fillNumber('incident-loss', '60000000');
    const preview = page.getByTestId('classification-card');
    await preview.locator('[data-testid="incident-tier"][data-tier="III"]').first().waitFor();
    expect(await preview.locator('[data-criterion="directLoss"]').count()).toBe(1);
    await page.getByTestId('wizard-next').click();
    await settle(page);
    await screenshot(page, 'incident-wizard-tier-iii');
    await page.getByTestId('incident-submit').click();
    await page.getByTestId('incident-page').waitFor();
    incidentUrl = page.url();
    expect(await tier()).toBe('III');
    expect(await page.getByTestId('clock-regulator-phone').count()).toBe(0);
    expect(await clockStatus('processor-report')).toBe('met');
  });

  it('reclassifies to tier II on new facts and starts both ministry clocks', async () => {
    await page.getByTestId('incident-action-facts').click();
    await fillNumber('incident-loss', '150000000');
    await page.getByTestId('action-note').fill('核实直接经济损失超过 1 亿元');
    await page.locator('#incident-action-ok').click();
    await page.locator('[data-testid="incident-tier"][data-tier="II"]').first().waitFor();
    await page.getByTestId('incident-timeline').locator('[data-kind="reclassified"]').waitFor();
    expect(
      await page.getByTestId('incident-timeline').locator('[data-kind="ministry-clock-started"]').count(),
    ).toBe(1);
    expect(await clockStatus('regulator-phone')).toMatch(/pending|due-soon/);
    expect(await clockStatus('regulator-written')).toMatch(/pending|due-soon/);
    await settle(page);
    await screenshot(page, 'incident-tier-ii-clocks');

    await as('gd.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}/incidents`);
    const row = page.getByTestId('incident-table').locator('.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('[data-testid="incident-tier"]').getAttribute('data-tier')).toBe('II');
    await settle(page);
    await screenshot(page, 'incident-province-inbox');

    await as('zj.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}/incidents`);
    await page.getByTestId('incident-table').waitFor();
    await settle(page);
    expect(
      await page.getByTestId('incident-table').locator('.ant-table-row', { hasText: TITLE }).count(),
    ).toBe(0);
  });

  it('escalates to the ministry when the 10- and 30-minute marks pass, and shows the late written report', async () => {
    // Same data, 31 minutes later: the clock watch (start-up run and the per-minute job) escalates both marks.
    await server.stop({ keepData: true });
    fs.writeFileSync(offsetFile, String(31 * 60_000));
    server = await startServer({ reuse: server, env: { BULWARK_CLOCK_OFFSET_FILE: offsetFile } });
    await as('ministry.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}${new URL(incidentUrl).pathname}`);
    await page.getByTestId('escalated-regulator-phone').waitFor();
    await page.getByTestId('escalated-regulator-written').waitFor();
    expect(await clockStatus('regulator-phone')).toBe('overdue');
    expect(await page.getByTestId('incident-timeline').locator('[data-kind="escalated"]').count()).toBe(2);
    await page.getByTestId('notification-bell').click();
    await page.locator('[data-testid="notification"][data-kind="incident.escalated"]').first().waitFor();
    await settle(page);
    await screenshot(page, 'incident-escalated-ministry');

    await as('gd.admin@bulwark.demo');
    await page.goto(`${server.baseUrl}${new URL(incidentUrl).pathname}`);
    // The form offers the next report due: the phone call first, then the written report.
    for (const duty of ['regulator-phone', 'regulator-written']) {
      await page.getByTestId('incident-action-ministry').click();
      await page.locator('#incident-action-ok').click();
      await page.locator(`[data-testid="clock-${duty}"][data-status="met-late"]`).waitFor();
    }
    await settle(page);
    await screenshot(page, 'incident-written-late');
    expect(pageErrors).toEqual([]);
  });
});
