import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { repoRoot } from './support/paths';
import { type RunningServer, startServer } from './support/server';
import { choose, login, logout, settle } from './support/session';
import { fullScreenshot } from './support/shots';

const VECTORS = path.join(repoRoot, '../shared/vectors');
// SPDX 2.3 from syft (GUAC example data): 89 packages, among them pkg:golang/golang.org/x/net@v0.13.0.
const SBOM = path.join(VECTORS, 'sbom/guac-exampledata/oci-kubectl-linux-amd64-spdx-1.json');
const GO_VULNDB = path.join(VECTORS, 'advisories/golang-vulndb/go-osv.jsonl');
const PYPA = path.join(VECTORS, 'advisories/pypa-advisory-database/pypa-osv.jsonl');
// HTTP/2 rapid reset (CVE-2023-39325): golang.org/x/net is affected before v0.17.0.
const ADVISORY = 'GO-2023-2102';
const ASSET = '生产 Kubernetes 集群';
const ENTERPRISE = '粤海精密制造有限公司';
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let work: string;
const files = { broken: '', sbom: SBOM, upgraded: '', advisory: '', pypa: '' };
const pageErrors: string[] = [];

const as = (email: string) => login(page, browser.context, server.baseUrl, email);
const count = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));
const exposureRow = () => page.getByTestId('exposure-table').locator('.ant-table-row', { hasText: ADVISORY });

/** The input files of the journey: one advisory line from the Go database, a malformed and an upgraded SBOM. */
function prepareFiles() {
  work = mkdtempSync(path.join(tmpdir(), 'bulwark-e2e-exposure-'));
  const line = readFileSync(GO_VULNDB, 'utf8')
    .split('\n')
    .find((l) => l.includes(`"id":"${ADVISORY}"`));
  expect((JSON.parse(line ?? '{}') as { id?: string }).id).toBe(ADVISORY);
  files.advisory = path.join(work, 'go-2023-2102.jsonl');
  writeFileSync(files.advisory, `${line}\n`);
  const text = readFileSync(SBOM, 'utf8');
  expect(text).toContain('pkg:golang/golang.org/x/net@v0.13.0');
  files.upgraded = path.join(work, 'kubectl-x-net-v0.14.0.spdx.json');
  writeFileSync(
    files.upgraded,
    text.replaceAll('pkg:golang/golang.org/x/net@v0.13.0', 'pkg:golang/golang.org/x/net@v0.14.0'),
  );
  // Two PyPA records with GIT (commit) ranges and a line cut off mid-record, as a truncated download would be.
  const withGit = readFileSync(PYPA, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"GIT"') || l.includes('"type": "GIT"'))
    .slice(0, 2);
  expect(withGit).toHaveLength(2);
  files.pypa = path.join(work, 'pypa-sample.jsonl');
  writeFileSync(files.pypa, `${withGit.join('\n')}\n{"id":"PYSEC-2024-`);
  files.broken = path.join(work, 'broken.spdx.json');
  writeFileSync(files.broken, JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ name: 'x' }] }));
}

/** Uploads an SBOM through the asset page's drop zone and waits for the outcome. */
async function uploadSbom(file: string, outcome: 'sbom-result' | 'sbom-invalid') {
  await page.getByTestId('sbom-upload').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId(outcome).waitFor({ timeout: 60_000 });
}

/** Looks an advisory up on the affected-organisations page. */
async function lookUp(id: string) {
  await page.getByTestId('nav-affected').click();
  await page.getByTestId('affected-page').waitFor();
  await page.getByTestId('affected-input').fill(id);
  await page.getByTestId('affected-search').click();
  await page.locator(`[data-testid="affected-result"][data-advisory="${id}"]`).waitFor();
  await page.getByTestId('affected-search').blur();
}

beforeAll(async () => {
  prepareFiles();
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await screenshot(page, `failed-exposure-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('exposure journey: SBOM → advisory import → triage → upgrade → regulators', () => {
  it('enterprise registers a system, is told where a malformed SBOM is wrong, then uploads a real one', async () => {
    await as('ent.gd1@bulwark.demo');
    await page.getByTestId('nav-assets').click();
    await page.getByTestId('assets-page').getByText('尚未登记资产', { exact: false }).waitFor();
    await page.getByTestId('asset-register').click();
    await page.getByTestId('asset-form').waitFor();
    await page.getByTestId('asset-name').fill(ASSET);
    await page
      .locator('[data-testid="asset-form"] textarea')
      .fill('华南生产基地 MES 与数据采集平台所在集群，运维部负责');
    await page.getByTestId('asset-submit').click();
    await page.getByTestId('asset-detail').waitFor();
    expect(await page.getByTestId('asset-name').textContent()).toBe(ASSET);

    await uploadSbom(files.broken, 'sbom-invalid');
    const pointers = await page.getByTestId('sbom-error-path').allInnerTexts();
    expect(pointers).toContain('/packages/0');
    expect(pointers).toContain('/');
    expect(await page.getByTestId('asset-components').textContent()).toBe('0');

    await uploadSbom(files.sbom, 'sbom-result');
    expect(await page.getByTestId('sbom-result').innerText()).toContain('SPDX 2.3');
    expect(await count('sbom-count-components')).toBe(89);
    expect(await count('sbom-count-matchable')).toBe(87);
    expect(await count('sbom-count-invalidPurl')).toBe(2);
    expect(await count('sbom-count-withoutPurl')).toBe(0);
    expect(await count('sbom-count-newExposures')).toBe(0);
    expect(await page.getByTestId('sbom-ecosystem').allInnerTexts()).toContain('Go · 84');
    await page.getByTestId('asset-components').getByText('89').waitFor();
    await settle(page);
    await fullScreenshot(page, 'exposure-01-asset-sbom');
    await logout(page);
  });

  it('ministry imports the GO-2023-2102 OSV record, which hits the enterprise at once', async () => {
    await as('ministry.admin@bulwark.demo');
    await page.getByTestId('nav-advisoryImport').click();
    await page.getByTestId('advisory-upload').locator('input[type=file]').setInputFiles(files.advisory);
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await count('import-count-records')).toBe(1);
    expect(await count('import-count-unsupported')).toBe(0);
    expect(await count('import-count-problems')).toBe(0);
    expect(await count('import-count-newExposures')).toBe(1);
    expect(await count('import-count-affectedOrgs')).toBe(1);
    await settle(page);
    await fullScreenshot(page, 'exposure-02-ministry-import');

    // Commit ranges cannot be compared with SBOM versions; the UI says how many, by type, and where input broke.
    await page.getByTestId('advisory-upload').locator('input[type=file]').setInputFiles(files.pypa);
    await page.locator('[data-testid="import-count-records"][data-value="2"]').waitFor({ timeout: 60_000 });
    expect(await count('import-count-unsupported')).toBeGreaterThan(0);
    expect(await page.getByTestId('import-unsupported').innerText()).toContain('GIT');
    expect(await count('import-count-problems')).toBe(1);
    expect(await page.getByTestId('import-problems').innerText()).toContain('pypa-sample.jsonl:3');
    await settle(page);
    await fullScreenshot(page, 'exposure-02b-ministry-import-git-ranges');
    await logout(page);
  });

  it('enterprise follows the bell to the exposure and marks it not affected with a VEX justification', async () => {
    await as('ent.gd1@bulwark.demo');
    await page.getByTestId('notification-bell').click();
    const notice = page.locator('[data-testid="notification-dropdown"] [data-kind="exposure.new"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('1 个新暴露');
    await notice.click();
    await page.getByTestId('exposures-page').waitFor();
    expect(new URL(page.url()).searchParams.get('open')).toBe('true');

    const row = exposureRow();
    await row.waitFor();
    expect(await row.getByTestId('exposure-version').textContent()).toBe('v0.13.0');
    expect(await row.getByTestId('exposure-state').getAttribute('data-state')).toBe('affected');
    expect(await row.innerText()).toContain('golang.org/x/net');
    expect(await row.innerText()).toContain(ASSET);

    await settle(page);
    await fullScreenshot(page, 'exposure-03-exposure-list');

    await row.getByTestId('component-advisories-open').click();
    const advisories = page.getByTestId('component-advisories');
    await advisories.getByText(ADVISORY).waitFor();
    expect(await advisories.innerText()).toContain('CVE-2023-39325');
    await settle(page);
    await fullScreenshot(page, 'exposure-03b-component-advisories');
    await page.keyboard.press('Escape');
    await advisories.waitFor({ state: 'hidden' });

    await row.getByTestId('exposure-triage').click();
    const drawer = page.getByTestId('triage-drawer');
    await drawer.getByTestId('component-advisory').first().waitFor();
    await drawer.getByTestId('triage-state-not-affected').click();
    await page.getByTestId('triage-submit').click();
    await drawer.getByText('标记为“不受影响”时须选择 VEX 理由').waitFor();
    await choose(page, 'triage-justification', '漏洞代码不可达');
    await page
      .getByTestId('triage-detail')
      .fill('kubectl 仅作为 HTTP/2 客户端使用，不运行 HTTP/2 服务端，受影响的服务端并发处理代码不可达。');
    await settle(page);
    await drawer.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await fullScreenshot(page, 'exposure-04-triage-drawer');
    await page.getByTestId('triage-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    await row.locator('[data-testid="exposure-state"][data-state="not-affected"]').waitFor();
    expect(await row.getByTestId('exposure-justification').textContent()).toBe('漏洞代码不可达');
  });

  it('a newer but still affected x/net (v0.14.0 < v0.17.0) keeps the decision, and the VEX says so', async () => {
    await page.getByTestId('nav-assets').click();
    await page.getByTestId('assets-page').locator('.ant-table-row', { hasText: ASSET }).waitFor();
    expect(await page.getByTestId('asset-open-exposures').innerText()).toBe('1');
    await page.getByTestId('asset-link').filter({ hasText: ASSET }).click();
    await page.getByTestId('asset-detail').waitFor();

    await uploadSbom(files.upgraded, 'sbom-result');
    expect(await count('sbom-count-exposures')).toBe(1);
    expect(await count('sbom-count-newExposures')).toBe(0);
    expect(await count('sbom-count-resolvedExposures')).toBe(0);
    const row = exposureRow();
    await row.getByTestId('exposure-version').getByText('v0.14.0').waitFor();
    expect(await row.getByTestId('exposure-state').getAttribute('data-state')).toBe('not-affected');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('vex-download').click(),
    ]);
    const vex = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      components: { 'bom-ref': string; name: string; version: string }[];
      vulnerabilities: {
        id: string;
        analysis: { state: string; justification: string };
        affects: { ref: string }[];
      }[];
    };
    expect(download.suggestedFilename()).toMatch(/\.vex\.cdx\.json$/);
    expect([vex.bomFormat, vex.specVersion]).toEqual(['CycloneDX', '1.6']);
    const finding = vex.vulnerabilities.find((v) => v.id === ADVISORY);
    expect(finding?.analysis).toMatchObject({ state: 'not_affected', justification: 'code_not_reachable' });
    const component = vex.components.find((c) => c['bom-ref'] === finding?.affects[0]?.ref);
    expect(component).toMatchObject({ name: 'golang.org/x/net', version: 'v0.14.0' });
    await settle(page);
    await fullScreenshot(page, 'exposure-05-asset-after-upgrade');

    await page.getByTestId('nav-exposures').click();
    await exposureRow().getByTestId('exposure-version').getByText('v0.14.0').waitFor();
    expect(await exposureRow().getByTestId('exposure-state').getAttribute('data-state')).toBe('not-affected');
    // The frame, filters and column titles are the locale files' job; advisory and asset data stay as filed.
    await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('exposures-page').getByText('Most severe first', { exact: true }).waitFor();
    for (const part of ['sider', 'filter-open']) {
      const text = await page.getByTestId(part).innerText();
      expect([...text].filter((c) => CJK.test(c)).join(''), `untranslated text in ${part}`).toBe('');
    }
    expect((await page.locator('.ant-table-thead').innerText()).match(CJK)).toBeNull();
    expect(await exposureRow().getByTestId('exposure-state').textContent()).toBe('Not affected');
    await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
    await logout(page);
  });

  it('regulators see affected orgs in their scope: the ministry nationally, Guangdong yes, Zhejiang no', async () => {
    await as('ministry.admin@bulwark.demo');
    await lookUp(ADVISORY);
    await page.getByTestId('affected-orgs').locator('.ant-table-row', { hasText: ENTERPRISE }).waitFor();
    await page.getByTestId('affected-by-province').getByText('广东省').first().waitFor();
    await page.getByTestId('affected-by-province').locator('canvas').first().waitFor();
    await page.waitForTimeout(1200); // let the bar animation finish before the screenshot
    await settle(page);
    await fullScreenshot(page, 'exposure-06-affected-national');
    await logout(page);

    await as('gd.admin@bulwark.demo');
    await lookUp(ADVISORY);
    const orgs = page.getByTestId('affected-orgs');
    await orgs.locator('.ant-table-row', { hasText: ENTERPRISE }).waitFor();
    expect(await orgs.locator('.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('affected-page').locator('h3').innerText()).toBe('广东省受影响单位');
    await settle(page);
    await fullScreenshot(page, 'exposure-07-affected-guangdong');
    await logout(page);

    await as('zj.admin@bulwark.demo');
    await lookUp(ADVISORY);
    await page.getByTestId('affected-empty').waitFor();
    expect(await page.getByTestId('affected-orgs').getByText(ENTERPRISE).count()).toBe(0);
    await settle(page);
    await fullScreenshot(page, 'exposure-08-affected-zhejiang');
    await logout(page);
  });

  it('raised no uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
