/**
 * Driving a portal page in a real browser the way a person would: by visible texts
 * and form roles, never by a rendering's ids or classes, so every helper works on
 * both renderings (and on any other rendering of the contract).
 */
import type { Page } from 'puppeteer';

/** Clicks the innermost visible element matching `selector` whose text contains `text`. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const clicked = await page.evaluate(
    (sel, wanted) => {
      const fold = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
      const candidates = [...document.querySelectorAll<HTMLElement>(sel)].filter(
        (el) =>
          fold(el instanceof HTMLInputElement ? el.value : el.textContent).includes(fold(wanted)) &&
          el.getClientRects().length > 0,
      );
      const innermost = candidates.find((el) => !candidates.some((other) => other !== el && el.contains(other)));
      innermost?.click();
      return innermost !== undefined;
    },
    selector,
    text,
  );
  if (!clicked) throw new Error(`nothing visible to click: ${selector} « ${text} »`);
}

/** Runs `action` and waits for the page load it causes. */
export async function andWaitForLoad(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

/** Logs in through the form that holds a password field. */
export async function logIn(page: Page, origin: string, login: string, password: string): Promise<void> {
  await page.goto(origin, { waitUntil: 'load' });
  await page.type('form input:is([type=text],[type=email])', login);
  await page.type('form input[type=password]', password);
  await andWaitForLoad(page, () => page.keyboard.press('Enter'));
}

/** The visible text of the page, white space folded. */
export function bodyText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text a person sees is the point here.
  return page.evaluate(() => (document.body?.innerText ?? '').replace(/\s+/g, ' '));
}

/** Focuses the field labelled with one of `labels` (label[for] or wrapping label) and types `text`. */
export async function fillLabelled(page: Page, labels: string[], text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const fold = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    for (const label of document.querySelectorAll('label')) {
      if (!wanted.some((w) => fold(label.textContent) === fold(w))) continue;
      const field = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, textarea');
      if (field instanceof HTMLElement) {
        field.focus();
        return true;
      }
    }
    return false;
  }, labels);
  if (!found) throw new Error(`no field labelled ${labels.join(' / ')}`);
  await page.keyboard.type(text);
}

/** Clicks the submit control of the chooser entry (row, item or button) that shows `address`. */
export async function clickChooserEntry(page: Page, address: string): Promise<void> {
  const clicked = await page.evaluate((wanted) => {
    for (const control of document.querySelectorAll<HTMLElement>('button, input[type=submit]')) {
      const entry = control.closest('li, tr') ?? control;
      if (control.getClientRects().length > 0 && (entry.textContent ?? '').toLowerCase().includes(wanted)) {
        control.click();
        return true;
      }
    }
    return false;
  }, address);
  if (!clicked) throw new Error(`no chooser entry for ${address}`);
}

/**
 * Waits until some visible element outside dialogs has `text` as its whole text (the
 * label, after a switch in place; the chooser panel, which names accounts too, is a dialog).
 */
export async function waitForExactText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('body *')].some(
        (el) =>
          (el.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted &&
          el.getClientRects().length > 0 &&
          !el.closest('[role=dialog], dialog'),
      ),
    // Timer polling: a page in a background tab runs no animation frames.
    { timeout: 15_000, polling: 100 },
    text,
  );
}
