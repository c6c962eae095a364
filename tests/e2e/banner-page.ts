/**
 * Reading and driving the extension's banner from tests, through its observable hooks
 * only (DESIGN.md): `<repere-bal-banner>` with an open shadow root, `data-kind`,
 * `data-address`, `[data-switch-to]`, the `role="alertdialog"` send guard with
 * `data-action="confirm-send"` / `"cancel-send"`.
 */
import type { Page } from 'puppeteer';
import { control, controlState } from '../simulator/client';
import { DEMO } from '../simulator/seed';
import type { RenderingName, Simulator } from '../simulator/server';
import type { ExtensionBrowser } from './browsers';
import { logIn } from './portal-page';

export const BANNER = 'repere-bal-banner';

/** Where each rendering composes a message. */
export const COMPOSE_PATH: Record<RenderingName, string> = { classic: '/?m=nouveau', alt: '/app/ecrire' };
const SWITCH_REQUEST: Record<RenderingName, string> = { classic: 'POST /?m=comptes', alt: 'POST /app/compte-actif' };

/** How many times the portal's own switching was asked for (its chooser's form posted). */
export async function switchRequests(sim: Simulator): Promise<number> {
  return (await controlState(sim)).requests[SWITCH_REQUEST[sim.rendering.name]] ?? 0;
}

/**
 * Waits poll on a timer: changes inside a shadow root do not wake puppeteer's
 * mutation-based waits, and a tab in the background never runs animation frames.
 */
export const POLL_MS = 100;

export interface BannerState {
  kind: string | null;
  address: string | null;
  status: string;
  switchTargets: string[];
  dialog: string | null;
}

export function bannerState(page: Page): Promise<BannerState | null> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host?.shadowRoot) return null;
    const root = host.shadowRoot;
    return {
      kind: host.getAttribute('data-kind'),
      address: host.getAttribute('data-address'),
      status: (root.querySelector('[role=status]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      switchTargets: [...root.querySelectorAll('[data-switch-to]')].map(
        (el) => el.getAttribute('data-switch-to') ?? '',
      ),
      dialog: root.querySelector('[role=alertdialog]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    };
  }, BANNER);
}

/** Runs a wait; when it fails, says what the banner showed then (for CI logs). */
async function explained<T>(page: Page, what: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    const shown = await bannerState(page).catch(() => null);
    throw new Error(`${what}: ${error instanceof Error ? error.message : error}; banner: ${JSON.stringify(shown)}`);
  }
}

/**
 * Waits until the banner shows `kind` (and `address`, when given) with `status` in its
 * words, past the « checking » state (which is `unknown` too), and returns its state.
 */
export async function waitForBanner(
  page: Page,
  kind: string,
  address?: string | null,
  status = '',
  timeout = 20_000,
): Promise<BannerState> {
  await explained(page, `banner ${kind} ${address ?? ''} « ${status} »`, () =>
    page.waitForFunction(
      (tag, k, a, words) => {
        const host = document.querySelector(tag);
        const said = host?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';
        return (
          host?.getAttribute('data-kind') === k &&
          (a === undefined || host.getAttribute('data-address') === a) &&
          said.includes(words) &&
          !said.includes('vérifie au nom de quelle boîte')
        );
      },
      { timeout, polling: POLL_MS },
      BANNER,
      kind,
      address === null ? undefined : address,
      status,
    ),
  );
  const state = await bannerState(page);
  if (!state) throw new Error('banner vanished');
  return state;
}

/** Waits until something in the banner matches `selector` (or, with `hidden`, nothing does). */
export async function waitInBanner(page: Page, selector: string, options: { hidden?: boolean } = {}): Promise<void> {
  await explained(page, `${options.hidden ? 'no ' : ''}${selector} in the banner`, () =>
    waitInBannerNow(page, selector, options),
  );
}

async function waitInBannerNow(page: Page, selector: string, options: { hidden?: boolean }): Promise<void> {
  await page.waitForFunction(
    (tag, sel, hidden) => {
      const found = document.querySelector(tag)?.shadowRoot?.querySelector(sel);
      const shown = found !== null && found !== undefined && found.getClientRects().length > 0;
      return hidden ? !shown : shown;
    },
    { timeout: 15_000, polling: POLL_MS },
    BANNER,
    selector,
    options.hidden ?? false,
  );
}

/** A real click (trusted events) on an element inside the banner. */
export async function clickInBanner(page: Page, selector: string): Promise<void> {
  await waitInBanner(page, selector);
  const handle = await page.$(`${BANNER} >>> ${selector}`);
  if (!handle) throw new Error(`nothing in the banner matches ${selector}`);
  await handle.click();
  await handle.dispose();
}

/** A real click on the page's own « Envoyer » (or any control) found by its text. */
export async function clickPageControl(page: Page, text: string): Promise<void> {
  const marked = await page.evaluate((wanted) => {
    for (const old of document.querySelectorAll('[data-e2e-target]')) old.removeAttribute('data-e2e-target');
    for (const el of document.querySelectorAll<HTMLElement>('button, input[type=submit], [role=button]')) {
      const shown = (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).trim();
      if (shown === wanted) {
        el.setAttribute('data-e2e-target', '');
        return true;
      }
    }
    return false;
  }, text);
  if (!marked) throw new Error(`no control « ${text} » in the page`);
  // No clean-up afterwards: the click may navigate away (the next call clears the mark).
  await page.click('[data-e2e-target]');
}

/** The link of the page's menu to « Gérer votre compte Medimail », as a person finds it (by its text). */
export function accountPageLink(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    // As a person reads it: case, spacing and accents aside (a portal may write « Gerer »).
    const fold = (s: string | null) =>
      (s ?? '')
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
    const link = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].find(
      (a) => fold(a.textContent) === 'gerer votre compte medimail',
    );
    return link?.href ?? null;
  });
}

/**
 * Waits until the banner says why nothing on the page is believed (`data-unsure`:
 * `frame-unknown`, no frame learnt yet; `unmatched`, the page does not fit it).
 */
export async function waitForUnsure(page: Page, why: 'frame-unknown' | 'unmatched'): Promise<BannerState> {
  await explained(page, `banner unsure (${why})`, () =>
    page.waitForFunction(
      (tag, reason) => document.querySelector(tag)?.getAttribute('data-unsure') === reason,
      { timeout: 20_000, polling: POLL_MS },
      BANNER,
      why,
    ),
  );
  const state = await bannerState(page);
  if (!state) throw new Error('banner vanished');
  return state;
}

/**
 * The one step a new user takes on a new portal: logged in (as the colleague, whose
 * default is their own mailbox), « Gérer votre compte Medimail » opened once, where the
 * extension learns the portal's frame; then the simulator forgets that session. The
 * frame stays learnt for the simulator's origin in this browser.
 */
export async function learnPortal(instance: ExtensionBrowser, sim: Simulator): Promise<void> {
  const page = await instance.newPage();
  await logIn(page, sim.url, DEMO.colleague, DEMO.password);
  await waitForUnsure(page, 'frame-unknown');
  const link = await accountPageLink(page);
  if (!link) throw new Error('no « Gérer votre compte Medimail » link on the page');
  await page.goto(link, { waitUntil: 'load' });
  await waitForBanner(page, 'personal', DEMO.colleague);
  await page.close();
  sim.state.reset();
}

/**
 * Logs the demo user in (the default account, mss@, opened at once) and waits until
 * the extension has learnt every mailbox (the banner's menu lists them): the start of
 * the popup, settings and polling tests.
 */
export async function logInWithMailboxesLearnt(instance: ExtensionBrowser, sim: Simulator): Promise<Page> {
  await control(sim, 'first-login-quirk', { enabled: false });
  const portal = await instance.newPage();
  await logIn(portal, sim.url, DEMO.login, DEMO.password);
  await waitForBanner(portal, 'organisational', DEMO.services.mss);
  await portal.bringToFront();
  await waitInBanner(portal, '.menu-button');
  return portal;
}
