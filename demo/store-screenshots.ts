/**
 * The store screenshots, taken along the demo tour. The Chrome Web Store and
 * addons.mozilla.org want 1280×800 images, while the tour's own captures (copied into
 * docs/screenshots/ for the README) are 1280×720: the portal page takes the store's size
 * only for the store capture, then gets its own back, so the tour's captures stay as
 * they were. The files are named as in store/screenshots/, where the chosen ones are copied.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer';

export const STORE_SCREENSHOTS = 'demo-output/store';
const STORE_SIZE = { width: 1280, height: 800 } as const;

export function prepareStoreScreenshots(): void {
  mkdirSync(STORE_SCREENSHOTS, { recursive: true });
}

async function atStoreSize<T>(page: Page, capture: () => Promise<T>): Promise<T> {
  const tourSize = page.viewport();
  await page.setViewport(STORE_SIZE);
  try {
    return await capture();
  } finally {
    if (tourSize) await page.setViewport(tourSize);
  }
}

/** The portal page as it is now, at the store's size. */
export async function storeShot(page: Page, name: string): Promise<void> {
  await atStoreSize(page, () => page.screenshot({ path: `${STORE_SCREENSHOTS}/${name}.png` }));
}

/**
 * The popup is a small page of its own (400 px wide) that the browser opens under the
 * extension's button: the store sees it there, over the portal page, top right.
 */
export async function storePopupShot(portal: Page, popup: Page, name: string): Promise<void> {
  const backdrop = await atStoreSize(portal, () => portal.screenshot({ encoding: 'base64' }));
  const panel = await popup.screenshot({ encoding: 'base64' });
  const canvas = await portal.browser().newPage();
  try {
    await canvas.setViewport(STORE_SIZE);
    await canvas.setContent(`<!doctype html>
<style>
  body { margin: 0; }
  .portal { display: block; }
  .panel { position: absolute; top: 8px; right: 16px; border: 1px solid #c8ccd2; border-radius: 8px;
    box-shadow: 0 8px 28px rgb(0 0 0 / 28%); }
</style>
<img class="portal" alt="" src="data:image/png;base64,${backdrop}">
<img class="panel" alt="" src="data:image/png;base64,${panel}">`);
    await canvas.screenshot({ path: `${STORE_SCREENSHOTS}/${name}.png` });
  } finally {
    await canvas.close();
  }
}
