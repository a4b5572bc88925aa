import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../src/server/testing/pdf-text';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { choose, login, logout, settle } from './support/session';
import { fullScreenshot } from './support/shots';

const TITLE = '勒索软件攻击应急演练';

type Browser = { context: BrowserContext; close: () => Promise<void> };
let server: RunningServer;
let facilitator: Browser;
let participant: Browser;
let page: Page;
let member: Page;
let drillId = '';
const pageErrors: string[] = [];

const drillConsole = () => page.getByTestId('drill-console');
const minute = async () => Number(await page.getByTestId('drill-minute').getAttribute('data-minute'));
const advance = async () => {
  const before = await minute();
  await page.getByTestId('drill-advance').click();
  await page.waitForFunction(
    (m) => Number(document.querySelector('[data-testid="drill-minute"]')?.getAttribute('data-minute')) > m,
    before,
  );
};

beforeAll(async () => {
  server = await startServer();
  facilitator = await launchBrowser();
  participant = await launchBrowser();
  page = await facilitator.context.newPage();
  member = await participant.context.newPage();
  for (const p of [page, member]) p.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-drills-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await facilitator?.close();
  await participant?.close();
  await server?.stop();
});

describe('drill journey: schedule → participate → practice incident → after-action report → filing', () => {
  it('the facilitator schedules the ransomware drill with a second participant and starts it', async () => {
    await login(page, facilitator.context, server.baseUrl, 'ent.gd1@bulwark.demo');
    await page.getByTestId('nav-drills').click();
    await page.getByTestId('drills-page').waitFor();
    await page.getByTestId('drill-new').click();
    await page.getByTestId('drill-schedule-form').waitFor();
    await choose(page, 'drill-scenario', TITLE);
    await choose(page, 'drill-participants', 'ent.gd1.member@bulwark.demo', 'ent.gd1.member');
    // A multiple select stays open after a pick; a click on the form outside it closes it (Escape could close the modal).
    await page.getByTestId('drill-schedule-form').click({ position: { x: 4, y: 4 } });
    await page.getByTestId('drill-schedule-submit').click();
    await drillConsole().waitFor();
    drillId = page.url().split('/drills/')[1] ?? '';
    expect(drillId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('drill-start').click();
    await page.locator('[data-testid="drill-console"][data-status="running"]').waitFor();
    await page.getByTestId('drill-inject-initial-access').waitFor();
    await settle(page);
    await fullScreenshot(page, 'drills-01-console-started');
  });

  it('the participant signs in elsewhere and records an action claiming detection', async () => {
    await login(member, participant.context, server.baseUrl, 'ent.gd1.member@bulwark.demo');
    await member.goto(`${server.baseUrl}/drills/${drillId}`);
    await member.getByTestId('drill-action-form').waitFor();
    await member
      .getByTestId('drill-action-text')
      .fill('确认境外 IP 登录为异常，已关闭远程运维端口并上报安全负责人');
    await choose(member, 'drill-action-claim', '发现');
    await member.getByTestId('drill-action-submit').click();
    await member.getByTestId('drill-actions-initial-access').getByText('已关闭远程运维端口').waitFor();
    await settle(member);
    await fullScreenshot(member, 'drills-02-participant-action');
  });

  it('the facilitator marks detection, advances, and the practice incident shows tier II with both clocks', async () => {
    // The console polls; the member's action arrives without a reload.
    await page
      .getByTestId('drill-actions-initial-access')
      .getByText('已关闭远程运维端口')
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('drill-mark-met-initial-access-detected').click();
    await page
      .locator('[data-testid="drill-expectation-initial-access-detected"][data-status="met"]')
      .waitFor();
    for (let i = 0; i < 4; i++) await advance();
    expect(await minute()).toBe(40);
    const card = page.getByTestId('drill-incident');
    await card.locator('[data-testid="incident-tier"][data-tier="II"]').first().waitFor();
    expect(await page.getByTestId('drill-practice-label').innerText()).toBe('演练');
    expect(await card.getByTestId('drill-incident-fired').innerText()).toContain('数据');
    expect(await page.getByTestId('drill-clock-regulator-phone').getAttribute('data-minutes')).toBe('10');
    expect(await page.getByTestId('drill-clock-regulator-written').getAttribute('data-minutes')).toBe('30');
    await settle(page);
    await fullScreenshot(page, 'drills-03-practice-incident');
  });

  it('completes the drill; the after-action report renders and its PDF downloads with the Chinese title', async () => {
    await advance();
    await advance();
    await page.getByTestId('drill-mark-met-recovery-restored').click();
    await page.locator('[data-testid="drill-expectation-recovery-restored"][data-status="met"]').waitFor();
    await page.getByTestId('drill-complete').click();
    await page.locator('[data-testid="drill-console"][data-status="completed"]').waitFor();
    await page.getByTestId('drill-report-link').click();
    await page.getByTestId('drill-report').waitFor();
    expect(await page.getByTestId('drill-report-title').innerText()).toBe(TITLE);
    await page.getByTestId('drill-timeline').locator('canvas').first().waitFor();
    const score = await page.getByTestId('drill-report').getAttribute('data-score');
    expect(Number(score)).toBe(50);
    await settle(page);
    await fullScreenshot(page, 'drills-04-after-action-report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('drill-pdf').click(),
    ]);
    const file = await download.path();
    const bytes = new Uint8Array(readFileSync(file));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(TITLE);
    expect(text).toContain('Score: 50 / 100');
  });

  it('files the drill: Guangdong lists it, Zhejiang does not', async () => {
    await page.getByTestId('drill-file').click();
    await page.getByTestId('drill-file-confirm').click();
    await page.getByTestId('drill-filed-tag').waitFor();
    await logout(page);

    await login(page, facilitator.context, server.baseUrl, 'gd.admin@bulwark.demo');
    await page.getByTestId('nav-drills').click();
    await page.getByTestId(`drill-row-${drillId}`).waitFor();
    await settle(page);
    await fullScreenshot(page, 'drills-05-regulator-filed-list');
    await logout(page);

    await login(page, facilitator.context, server.baseUrl, 'zj.admin@bulwark.demo');
    await page.getByTestId('nav-drills').click();
    await page.getByTestId('drills-table').waitFor();
    await settle(page);
    expect(await page.getByTestId(`drill-row-${drillId}`).count()).toBe(0);
    await logout(page);
  });

  it('copies the built-in scenario and edits it in the designer, with server field errors on the field', async () => {
    await login(page, facilitator.context, server.baseUrl, 'ent.gd1@bulwark.demo');
    await page.getByTestId('nav-drillScenarios').click();
    await page.getByTestId('scenario-copy-builtin-ransomware').click();
    await page.getByTestId('scenario-designer').waitFor();
    // antd puts the test id on the number input itself or on its wrapper, depending on the version.
    const second = page
      .locator('input[data-testid="designer-minute-1"], [data-testid="designer-minute-1"] input')
      .first();
    await second.fill('99');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('designer-inject-2').locator('.ant-form-item-explain-error').waitFor();
    await second.fill('12');
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('scenario-saved').waitFor();
    await settle(page);
    await fullScreenshot(page, 'drills-06-scenario-designer');
    expect(pageErrors).toEqual([]);
  });
});
