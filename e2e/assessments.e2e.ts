import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { login, settle } from './support/session';
import { fullScreenshot } from './support/shots';

// Findings of the journey: each becomes a corrective action when the examination is completed.
const FINDINGS = { 'RW-01': '否', 'RW-02': '部分', 'VB-03': '否' } as const;

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let work: string;
const pageErrors: string[] = [];
const files = { backup: '', fix: '' };

/** Waits for the examination's answers to be saved after a UI action. */
const saved = () =>
  page.waitForResponse((r) => r.url().includes('/answers') && r.request().method() === 'PATCH' && r.ok());

/** Opens the programme page and waits for the coverage status to read `covered`. */
async function coverageIs(covered: boolean) {
  await page.getByTestId('nav-programme').click();
  await page
    .locator(`[data-testid="coverage-status"][data-covered="${covered}"]`)
    .waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'bulwark-e2e-assessments-'));
  files.backup = path.join(work, '离线备份记录.txt');
  writeFileSync(files.backup, '2026-11 离线磁带备份记录：每周日 02:00，异地保管。\n');
  files.fix = path.join(work, '备份整改报告.txt');
  writeFileSync(files.fix, '已部署离线备份一体机，备份账号与域账号分离。\n');
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-assessments-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(
      () => undefined,
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('self-examination journey: examine → evidence → complete → correct → covered', () => {
  it('an enterprise with an approved catalog filing is not yet covered this year', async () => {
    await login(page, browser.context, server.baseUrl, 'ent.gd2@bulwark.demo');
    await coverageIs(false);
  });

  it('runs this year’s self-examination with findings and evidence, then completes it', async () => {
    await page.getByTestId('nav-examinations').click();
    await page.getByTestId('start-examination').click();
    await page.getByTestId('control-RW-01').waitFor();
    expect(await page.getByTestId('examination-status').innerText()).toBe('进行中');

    for (const [id, label] of Object.entries(FINDINGS)) {
      const done = saved();
      await page.getByTestId(`answer-${id}`).getByText(label, { exact: true }).click();
      await done;
    }
    await page.getByTestId('note-RW-01').fill('仅有在线快照，无离线副本');
    const noted = saved();
    await page.getByTestId('note-RW-01').blur();
    await noted;

    await page.getByTestId('evidence-RW-01').locator('input[type=file]').setInputFiles(files.backup);
    await page.getByTestId('evidence-RW-01-file').getByText('离线备份记录.txt').waitFor();

    await page.getByTestId('remaining-yes').click();
    const all = saved();
    await page.getByTestId('remaining-yes-confirm').click();
    await all;
    await page.getByTestId('remaining-yes').waitFor({ state: 'detached' });
    const overall = Number(await page.getByTestId('score-overall').getAttribute('data-score'));
    expect(overall).toBeGreaterThan(80);
    expect(overall).toBeLessThan(100);
    await settle(page);
    await fullScreenshot(page, 'assessments-examination-answered');

    await page.getByTestId('complete-examination').click();
    await page.getByTestId('complete-confirm').click();
    await page.getByTestId('examination-status').getByText('已完成').waitFor();
    await page.getByTestId('examination-diff').waitFor();
  });

  it('sees the findings as corrective actions and resolves one with an evidence file', async () => {
    await page.getByTestId('to-corrective-actions').click();
    const open = page.getByTestId('column-open');
    for (const id of Object.keys(FINDINGS)) await open.getByTestId(`action-${id}`).waitFor();
    await settle(page);
    await fullScreenshot(page, 'assessments-corrective-board');

    await open.getByTestId('action-RW-01').click();
    const drawer = page.getByTestId('action-drawer');
    await drawer.getByTestId('action-evidence').locator('input[type=file]').setInputFiles(files.fix);
    await drawer.getByTestId('action-evidence-file').getByText('备份整改报告.txt').waitFor();
    await drawer.getByTestId('action-resolution').fill('已部署离线备份一体机并完成首次恢复演练。');
    await drawer.getByTestId('action-resolve').click();
    await page.getByTestId('column-resolved').getByTestId('action-RW-01').waitFor();
    await settle(page);
    await fullScreenshot(page, 'assessments-action-resolved');
    expect(await open.getByTestId('action-RW-02').isVisible()).toBe(true);
  });

  it('counts the enterprise as covered once this year’s examination is complete', async () => {
    await page.keyboard.press('Escape');
    await coverageIs(true);
    await settle(page);
    await fullScreenshot(page, 'assessments-programme-covered');
    expect(pageErrors).toEqual([]);
  });
});
