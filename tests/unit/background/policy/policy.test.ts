/**
 * The organisation's policy: read and checked, written over every change, locked in the
 * settings, and by every other path (a settings file, the banner's collapse).
 */
import { describe, expect, it } from 'vitest';
import type { PortalSupport } from '@/entrypoints/background/compatibility/support';
import { createContentHandlers } from '@/entrypoints/background/messaging/content-handlers';
import { HandlerFailure } from '@/entrypoints/background/messaging/router';
import { createUiHandlers } from '@/entrypoints/background/messaging/ui-handlers';
import type { ExtraPortals } from '@/entrypoints/background/policy/extra-portals';
import { lockedMailboxFields, lockedSettings, readPolicy } from '@/entrypoints/background/policy/policy';
import { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import type { PollRunner } from '@/entrypoints/background/polling/poll-runner';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { failureText } from '@/utils/failure-text';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { domHtmlReader } from '../../../support/menu-pages';
import { mailboxRecord } from '../records';

const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
const OWN = 'jean.dupont@esante-occitanie.fr';
/** The disguise of the review: a service mailbox made personal, its confirmation off. */
const DISGUISE = JSON.stringify({
  format: 'repere-bal-settings',
  version: 1,
  mailboxes: [{ address: CARDIO, kind: 'personal', confirmBeforeSend: false }],
});
const POLICY = {
  portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
  mailboxes: [{ address: CARDIO, colour: '#CC79A7', label: 'Cardio (CHU)' }],
  privacyMode: true,
  minPollIntervalMinutes: 5,
  settings: { notificationsEnabled: true },
  lockedSettings: ['quietHours' as const],
};

let n = 0;
/** Each test store's policy in force (the store only holds its enforcing step). */
const policies = new WeakMap<Store, PolicyInForce>();
function policyOf(store: Store): PolicyInForce {
  const policy = policies.get(store);
  if (!policy) throw new Error('store made without storeWith');
  return policy;
}

function storeWith(managed: unknown) {
  n += 1;
  const policy = new PolicyInForce();
  const store = new Store(new RepereDb(`policy-${n}-${Date.now()}`), Date.now, policy.enforce);
  const reading = readPolicy(managed);
  policy.current = reading.ok ? reading.policy : null;
  policies.set(store, policy);
  return store;
}

/** A store under `policy` that knows the cardiology service mailbox. */
async function storeWithCardio(policy: unknown) {
  const store = storeWith(policy);
  await store.update((state) => {
    state.mailboxes.push(mailboxRecord(CARDIO, 'organisational'));
    return { state, result: null };
  });
  return store;
}

function handlers(store: Store) {
  const extraPortals: ExtraPortals = { status: async () => [], granted: () => [], sync: async () => {} };
  return createUiHandlers({
    store,
    policy: policyOf(store),
    runner: {} as PollRunner,
    now: () => 1_000,
    version: '0.1.0',
    language: () => 'fr',
    openMailbox: async () => {},
    changed: async () => {},
    extraPortals,
    support: {} as PortalSupport,
  });
}

function contentHandlers(store: Store) {
  return createContentHandlers({
    store,
    policy: policyOf(store),
    now: () => 1_000,
    version: '0.1.0',
    notifyPortalTabs: () => {},
    notifyPages: () => {},
    announce: async () => {},
    syncPolls: async () => {},
    readHtml: domHtmlReader,
    portalMatches: () => [],
  });
}

const sender = { id: 'x', url: 'chrome-extension://x/options.html' };
/** A portal tab, as the content handlers see their sender. */
const tab = { id: 'x', tab: { id: 7 } };

/** A handler's refusal, as the page words its code. */
async function refusal(answer: Promise<unknown>): Promise<string> {
  const error = await answer.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HandlerFailure);
  return failureText((error as HandlerFailure).failure);
}

describe('policy', () => {
  it('reads no policy, a good one, and refuses what is not a policy at all', () => {
    expect(readPolicy({})).toEqual({ ok: true, policy: null, refused: [] });
    expect(readPolicy(undefined)).toEqual({ ok: true, policy: null, refused: [] });
    expect(readPolicy(POLICY)).toMatchObject({ ok: true, policy: { privacyMode: true, minPollIntervalMinutes: 5 } });
    expect(readPolicy(['privacyMode'])).toEqual({ ok: false, reason: 'la politique n’est pas un objet' });
  });

  it('refuses an invalid value alone and names it; the rest, a forced privacy mode first, is imposed', async () => {
    const reading = readPolicy({
      privacyMode: true,
      portalOrigins: ['http://nimporte-quoi', 'https://preprod.medimail.mipih.fr/*'],
      minPollIntervalMinutes: 0,
      settings: { quietHours: { enabled: 'oui' }, notificationsEnabled: false, couleur: 'rouge' },
      mailboxes: [{ address: 'pas une adresse' }, { address: CARDIO, kind: 'organisational' }],
      lockedSettings: ['bannerCollapsed', 'toutBloquer'],
      selectorProfile: { version: 2 },
      clefInconnue: 1,
    });
    if (!reading.ok) throw new Error('refused as a whole');
    expect(reading.policy).toEqual({
      privacyMode: true,
      portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
      settings: { notificationsEnabled: false },
      mailboxes: [{ address: CARDIO, kind: 'organisational' }],
      lockedSettings: ['bannerCollapsed'],
    });
    expect(reading.refused.map((r) => r.path)).toEqual([
      'portalOrigins[0]',
      'minPollIntervalMinutes',
      'settings.quietHours',
      'settings.couleur',
      'mailboxes[0]',
      'lockedSettings[1]',
      'selectorProfile',
      'clefInconnue',
    ]);
    expect(lockedSettings(reading.policy)).toEqual(['notificationsEnabled', 'privacyMode', 'bannerCollapsed']);
    const store = storeWith({});
    policyOf(store).adopt(reading);
    expect(policyOf(store).status.state).toBe('partial');
    expect(policyOf(store).status.reason).toMatch(
      /^portalOrigins\[0\] : .*minPollIntervalMinutes : .*clefInconnue : clé inconnue$/s,
    );
    await store.update((state) => ({ state, result: null }));
    expect((await store.read()).settings.privacyMode).toBe(true);
  });

  it('explains a refused value in the reader’s language only', () => {
    const policy = { privacyMode: 'oui', minPollIntervalMinutes: 0, clefInconnue: 1 };
    const reasons = (language: string) => {
      const reading = readPolicy(policy, language);
      return reading.ok ? reading.refused.map((r) => r.reason).join(' | ') : reading.reason;
    };
    const french = reasons('fr-FR');
    expect(french).toMatch(/booléen attendu/);
    expect(french).toContain('clé inconnue');
    expect(french).not.toMatch(/\b(expected|invalid|input|at|too|unknown)\b/i);
    const english = reasons('en-US');
    expect(english).toMatch(/expected boolean/i);
    expect(english).toContain('unknown key');
    expect(english).not.toMatch(/attendu|clé|invalide/i);
    expect(readPolicy(['privacyMode'], 'en')).toEqual({ ok: false, reason: 'the policy is not an object' });
  });

  it('says which settings and mailbox fields are locked', () => {
    const reading = readPolicy(POLICY);
    const policy = reading.ok ? reading.policy : null;
    expect(lockedSettings(policy)).toEqual(['notificationsEnabled', 'privacyMode', 'quietHours']);
    expect(lockedMailboxFields(policy, CARDIO, null)).toEqual(['label', 'colour']);
    expect(lockedMailboxFields(policy, 'autre@chu.fr', null)).toEqual([]);
  });

  it('locks a mailbox’s kind and confirmation, and the confirmation of every mailbox but the person’s own', () => {
    const reading = readPolicy({
      mailboxes: [{ address: CARDIO, kind: 'organisational', confirmBeforeSend: true }],
      alwaysConfirmServices: true,
    });
    const policy = reading.ok ? reading.policy : null;
    expect(lockedMailboxFields(policy, CARDIO, OWN)).toEqual(['kind', 'confirmBeforeSend']);
    expect(lockedMailboxFields(policy, 'bloc@chu.fr', OWN)).toEqual(['confirmBeforeSend']);
    expect(lockedMailboxFields(policy, OWN, OWN)).toEqual([]);
    // No confirmed login yet: nobody's own mailbox is known, so every one asks.
    expect(lockedMailboxFields(policy, OWN, null)).toEqual(['confirmBeforeSend']);
    expect(readPolicy({ mailboxes: [{ address: CARDIO, kind: 'unknown' }] })).toMatchObject({
      policy: { mailboxes: [] },
      refused: [{ path: 'mailboxes[0]' }],
    });
  });

  it('writes the managed values over every change, also on mailboxes learnt later', async () => {
    const store = storeWith(POLICY);
    await store.update((state) => {
      state.settings.privacyMode = false;
      state.settings.pollIntervalMinutes = 2;
      return { state, result: null };
    });
    await store.update((state) => {
      state.mailboxes.push(mailboxRecord(CARDIO));
      return { state, result: null };
    });
    const state = await store.read();
    expect(state.settings).toMatchObject({ privacyMode: true, pollIntervalMinutes: 5, notificationsEnabled: true });
    expect(state.mailboxes.find((m) => m.address === CARDIO)).toMatchObject({
      colour: '#CC79A7',
      label: 'Cardio (CHU)',
    });
  });

  it('refuses, with a reason, a change to what the policy sets, and an interval under its minimum', async () => {
    const store = storeWith(POLICY);
    const page = handlers(store);
    expect(await refusal(page['ui:update-settings']({ patch: { privacyMode: false } }, sender))).toMatch(
      /fixé par votre organisation : privacyMode/,
    );
    expect(await refusal(page['ui:update-settings']({ patch: { pollIntervalMinutes: 3 } }, sender))).toMatch(
      /au moins 5 minutes/,
    );
    const view = await page['ui:update-settings']({ patch: { pollIntervalMinutes: 10 } }, sender);
    expect(view.settings.pollIntervalMinutes).toBe(10);
    expect(view.locked).toEqual(['notificationsEnabled', 'privacyMode', 'quietHours']);
    expect(view.minPollIntervalMinutes).toBe(5);
  });

  it('previews a settings file with what the policy locks marked, and applies none of it', async () => {
    const store = storeWith({
      ...POLICY,
      lockedSettings: ['quietHours', 'pauseWhenIdle'],
      selectorProfile: DEFAULT_PROFILE,
    });
    await store.update((state) => {
      state.mailboxes.push(mailboxRecord(CARDIO));
      return { state, result: null };
    });
    const page = handlers(store);
    const text = JSON.stringify({
      format: 'repere-bal-settings',
      version: 1,
      settings: {
        notificationsEnabled: false,
        quietHours: { enabled: true, start: '19:00', end: '08:00' },
        pauseWhenIdle: true,
        pollIntervalMinutes: 10,
      },
      mailboxes: [{ address: CARDIO, colour: '#D55E00', watched: false }],
      selectorProfile: { ...DEFAULT_PROFILE, texts: { ...DEFAULT_PROFILE.texts, send: ['zzz'] } },
    });
    const before = await store.read();
    const preview = await page['ui:preview-import']({ text }, sender);
    if (!preview.ok) throw new Error('valid file refused');
    expect(preview.changes.filter((change) => change.locked).map((change) => change.field)).toEqual([
      'notificationsEnabled',
      'quietHours',
      'pauseWhenIdle',
      'colour',
    ]);
    expect(preview.profile).toMatchObject({ locked: true, texts: [{ key: 'send', removed: ['Envoyer'] }] });

    await page['ui:apply-import']({ text, confirmedWeakenings: [] }, sender);
    const after = await store.read();
    expect(after.settings).toEqual({ ...before.settings, pollIntervalMinutes: 10 });
    expect(after.mailboxes.find((m) => m.address === CARDIO)).toMatchObject({ colour: '#CC79A7', watched: false });
  });

  it('refuses to collapse the banner when the policy locks it, and collapses it otherwise', async () => {
    const locked = storeWith({ lockedSettings: ['bannerCollapsed'] });
    expect(await refusal(contentHandlers(locked)['content:set-banner-collapsed']({ collapsed: true }, tab))).toMatch(
      /fixé par votre organisation/,
    );
    expect((await locked.read()).settings.bannerCollapsed).toBe(false);
    const free = storeWith({ lockedSettings: ['quietHours'] });
    await contentHandlers(free)['content:set-banner-collapsed']({ collapsed: true }, tab);
    expect((await free.read()).settings.bannerCollapsed).toBe(true);
  });

  it('keeps a service mailbox a service one with its confirmation when the policy locks them: the disguise is skipped and named', async () => {
    const store = await storeWithCardio({
      mailboxes: [{ address: CARDIO, kind: 'organisational', confirmBeforeSend: true }],
    });
    const page = handlers(store);
    const preview = await page['ui:preview-import']({ text: DISGUISE }, sender);
    if (!preview.ok) throw new Error('valid file refused');
    expect(preview.changes.map(({ field, locked }) => [field, locked])).toEqual([
      ['confirmBeforeSend', true],
      ['kind', true],
    ]);
    expect(preview.weakenings).toEqual([]);
    await page['ui:apply-import']({ text: DISGUISE, confirmedWeakenings: [] }, sender);
    expect((await store.read()).mailboxes[0]).toMatchObject({ kind: 'organisational', confirmBeforeSend: true });
    expect(await refusal(page['ui:update-mailbox']({ address: CARDIO, patch: { kind: 'personal' } }, sender))).toMatch(
      /fixé par votre organisation/,
    );
  });

  it('always asks before sending from a service mailbox under « always confirm », whatever kind a file gives it', async () => {
    const store = storeWith({ alwaysConfirmServices: true });
    await store.update((state) => {
      state.portal.loginAddress = OWN;
      state.mailboxes.push(mailboxRecord(CARDIO, 'organisational'), mailboxRecord(OWN, 'personal'));
      return { state, result: null };
    });
    const page = handlers(store);
    const preview = await page['ui:preview-import']({ text: DISGUISE }, sender);
    if (!preview.ok) throw new Error('valid file refused');
    // The kind is the user's to give, and worded; the confirmation stays, so it is no weakening.
    expect(preview.weakenings).toEqual([{ address: CARDIO, what: 'personal' }]);
    expect(preview.changes.find((c) => c.field === 'confirmBeforeSend')?.locked).toBe(true);
    await page['ui:apply-import']({ text: DISGUISE, confirmedWeakenings: preview.weakenings }, sender);
    const cardio = (await store.read()).mailboxes.find((m) => m.address === CARDIO);
    expect(cardio).toMatchObject({ kind: 'personal', confirmBeforeSend: true });

    const settings = await page['ui:settings']({}, sender);
    expect(settings.mailboxes.find((m) => m.address === CARDIO)?.locked).toEqual(['confirmBeforeSend']);
    expect(settings.mailboxes.find((m) => m.address === OWN)?.locked).toEqual([]);
    expect(
      await refusal(page['ui:update-mailbox']({ address: CARDIO, patch: { confirmBeforeSend: false } }, sender)),
    ).toMatch(/fixé par votre organisation/);
    const content = contentHandlers(store);
    expect(await refusal(content['content:set-confirm-before-send']({ address: CARDIO, confirm: false }, tab))).toMatch(
      /fixé par votre organisation/,
    );
    await content['content:set-confirm-before-send']({ address: OWN, confirm: true }, tab);
    expect((await store.read()).mailboxes.find((m) => m.address === OWN)?.confirmBeforeSend).toBe(true);
  });

  it('applies a disguise only when the user confirmed each of its weakenings, and says why otherwise', async () => {
    const store = await storeWithCardio({});
    const page = handlers(store);
    const preview = await page['ui:preview-import']({ text: DISGUISE }, sender);
    if (!preview.ok) throw new Error('valid file refused');
    expect(preview.weakenings).toEqual([
      { address: CARDIO, what: 'personal' },
      { address: CARDIO, what: 'no-confirmation' },
    ]);
    for (const confirmedWeakenings of [[], [{ address: CARDIO, what: 'personal' as const }]]) {
      expect(await refusal(page['ui:apply-import']({ text: DISGUISE, confirmedWeakenings }, sender))).toMatch(
        /retire une protection.*rien n'a été changé/,
      );
      expect((await store.read()).mailboxes[0]).toMatchObject({ kind: 'organisational', confirmBeforeSend: null });
    }
    await page['ui:apply-import']({ text: DISGUISE, confirmedWeakenings: preview.weakenings }, sender);
    expect((await store.read()).mailboxes[0]).toMatchObject({ kind: 'personal', confirmBeforeSend: false });
  });
});
