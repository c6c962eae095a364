/**
 * The attacker's site and the attack library keep their promises to the tests that use
 * them: the site records every request and looks like the portal's account chooser;
 * each attack body holds the imitations its documentation lists.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackerSite, startAttackerSite } from './attacker';
import {
  type AttackOptions,
  allAttacks,
  FAKE_ADDRESSES,
  fakeAccountMenu,
  fakeAccountTable,
  fakeBase,
  fakeChooser,
  fakeInboxCount,
  fakeLoginForm,
  SCRIPT_HREFS,
} from './attacks';
import { allByText, textOf } from './client';
import { DEMO } from './seed';

const window = new Window();

function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('the attacker site', () => {
  let site: AttackerSite;

  beforeAll(async () => {
    site = await startAttackerSite();
  });
  afterAll(async () => {
    await site.close();
  });

  it('records every request and answers each with an imitation of the account chooser', async () => {
    const got = await fetch(site.at('/quelconque?m=comptes'));
    const posted = await fetch(site.url, {
      method: 'POST',
      body: new URLSearchParams({ compte: DEMO.services.cardio }),
    });
    expect(site.requests).toEqual([
      { method: 'GET', path: '/quelconque?m=comptes' },
      { method: 'POST', path: '/' },
    ]);
    expect(posted.status).toBe(200);
    const doc = parse(await got.text());
    expect(doc.title).toContain('Changer de compte');
    expect(allByText(doc, 'h2', 'Changer de compte')).toHaveLength(1);

    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows.map((row) => textOf(row.querySelector('td')))).toEqual([...FAKE_ADDRESSES]);
    for (const row of rows) {
      expect(textOf(row)).toMatch(/\b7\b/);
      const form = row.querySelector('form');
      expect(form?.getAttribute('method')).toBe('post');
      expect(form?.getAttribute('action')?.startsWith(site.origin)).toBe(true);
      expect(form?.querySelector('input[type=hidden][name=compte]')?.getAttribute('value')).toContain(
        '@pirate.example',
      );
      expect(allByText(form as Element, 'input[type=submit]', 'Accéder')).toHaveLength(1);
    }
    for (const entry of ['Changer de compte', 'Gérer votre compte Medimail', 'Déconnexion']) {
      const link = allByText(doc, 'a', entry)[0];
      expect(link?.getAttribute('href')?.startsWith(site.origin)).toBe(true);
    }
  });
});

describe('the attack library', () => {
  const options: AttackOptions = { attacker: 'http://127.0.0.1:9/', realAddresses: Object.values(DEMO.services) };

  it('fakeAccountMenu: labels with addresses, next to menus leading to the attacker site', () => {
    const doc = parse(fakeAccountMenu(options));
    expect(allByText(doc, 'a, button', FAKE_ADDRESSES[1])).toHaveLength(1);
    expect(allByText(doc, 'button', DEMO.services.mss)).toHaveLength(1);
    for (const entry of ['Changer de compte', 'Gérer votre compte Medimail']) {
      const links = allByText(doc, 'a', entry);
      expect(links).toHaveLength(2);
      expect(links.every((a) => a.getAttribute('href')?.startsWith(options.attacker))).toBe(true);
    }
    expect(allByText(doc, 'a', 'Déconnexion')).toHaveLength(2);
  });

  it('fakeChooser: fake and real entries leading away, script links, forms posting real addresses', () => {
    const source = fakeChooser(options);
    for (const href of SCRIPT_HREFS) expect(source).toContain(`href="${href}"`);
    const doc = parse(source);
    expect(allByText(doc, 'h2', 'Changer de compte')).toHaveLength(1);
    for (const address of [...FAKE_ADDRESSES, ...options.realAddresses]) {
      const [link] = allByText(doc, 'a', address).filter((a) => a.getAttribute('href')?.startsWith(options.attacker));
      expect(textOf(link)).toContain('(7 non lus)');
    }
    for (const address of options.realAddresses) {
      const forms = [...doc.querySelectorAll('form')].filter(
        (form) => form.querySelector('input[name=compte]')?.getAttribute('value') === address,
      );
      expect(forms).toHaveLength(2);
      for (const form of forms) {
        expect(form.querySelector('input[type=hidden][name=target]')?.getAttribute('value')).toBe(address);
        expect(allByText(form, 'input[type=submit], button', 'Accéder')).toHaveLength(1);
      }
    }
  });

  it('fakeAccountTable: the guide’s table, the default ticked on a fake address', () => {
    const doc = parse(fakeAccountTable(options));
    expect(allByText(doc, 'h2', 'Gestion des comptes de connexion')).toHaveLength(1);
    expect(allByText(doc, 'th', 'Compte par défaut')).toHaveLength(1);
    expect(allByText(doc, 'th', 'Notif de réception vers compte de connexion')).toHaveLength(1);
    const ticked = doc.querySelector('input[name=defaut][checked]');
    expect(ticked?.getAttribute('value')).toBe(FAKE_ADDRESSES[0]);
    expect(textOf(doc.querySelector(`label[for="${ticked?.getAttribute('id')}"]`))).toBe(
      'Définir comme compte par défaut',
    );
  });

  it('fakeInboxCount, fakeLoginForm, fakeBase: a count, a login imitation, a base and relative links', () => {
    const inbox = parse(fakeInboxCount(options));
    expect(allByText(inbox, 'a', 'Boîte de réception (99)')).toHaveLength(2);
    expect(inbox.querySelector('a[role=treeitem]')).not.toBeNull();
    const login = parse(fakeLoginForm(options)).querySelector('form');
    expect(login?.getAttribute('action')?.startsWith(options.attacker)).toBe(true);
    expect(login?.querySelector('input[type=text]')?.getAttribute('value')).toBe(DEMO.services.mss);
    expect(login?.querySelector('input[type=password]')).not.toBeNull();
    const base = parse(`<body>${fakeBase(options)}`);
    expect(base.querySelector('base')?.getAttribute('href')).toBe(options.attacker);
    expect(allByText(base, 'a[href^="?"]', 'Changer de compte')).toHaveLength(1);
    expect(allByText(base, 'a[href^="?"]', 'Gérer votre compte Medimail')).toHaveLength(1);
  });

  it('allAttacks: every attack in one body', () => {
    const all = allAttacks(options);
    for (const attack of [fakeAccountMenu, fakeChooser, fakeAccountTable, fakeInboxCount, fakeLoginForm, fakeBase]) {
      expect(all).toContain(attack(options));
    }
  });
});
