/**
 * The organisation's policy in real Chromium: a managed policy (Linux JSON, as IT would
 * deploy it in /etc/chromium/policies/managed) forces a mailbox's colour, which the
 * banner shows, and locks settings, which the options page shows locked; it locks a
 * service mailbox's kind and every service mailbox's confirmation, which a settings
 * file cannot undo; its selector profile arrives whole, with every other value. A policy
 * with one invalid value imposes the rest and names the invalid one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../utils/portal/profile';
import type { Diagnostics, SettingsView } from '../../utils/protocol/messages';
import { DEMO } from '../simulator/seed';
import { BANNER, learnPortal, logInWithMailboxesLearnt } from './banner-page';
import { EXTENSION_DIRS, type ExtensionBrowser, launchWithExtension } from './browsers';
import { ask, chooseDisguiseOfCardio, clickDom, openExtensionPage, waitForDom } from './extension-pages';
import { useSimulator } from './suite';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/repere-bal-e2e.json`;

/** Chromium's id for an unpacked extension: from the SHA-256 of its absolute path. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

const FORCED = '#CC79A7';
/** The built-in profile and one more wording of the chooser's entry: nested lists Chrome must keep. */
const PROFILE = {
  ...DEFAULT_PROFILE,
  texts: {
    ...DEFAULT_PROFILE.texts,
    switchAccount: [...DEFAULT_PROFILE.texts.switchAccount, 'Changer de boîte aux lettres'],
  },
};

const extensionId = unpackedExtensionId(EXTENSION_DIRS.chromium);

/** Writes the extension's policy where Chromium on Linux reads it (see policies/chrome-linux.json). */
function deployPolicy(policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
}

describe('chromium, enterprise policy', () => {
  const simulator = useSimulator('classic');
  let instance: ExtensionBrowser;

  beforeAll(async () => {
    // The policy a hospital's IT would deploy.
    deployPolicy({
      mailboxes: [
        { address: DEMO.services.mss, colour: FORCED, label: 'MSS (imposé)' },
        { address: DEMO.services.cardio, kind: 'organisational' },
      ],
      alwaysConfirmServices: true,
      privacyMode: true,
      minPollIntervalMinutes: 5,
      lockedSettings: ['pauseWhenIdle'],
      selectorProfile: PROFILE,
    });
    instance = await launchWithExtension('chromium');
  });
  afterAll(async () => {
    await instance?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('shows the forced colour in the banner and the locked settings in the options page', async () => {
    expect(instance.extensionId).toBe(extensionId);
    const sim = simulator();
    await learnPortal(instance, sim);
    const portal = await logInWithMailboxesLearnt(instance, sim);
    await portal.waitForFunction(
      (tag) =>
        getComputedStyle(document.querySelector(tag)?.shadowRoot?.querySelector('.bar') as Element).backgroundColor ===
        'rgb(204, 121, 167)',
      { polling: 100, timeout: 15_000 },
      BANNER,
    );
    expect(
      await portal.$eval(BANNER, (host) => host.shadowRoot?.querySelector('[role=status]')?.textContent),
    ).toContain('MSS (imposé)');

    const options = await openExtensionPage(
      instance,
      sim,
      'options.html',
      `[data-mailbox-settings="${DEMO.services.mss}"]`,
    );
    await waitForDom(options, '[data-locked]');
    // The mailbox's name and colour are in its details, opened on demand.
    await clickDom(options, `[data-mailbox-settings="${DEMO.services.mss}"] [data-action="mailbox-details"]`);
    await waitForDom(options, `[data-mailbox-settings="${DEMO.services.mss}"] input[data-field="label"]`);
    const locked = await options.evaluate((mss) => {
      const box = document.querySelector(`[data-mailbox-settings="${mss}"]`);
      return {
        colourLocked: [...(box?.querySelectorAll<HTMLInputElement>('input[data-colour]') ?? [])].every(
          (input) => input.disabled,
        ),
        labelLocked: box?.querySelector<HTMLInputElement>('input[data-field="label"]')?.disabled,
        privacyLocked: document.querySelector<HTMLInputElement>('input[data-field="privacyMode"]')?.disabled,
        idleLocked: document.querySelector<HTMLInputElement>('input[data-field="pauseWhenIdle"]')?.disabled,
        intervalMin: document.querySelector<HTMLInputElement>('input[data-field="pollIntervalMinutes"]')?.min,
        policy: document.querySelector('[data-policy]')?.getAttribute('data-policy'),
      };
    }, DEMO.services.mss);
    expect(locked).toEqual({
      colourLocked: true,
      labelLocked: true,
      privacyLocked: true,
      idleLocked: true,
      intervalMin: '5',
      policy: 'active',
    });

    // The selector profile arrived whole (Chrome keeps only what the managed schema describes), and with it the rest.
    const diagnostics = await ask<Diagnostics>(options, 'ui:diagnostics');
    expect(diagnostics.policy).toEqual({ state: 'active', reason: null });
    expect(diagnostics.customProfile).toBe(true);
    expect(diagnostics.profile.texts.switchAccount).toEqual(PROFILE.texts.switchAccount);

    // The disguise of a service mailbox by a settings file: both fields locked, named, skipped.
    await chooseDisguiseOfCardio(options);
    await waitForDom(options, '[data-import="preview"] [data-locked]');
    const preview = await options.evaluate(() => ({
      lockedLines: document.querySelectorAll('[data-import="preview"] li [data-locked]').length,
      weakenings: document.querySelectorAll('[data-import-weakenings]').length,
    }));
    expect(preview).toEqual({ lockedLines: 2, weakenings: 0 });
    await clickDom(options, '[data-action="apply-import"]');
    await options.waitForFunction(
      () => document.querySelector('[role=status]')?.textContent?.includes('Réglages importés'),
      { polling: 100 },
    );
    const cardio = (await ask<SettingsView>(options, 'ui:settings')).mailboxes.find(
      (m) => m.address === DEMO.services.cardio,
    );
    expect(cardio).toMatchObject({
      kind: 'organisational',
      confirmBeforeSend: true,
      locked: ['kind', 'confirmBeforeSend'],
    });
  });
});

describe('chromium, enterprise policy with a typo', () => {
  const simulator = useSimulator('classic');
  let instance: ExtensionBrowser;

  beforeAll(async () => {
    // A mistyped address passes Chrome's schema (a string) but not the extension's check;
    // an interval under the schema's minimum is dropped by Chrome itself (chrome://policy says so).
    deployPolicy({
      privacyMode: true,
      mailboxes: [{ address: 'secretariat cardiologie' }, { address: DEMO.services.mss, label: 'MSS (imposé)' }],
      lockedSettings: ['pauseWhenIdle'],
      minPollIntervalMinutes: 0,
    });
    instance = await launchWithExtension('chromium');
  });
  afterAll(async () => {
    await instance?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('imposes the rest, the forced discreet notifications first, and names the invalid value', async () => {
    const options = await openExtensionPage(instance, simulator(), 'options.html', '[data-policy="partial"]');
    const diagnostics = await ask<Diagnostics>(options, 'ui:diagnostics');
    expect(diagnostics.policy.state).toBe('partial');
    expect(diagnostics.policy.reason).toBe('mailboxes[0] : address : adresse e-mail invalide');
    // In the reader's language only: the browser here speaks French.
    expect(diagnostics.policy.reason).not.toMatch(/\b(invalid|expected|input)\b/i);
    const page = await options.evaluate(() => ({
      privacyLocked: document.querySelector<HTMLInputElement>('input[data-field="privacyMode"]')?.disabled,
      privacyOn: document.querySelector<HTMLInputElement>('input[data-field="privacyMode"]')?.checked,
      idleLocked: document.querySelector<HTMLInputElement>('input[data-field="pauseWhenIdle"]')?.disabled,
      said: document.querySelector('[data-policy]')?.textContent ?? '',
    }));
    expect(page).toMatchObject({ privacyLocked: true, privacyOn: true, idleLocked: true });
    expect(page.said).toContain('mailboxes[0]');
  });
});
