/**
 * Hostile inputs: portal texts with markup, scripts, right-to-left text, emoji or 5,000
 * characters; stored records edited to garbage; malformed settings files. Each is
 * rendered as text or refused with a reason, and nothing stored before is lost.
 */
import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSettingsFile, SETTINGS_FILE_FORMAT } from '@/entrypoints/background/settings-file';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import { createBanner, EMPTY_BANNER_MODEL } from '@/entrypoints/portal.content/ui/Banner';
import { readMenuPage } from '@/utils/portal/menu-pages';
import { readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { MAX_NAME_LENGTH } from '@/utils/portal/text';
import { pageReading } from '@/utils/protocol/shapes';
import { escapeHtml } from '../simulator/html';
import { HOSTILE_NAMES } from '../simulator/seed';
import { mailboxRecord } from './background/records';
import { portalView } from './portal.content/views';
import { pageFrom } from './utils/portal/fixtures';

afterEach(() => document.body.replaceChildren());

/** A portal page whose label and chooser show these service names. */
function portalPage(active: string, names: { address: string; name: string }[]): string {
  const rows = names
    .map(
      ({ address, name }) =>
        `<tr><td>${escapeHtml(name)}</td><td>${address}</td><td>1</td><td><form method="post"><input type="hidden" name="c" value="${address}"><input type="submit" value="Accéder"></form></td></tr>`,
    )
    .join('');
  return `<div><a href="#" onclick="m()">${escapeHtml(active)}</a><ul><li><a href="/c">Changer de compte</a></li><li><a href="/g">Gérer votre compte Medimail</a></li></ul></div>
  <div><h2>Changer de compte</h2><table>${rows}</table></div>`;
}

describe('hostile portal texts', () => {
  const names = Object.values(HOSTILE_NAMES);

  it('are read as text, long ones bounded, and the reading still crosses to the background', () => {
    // Read as the chooser page that the menu's « Changer de compte » leads to, with the frame it teaches.
    const chooserPage = 'http://127.0.0.1:8780/c';
    const doc = pageFrom(portalPage(HOSTILE_NAMES.long.name, names), chooserPage);
    const { frame } = readMenuPage(doc, DEFAULT_PROFILE, { pageUrl: chooserPage });
    const reading = readPortalPage(doc, DEFAULT_PROFILE, { pageUrl: chooserPage, frame });
    expect(reading.trust).toBe('frame');
    expect(reading.label?.text.length).toBe(MAX_NAME_LENGTH);
    expect(reading.label?.text.endsWith('…')).toBe(true);
    expect(reading.chooser?.map((entry) => entry.name)).toEqual([
      HOSTILE_NAMES.rtl.name,
      HOSTILE_NAMES.emoji.name,
      `${HOSTILE_NAMES.long.name.slice(0, MAX_NAME_LENGTH - 1)}…`,
    ]);
    expect(pageReading.safeParse(reading).success).toBe(true);
  });

  it('are shown as text in the banner', () => {
    for (const { name } of names) {
      const container = document.body.appendChild(document.createElement('div'));
      createBanner(
        container,
        {} as never,
      )({
        ...EMPTY_BANNER_MODEL,
        view: portalView({ name: name.slice(0, MAX_NAME_LENGTH) }),
      });
      expect(screen.getByRole('status').textContent).toContain(name.slice(0, 100));
      expect(container.querySelector('script, img, b')).toBeNull();
      document.body.replaceChildren();
    }
  });
});

let n = 0;
const freshStore = () => {
  n += 1;
  return new Store(new RepereDb(`hostile-${n}-${Date.now()}`));
};

describe('stored records edited to garbage', () => {
  it('are set aside one by one; the valid ones and the defaults carry on', async () => {
    const store = freshStore();
    await store.update((state) => {
      state.mailboxes.push(mailboxRecord('ok@chu.fr', 'organisational', { label: 'Gardée', order: 0 }));
      state.settings.pollIntervalMinutes = 7;
      return { state, result: null };
    });
    const { db } = store;
    await db.mailboxes.put({ address: 'garbage@chu.fr', kind: 42, colour: '<script>' } as never);
    await db.portal.put({ id: 'main', loginSeq: 'beaucoup', sessionAccounts: 'tous' } as never);
    await db.poll.put({ id: 'main', status: 'en feu', history: [{}] } as never);
    await db.notifications.put({ notificationId: 1, at: 'hier' } as never);
    const state = await store.read();
    expect(state.mailboxes.map((m) => [m.address, m.label])).toEqual([['ok@chu.fr', 'Gardée']]);
    expect(state.settings.pollIntervalMinutes).toBe(7);
    expect(state.portal.loginSeq).toBe(0);
    expect(state.poll.status).toBe('idle');
    expect(await store.notificationLog()).toEqual([]);
    expect((await db.quarantine.toArray()).map((q) => q.table).sort()).toEqual([
      'mailboxes',
      'notifications',
      'poll',
      'portal',
    ]);
    // The next change writes valid records again.
    await store.update((current) => ({ state: current, result: null }));
    expect((await store.read()).poll.status).toBe('idle');
  });
});

describe('malformed settings files', () => {
  it.each([
    ['an empty text', '', ''],
    ['a number', '42', ''],
    ['a file of another format', JSON.stringify({ format: 'autre', version: 1 }), 'format'],
    ['a future version', JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2 }), 'version'],
    ['a prototype-polluting key', `{"format":"${SETTINGS_FILE_FORMAT}","version":1,"__proto__":{"admin":true}}`, ''],
    [
      'settings of the wrong types',
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, settings: { privacyMode: 'oui', quietHours: [] } }),
      'settings.privacyMode',
    ],
    [
      'a mailbox with markup in its name',
      JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, mailboxes: [{ address: '<b>@x', label: 'x' }] }),
      'mailboxes[0].address',
    ],
    [
      'a label of 5,000 characters',
      JSON.stringify({
        format: SETTINGS_FILE_FORMAT,
        version: 1,
        mailboxes: [{ address: 'a@b.fr', label: 'x'.repeat(5000) }],
      }),
      'mailboxes[0].label',
    ],
  ])('refuses %s with a reason', (_case, text, path) => {
    const result = parseSettingsFile(text, 'fr');
    if (path === '' && text.includes('__proto__')) {
      // JSON.parse makes « __proto__ » a plain own key: the strict schema refuses it by name.
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toMatch(/__proto__/);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      return;
    }
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.message.length > 0)).toBe(true);
      if (path) expect(result.problems.map((p) => p.path)).toContain(path);
    }
  });
});
