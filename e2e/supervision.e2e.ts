import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../src/lib/tabular/xlsx';
import { pdfText } from '../src/server/testing/pdf-text';
import { launchBrowser, screenshot } from './support/browser';
import { repoRoot } from './support/paths';
import { type RunningServer, startServer } from './support/server';
import { login, logout, settle } from './support/session';
import { fullScreenshot } from './support/shots';

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const pageErrors: string[] = [];
const rows = () => page.locator('[data-testid=drill-table] tbody tr.ant-table-row');

beforeAll(async () => {
  // The demo template plus a small national dataset (31 provinces), loaded with the real CLI while the server is down.
  const first = await startServer();
  await first.stop({ keepData: true });
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'seed', 'national', '--enterprises', '1200', '--seed', '11'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TMPDIR: process.env.TMPDIR,
        DATA_DIR: first.dataDir,
        ...(first.database
          ? {
              DATABASE_URL: first.database.url,
              BULWARK_MASTER_KEY: 'base64:ZTJlLW1hc3Rlci1rZXktZm9yLWJ1bHdhcmstdGVzdHM=',
            }
          : {}),
      },
    },
  );
  expect(seeded.status, `${seeded.stdout}\n${seeded.stderr}`).toBe(0);
  server = await startServer({ reuse: first });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-supervision-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(
      () => undefined,
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('supervision journey: national map → province → uncovered top 10 % → XLSX and PDF; a province sees only itself', () => {
  it('the ministry opens the national dashboard with the map, the 31-province table and the targets', async () => {
    await login(page, browser.context, server.baseUrl, 'ministry.admin@bulwark.demo');
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-map').locator('canvas').first().waitFor();
    await page.locator('[data-testid=province-table] tbody tr.ant-table-row').nth(30).waitFor();
    expect(await page.locator('[data-testid=province-table] tbody tr.ant-table-row').count()).toBe(31);
    const covered = page.getByTestId('headline-enterprisesCovered');
    expect(await covered.innerText()).toContain('45,000');
    await page.getByTestId('gauge-enterprisesCovered').locator('canvas').first().waitFor();
    await page.getByTestId('trends').locator('canvas').first().waitFor();
    await settle(page);
    await fullScreenshot(page, 'supervision-01-ministry-national');
  });

  it('clicks Guangdong on the map and drills into its uncovered top-10 % enterprises', async () => {
    const map = page.getByTestId('supervision-map');
    // The outlines load lazily behind a spinner and ECharts draws its first frames animated: wait for the canvas,
    // then click Guangdong (as laid out at the journeys' 1440-pixel viewport) until the map has taken the click.
    await map.locator('canvas').first().waitFor();
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    for (let attempt = 1; ; attempt++) {
      await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.8);
      try {
        await page.waitForURL(/province=440000/, { timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
    await page.locator('h3', { hasText: '广东' }).first().waitFor();
    await page.locator('[data-testid=province-table] tbody tr.ant-table-row').first().waitFor();
    const cities = await page
      .locator('[data-testid=province-table] [data-testid^=breakdown-area-]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')?.replace('breakdown-area-', '') ?? ''),
      );
    expect(cities.length).toBeGreaterThan(0);
    expect(cities.every((c) => c.startsWith('44'))).toBe(true);

    await page.getByTestId('figure-link-topDecileUncovered').click();
    await page.waitForURL(/lists\/enterprises\?.*topDecile=true/);
    expect(page.url()).toContain('province=440000');
    expect(page.url()).toContain('covered=false');
    await rows().first().waitFor();
    while (await page.getByTestId('load-more').count()) {
      const before = await rows().count();
      await page.getByTestId('load-more').click();
      await rows().nth(before).waitFor();
    }
    const shown = await rows().count();
    expect(shown).toBeGreaterThan(0);
    await settle(page);
    await fullScreenshot(page, 'supervision-02-uncovered-top-decile');

    await page.waitForFunction(() =>
      document.querySelector('[data-testid=export-xlsx]')?.getAttribute('href')?.includes('covered=false'),
    );
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^bulwark-enterprises-440000-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readXlsxRows(readFileSync((await xlsx.path()) as string), 100_000);
    const header = sheet[0] ?? [];
    expect(header[0]).toBe('名称 / Name');
    expect(sheet.length - 1).toBe(shown);
    const col = (label: string) => header.findIndex((h) => h.startsWith(label));
    for (const r of sheet.slice(1)) {
      expect(r[col('省份')]).toBe('440000');
      expect(r[col('营收前10%')]).toBe('true');
      expect(r[col('已开展')]).toBe('false');
    }
  });

  it('downloads the monthly PDF report for the province, which opens', async () => {
    await page.goto(`${server.baseUrl}/supervision?province=440000`);
    await page.getByTestId('report-pdf-button').waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-pdf-button').click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^bulwark-supervision-440000-\d{4}-\d{2}\.pdf$/);
    const bytes = new Uint8Array(readFileSync((await pdf.path()) as string));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('工业领域数据安全监管月报');
    expect(text).toContain('广东省');
  });

  it('a provincial regulator sees only its own province, with cities and no national map', async () => {
    await logout(page);
    await login(page, browser.context, server.baseUrl, 'gd.admin@bulwark.demo');
    await page.getByTestId('nav-supervision').click();
    await page.locator('h3', { hasText: '广东' }).first().waitFor();
    await page.locator('[data-testid=province-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('supervision-map').count()).toBe(0);
    await settle(page);
    await fullScreenshot(page, 'supervision-03-province-guangdong');
    await page.goto(`${server.baseUrl}/supervision?province=330000`);
    await page.locator('[data-testid=province-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('h3', { hasText: '浙江' }).count()).toBe(0);
    const codes = await page
      .locator('[data-testid=province-table] [data-testid^=breakdown-area-]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')?.replace('breakdown-area-', '') ?? ''),
      );
    expect(codes.every((c) => c.startsWith('44'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
