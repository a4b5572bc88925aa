import type { BrowserContext, Page } from 'playwright-core';

/** The demo password every seeded login shares. */
export const DEMO_PASSWORD = 'Bulwark-Demo-2026';

/** Signs in through the login page in the default language (zh-CN), dropping any earlier session first. */
export async function login(
  page: Page,
  context: BrowserContext,
  baseUrl: string,
  email: string,
): Promise<void> {
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-page').waitFor();
  if (await page.evaluate(() => localStorage.getItem('bulwark.lang') === 'en')) {
    await page.evaluate(() => localStorage.removeItem('bulwark.lang'));
    await page.reload();
    await page.getByTestId('login-page').waitFor();
  }
  await page.locator('input#email').fill(email);
  await page.locator('input#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

/** Signs out through the header and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
}

/** Lets spinners and the last requests settle so a screenshot shows the finished page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  // Modal animations finish within antd's 0.3 s motion; a toast may still show in the screenshot (it is feedback the
  // user sees too). A scrolled page would put the sticky header in the middle of a full-page screenshot.
  await page.waitForTimeout(350);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Picks an option in an antd Select: opens it, optionally types to search, clicks the option and checks it took. */
export async function choose(page: Page, testId: string, option: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const chosen = select.locator('.ant-select-content-has-value, .ant-select-selection-item', {
    hasText: option,
  });
  // On a loaded machine a click can land while the option list re-renders and select nothing: check, and retry.
  for (let attempt = 1; ; attempt++) {
    if (!(await dropdown.first().isVisible())) await select.click();
    if (search && attempt === 1) await select.locator('input').fill(search);
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await chosen.first().waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // A multiple select keeps its dropdown open: Escape closes it while the select still holds focus and consumes the
  // key. A single select closes itself; Escape after it has closed would reach an enclosing drawer or modal and close
  // that instead, so it is only waited out (a dropdown still closing intercepts the next click).
  if (await select.evaluate((el) => el.matches('.ant-select-multiple, .ant-select-multiple *'))) {
    await page.keyboard.press('Escape');
  }
  await dropdown.first().waitFor({ state: 'hidden', timeout: 15_000 });
}

/** A signed-in API client for seeding data a journey needs but does not exercise through the UI. */
export async function apiSession(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
