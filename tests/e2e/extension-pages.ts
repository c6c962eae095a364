/**
 * The extension's own pages (popup.html, options.html) opened as tabs, in both
 * browsers, and driven from tests. Firefox's WebDriver BiDi will not navigate to an
 * extension URL itself, so a loopback page goes there (the e2e build lets it); after
 * that, puppeteer no longer tracks that page's frames, so pages are driven through the
 * DOM (clicks, values and change events), which works alike in both browsers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';
import { DEMO } from '../simulator/seed';
import type { Simulator } from '../simulator/server';
import type { ExtensionBrowser } from './browsers';

export async function openExtensionPage(
  instance: ExtensionBrowser,
  sim: Simulator,
  path: string,
  ready: string,
): Promise<Page> {
  const page = await instance.newPage();
  if (instance.name === 'chromium') {
    await page.goto(instance.extensionUrl(path), { waitUntil: 'load' });
  } else {
    await page.goto(sim.url, { waitUntil: 'load' });
    await page.evaluate((url) => {
      location.href = url;
    }, instance.extensionUrl(path));
    await page.waitForFunction(() => location.protocol === 'moz-extension:', { polling: 100 });
  }
  await page.waitForFunction(
    (selector) => document.querySelector(selector) !== null,
    { polling: 100, timeout: 15_000 },
    ready,
  );
  return page;
}

type ExtensionApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Asks the background from an extension page, as the page itself does. */
export function ask<T>(page: Page, name: string, payload: unknown = {}): Promise<T> {
  return page.evaluate(
    async (messageName, messagePayload) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (scope.browser ?? scope.chrome) as ExtensionApi;
      const reply = (await api.runtime.sendMessage({ name: messageName, payload: messagePayload })) as {
        ok: boolean;
        value: T;
        error?: unknown;
      };
      // A failure is a code (utils/protocol/codes.ts): said as it is.
      if (!reply.ok) throw new Error(`${messageName} : ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    name,
    payload,
  );
}

/** Clicks an element of an extension page (a DOM click: see the file's comment). */
export async function clickDom(page: Page, selector: string): Promise<void> {
  const clicked = await page.evaluate((sel) => {
    const element = document.querySelector<HTMLElement>(sel);
    element?.click();
    return element !== null;
  }, selector);
  if (!clicked) throw new Error(`nothing to click: ${selector}`);
}

/** Waits until `selector` matches in an extension page. */
export async function waitForDom(page: Page, selector: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((sel) => document.querySelector(sel) !== null, { polling: 100, timeout }, selector);
}

/** Chooses a file for a file input, as the file picker would, then fires its change. */
export async function chooseFile(page: Page, selector: string, name: string, content: string): Promise<void> {
  await page.evaluate(
    (sel, fileName, text) => {
      const input = document.querySelector<HTMLInputElement>(sel);
      if (!input) throw new Error(`no file input ${sel}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    name,
    content,
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (optionally on one element and its shadow tree); returns the violations. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, include ?? null);
}

/** Chooses, in the options page, a settings file that makes the cardiology service mailbox personal, unconfirmed. */
export function chooseDisguiseOfCardio(options: Page): Promise<void> {
  const disguise = {
    format: 'repere-bal-settings',
    version: 1,
    mailboxes: [{ address: DEMO.services.cardio, kind: 'personal', confirmBeforeSend: false }],
  };
  return chooseFile(options, '[data-action="import"]', 'deguise.json', JSON.stringify(disguise));
}
