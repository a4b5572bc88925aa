import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * A screenshot of the whole page taken with the viewport grown to the content (drawers included), so sticky
 * headers, the full-height sider and open drawers render as a user sees them rather than cut at the fold.
 */
export async function fullScreenshot(page: Page, name: string): Promise<string> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => {
    const drawers = [...document.querySelectorAll('.ant-drawer-open .ant-drawer-body')].map(
      (b) => b.getBoundingClientRect().top + b.scrollHeight + 24,
    );
    return Math.ceil(Math.max(document.documentElement.scrollHeight, ...drawers));
  });
  if (height > size.height) {
    await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
    await page.waitForTimeout(300);
  }
  try {
    return await screenshot(page, name);
  } finally {
    await page.setViewportSize(size);
  }
}
