import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { repoRoot } from './support/paths';
import { type RunningServer, startServer } from './support/server';
import { login, settle } from './support/session';
import { fullScreenshot } from './support/shots';

const ENTERPRISE = '粤海精密制造有限公司';
const ASSET = '工艺仿真模型';
const COMMENT = '工艺仿真模型的安全保护措施未写明加密方式，请补充后重新提交。';

/** The wizard's questions from the pack, and the answers that make the new asset important. */
const QUESTIONS = (
  JSON.parse(readFileSync(path.join(repoRoot, 'regulations/data-classification-questions.json'), 'utf8')) as {
    questions: { value: { id: string; answers: { key: string; minLevel: string }[] } }[];
  }
).questions.map((q) => q.value);
const RAISED: Record<string, string> = {
  'important-definition': 'yes',
  field: 'key-field',
  precision: 'high',
};

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const pageErrors: string[] = [];

const as = (email: string) => login(page, browser.context, server.baseUrl, email);
const openCatalog = async () => {
  await page.getByTestId('nav-dataCatalog').click();
  await page.getByTestId('filing-card').waitFor();
};
const openQueue = async () => {
  await page.getByTestId('nav-catalogReviews').click();
  await page.getByTestId('review-queue').waitFor();
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-catalog-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('data catalog journey: classify → file → return → resubmit → approve → certificate', () => {
  it('enterprise classifies a new data asset through the wizard and files the catalog', async () => {
    await as('ent.gd1@bulwark.demo');
    await openCatalog();
    expect(await page.getByTestId('submit-filing').isEnabled()).toBe(true);
    await page.getByTestId('add-asset').click();
    await page.getByTestId('asset-form').waitFor();
    await page.getByTestId('asset-name').fill(ASSET);
    await page.getByTestId('asset-category').fill('研发设计数据');
    await page.getByTestId('asset-records').fill('86000');
    await page.getByTestId('asset-volume').fill('5200');
    await page.getByTestId('asset-purpose').fill('新产品工艺仿真与参数寻优');
    await page.getByTestId('asset-processingMethod').fill('存储、计算分析');
    await page.getByTestId('asset-scopeOfUse').fill('工艺研发部');
    await page.getByTestId('asset-responsiblePerson').fill('李文（数据安全负责人）');
    await page.getByTestId('asset-securityMeasures').fill('访问控制、操作审计');

    const wizard = page.getByTestId('classification-wizard');
    for (const [step, group] of [
      QUESTIONS.filter((q) => q.answers.some((a) => a.minLevel === 'core')),
      QUESTIONS.filter((q) => !q.answers.some((a) => a.minLevel === 'core')),
    ].entries()) {
      for (const q of group) {
        await page.getByTestId(`answer-${q.id}-${RAISED[q.id] ?? q.answers[0]!.key}`).check();
      }
      if (step === 0)
        expect(await wizard.getByTestId('live-level').getAttribute('data-level')).toBe('general');
      await wizard.getByTestId('wizard-next').click();
    }
    await page.locator('[data-testid="derived-level"][data-level="important"]').waitFor();
    expect(await page.getByTestId('level-reasons').locator('li').count()).toBe(3);
    await fullScreenshot(page, 'catalog-01-wizard-important');

    await page.getByTestId('asset-save').click();
    await page.getByTestId(`level-${ASSET}`).waitFor();
    expect(await page.getByTestId(`level-${ASSET}`).getAttribute('data-level')).toBe('important');

    await page.getByTestId('submit-filing').click();
    await page.getByTestId('open-filing').getByTestId('filing-status').waitFor();
    expect(
      await page.getByTestId('open-filing').getByTestId('filing-status').getAttribute('data-status'),
    ).toBe('submitted');
    await fullScreenshot(page, 'catalog-02-filed');
  });

  it('the Guangdong regulator sees it with the 20-working-day clock and returns it with a comment', async () => {
    await as('gd.admin@bulwark.demo');
    await openQueue();
    const row = page.getByTestId(`queue-row-${ENTERPRISE}`);
    await row.getByTestId('queue-countdown').waitFor();
    expect(await row.innerText()).toContain('剩余 20 个工作日');
    expect(await row.getByTestId('queue-countdown').getAttribute('data-status')).toBe('pending');
    await fullScreenshot(page, 'catalog-03-queue');

    await page.getByTestId(`review-${ENTERPRISE}`).click();
    await page.getByTestId('snapshot-table').getByText(ASSET).waitFor();
    await fullScreenshot(page, 'catalog-04-review-drawer');
    await page.getByTestId('return-filing').click();
    await page.getByTestId('return-comment-input').fill(COMMENT);
    await page.getByTestId('return-confirm').click();
    await page.getByTestId(`queue-row-${ENTERPRISE}`).waitFor({ state: 'detached' });
  });

  it('the Zhejiang regulator does not see the Guangdong filing', async () => {
    await as('zj.admin@bulwark.demo');
    await openQueue();
    await page.getByTestId('queue-row-钱塘新材料科技有限公司').waitFor();
    await page.getByText('全部', { exact: true }).click();
    await settle(page);
    expect(await page.getByTestId(`queue-row-${ENTERPRISE}`).count()).toBe(0);
  });

  it('the enterprise reads the comment, fixes the asset and resubmits', async () => {
    await as('ent.gd1@bulwark.demo');
    await openCatalog();
    expect(await page.getByTestId('returned-comment').innerText()).toBe(COMMENT);
    await page.getByTestId(`edit-${ASSET}`).click();
    await page
      .getByTestId('asset-securityMeasures')
      .fill('访问控制、操作审计、AES-256 加密存储、TLS 1.3 传输加密');
    await page.getByTestId('asset-save').click();
    await page.getByTestId('asset-form').waitFor({ state: 'detached' });
    await page.getByTestId('resubmit-filing').click();
    await page
      .locator('[data-testid="open-filing"] [data-testid="filing-status"][data-status="submitted"]')
      .waitFor();
    await fullScreenshot(page, 'catalog-05-resubmitted');
  });

  it('the regulator approves; the enterprise sees the certificate number and its printable certificate', async () => {
    await as('gd.admin@bulwark.demo');
    await openQueue();
    await page.getByTestId(`review-${ENTERPRISE}`).click();
    await page.getByTestId('filing-timeline').getByText(COMMENT).waitFor();
    await page.getByTestId('approve-filing').click();
    await page.getByTestId(`queue-row-${ENTERPRISE}`).waitFor({ state: 'detached' });

    await as('ent.gd1@bulwark.demo');
    await openCatalog();
    const no = (await page.getByTestId('certificate-no').innerText()).trim();
    expect(no).toMatch(/^DSF-440000-\d{4}-\d{6}$/);
    await fullScreenshot(page, 'catalog-06-approved');
    await page.getByTestId('certificate-no').click();
    await page.getByTestId('certificate-number').waitFor();
    expect(await page.getByTestId('certificate-number').innerText()).toContain(no);
    await settle(page);
    await fullScreenshot(page, 'catalog-07-certificate');
    expect(pageErrors).toEqual([]);
  });
});
