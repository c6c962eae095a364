/**
 * The portal readers on saved pages of both simulator renderings, a third hand-written
 * rendering, and edge cases. They find things by texts and roles only.
 */
import { describe, expect, it } from 'vitest';
import { readAccountTable } from '@/utils/portal/account-table';
import { readChooser } from '@/utils/portal/chooser';
import { findSendControls, isComposeForm } from '@/utils/portal/compose';
import { readInboxUnread } from '@/utils/portal/inbox';
import { findLabel } from '@/utils/portal/label';
import { findLoginForm, loginFieldValue } from '@/utils/portal/login';
import { findAccountMenu } from '@/utils/portal/menu';
import { readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { addressesIn, fold, shownText } from '@/utils/portal/text';
import { DEMO, HOSTILE_SERVICE_NAME } from '../../simulator/seed';
import { loadPage, pageFrom } from './fixtures';

const P = DEFAULT_PROFILE;
const RENDERINGS = ['classic', 'alt'] as const;

describe('text helpers', () => {
  it('fold case and white space, keep accents', () => {
    expect(fold('  Boîte   de\nRÉCEPTION ')).toBe('boîte de réception');
    expect(fold('Boite')).not.toBe(fold('Boîte'));
  });

  it('find addresses, lower-cased, without duplicates', () => {
    expect(addressesIn('Écrire à Mss@Esante-Occitanie.FR ou mss@esante-occitanie.fr, pas à @rien')).toEqual([
      'mss@esante-occitanie.fr',
    ]);
  });
});

describe.each(RENDERINGS)('%s rendering', (rendering) => {
  it('finds the label showing a personal name', () => {
    const label = findLabel(loadPage(rendering, 'inbox-personal'), P);
    expect(label).toMatchObject({ text: DEMO.displayName, address: null });
  });

  it('finds the label showing a service address', () => {
    const label = findLabel(loadPage(rendering, 'inbox-service-address'), P);
    expect(label).toMatchObject({ text: DEMO.services.mss, address: DEMO.services.mss });
  });

  it('finds the label showing a service name', () => {
    expect(findLabel(loadPage(rendering, 'inbox-service-name'), P)?.text).toBe('Secrétariat de cardiologie');
  });

  it('reads a hostile service name as plain text', () => {
    const doc = loadPage(rendering, 'inbox-hostile-name');
    expect(findLabel(doc, P)?.text).toBe(HOSTILE_SERVICE_NAME.replace(/\s+/g, ' '));
    expect(doc.querySelector('img[src=x]')).toBeNull();
  });

  it('finds the menu entries, and where they lead', () => {
    const menu = findAccountMenu(loadPage(rendering, 'inbox-personal'), P);
    expect(menu).not.toBeNull();
    expect(shownText(menu?.switchEntry as Element)).toBe('Changer de compte');
    expect(shownText(menu?.manageEntry as Element)).toBe('Gérer votre compte Medimail');
    expect(menu?.logoutEntry).not.toBeNull();
    expect(menu?.manageUrl).toMatch(/^http:\/\/127\.0\.0\.1:8780\//);
    if (rendering === 'classic') expect(menu?.chooserUrl).toBe('http://127.0.0.1:8780/?m=comptes');
    else expect(menu?.chooserUrl).toBeNull();
  });

  it('reads the inbox unread count, and 0 when none is shown', () => {
    expect(readInboxUnread(loadPage(rendering, 'inbox-service-address'), P)).toBe(2);
    expect(readInboxUnread(loadPage(rendering, 'inbox-service-name'), P)).toBe(1);
    expect(readInboxUnread(loadPage(rendering, 'inbox-nothing-unread'), P)).toBe(0);
    expect(readInboxUnread(loadPage(rendering, 'login'), P)).toBeNull();
  });

  it('reads the account chooser with addresses, names, counts and the active entry', () => {
    const doc = rendering === 'classic' ? loadPage('classic', 'chooser') : loadPage('alt', 'inbox-personal');
    const chooser = readChooser(doc, P, { wholePage: rendering === 'classic' });
    expect(chooser?.entries.map((e) => e.address)).toEqual([DEMO.login, ...Object.values(DEMO.services)]);
    const [personal, mss, cardio, urgences] = chooser?.entries ?? [];
    expect(personal).toMatchObject({ name: DEMO.displayName, unread: 1, current: true });
    expect(mss).toMatchObject({ name: 'MSS eSanté Occitanie', unread: 2, current: false });
    expect(cardio).toMatchObject({ name: 'Secrétariat de cardiologie', unread: 1 });
    expect(urgences?.name).toBe(HOSTILE_SERVICE_NAME.replace(/\s+/g, ' '));
    expect(mss?.action.kind).toBe('form');
  });

  it('reads thirty accounts', () => {
    const doc = rendering === 'classic' ? loadPage('classic', 'pool-30-chooser') : loadPage('alt', 'pool-30-inbox');
    const chooser = readChooser(doc, P, { wholePage: rendering === 'classic' });
    expect(chooser?.entries).toHaveLength(31);
    expect(chooser?.entries[30]).toMatchObject({
      address: 'service30@chu-exemple.mssante.fr',
      name: 'Service 30 – consultations',
      unread: 0,
    });
  });

  it('does not mistake an ordinary page for the chooser page', () => {
    if (rendering === 'classic') expect(readChooser(loadPage('classic', 'inbox-personal'), P)).toBeNull();
    expect(
      readChooser(loadPage(rendering, 'account-management'), P, { wholePage: false })?.entries ?? [],
    ).not.toContainEqual(
      expect.objectContaining({ address: DEMO.services.bloc, action: expect.objectContaining({ kind: 'link' }) }),
    );
  });

  it('reads « Gestion des comptes de connexion »', () => {
    const rows = readAccountTable(loadPage(rendering, 'account-management'), P);
    expect(rows).toEqual([
      { address: DEMO.login, isDefault: false, notices: false },
      { address: DEMO.services.mss, isDefault: true, notices: true },
      { address: DEMO.services.cardio, isDefault: false, notices: false },
      { address: DEMO.services.urgences, isDefault: false, notices: false },
      { address: DEMO.services.bloc, isDefault: false, notices: false },
    ]);
    expect(readAccountTable(loadPage(rendering, 'inbox-personal'), P)).toBeNull();
  });

  it('finds « Envoyer » on the compose page only', () => {
    const compose = loadPage(rendering, 'compose');
    const [send] = findSendControls(compose, P);
    expect(send).toBeDefined();
    expect(isComposeForm(send?.closest('form') as HTMLFormElement, P)).toBe(true);
    expect(findSendControls(loadPage(rendering, 'inbox-personal'), P)).toHaveLength(0);
  });

  it('recognises the login page, the expired-session page and the login field', () => {
    for (const name of ['login', 'login-error', 'session-expired']) {
      expect(readPortalPage(loadPage(rendering, name), P).kind).toBe('login');
    }
    const form = findLoginForm(loadPage(rendering, 'login')) as HTMLFormElement;
    const field = form.querySelector(
      'input:not([type=password]):not([type=hidden]):not([type=submit])',
    ) as HTMLInputElement;
    field.value = '  noemie.gallorini@esante-occitanie.fr ';
    expect(loginFieldValue(form)).toBe(DEMO.login);
    expect(readPortalPage(loadPage(rendering, 'inbox-personal'), P).kind).toBe('webmail');
  });

  it('reads a page without the header as a webmail page with no label, and says so', () => {
    const reading = readPortalPage(loadPage(rendering, 'no-header'), P);
    expect(reading.label).toBeNull();
    expect(reading.problems.join(' ')).toMatch(/étiquette/);
  });

  it('never throws on a garbled page', () => {
    const reading = readPortalPage(loadPage(rendering, 'garbled'), P);
    expect(['webmail', 'unknown']).toContain(reading.kind);
  });

  it('puts everything in one reading', () => {
    const reading = readPortalPage(loadPage(rendering, 'inbox-service-address'), P);
    expect(reading).toMatchObject({
      kind: 'webmail',
      label: { text: DEMO.services.mss, address: DEMO.services.mss },
      inboxUnread: 2,
      sendControls: 0,
    });
    expect(reading.chooser === null).toBe(rendering === 'classic');
    expect(reading.inboxUrl).toBe(
      new URL(
        rendering === 'classic' ? '/?m=liste&f=1&o=date&p=1' : '/app/dossiers/reception',
        'http://127.0.0.1:8780',
      ).toString(),
    );
  });
});

describe('a third rendering (roles, links, upper case)', () => {
  it('reads the label, its address lower-cased, and the menu entries', () => {
    const doc = loadPage('other', 'inbox-service');
    expect(findLabel(doc, P)).toMatchObject({ address: DEMO.services.cardio });
    const menu = findAccountMenu(doc, P);
    expect(menu?.chooserUrl).toBeNull();
    expect(menu?.manageUrl).toBe('http://127.0.0.1:8780/settings/account');
  });

  it('reads a chooser made of links, with counts written out', () => {
    const chooser = readChooser(loadPage('other', 'inbox-service'), P);
    expect(chooser?.entries.map(({ address, unread, current }) => ({ address, unread, current }))).toEqual([
      { address: DEMO.login, unread: 0, current: false },
      { address: DEMO.services.cardio, unread: 2, current: true },
      { address: DEMO.services.mss, unread: 12, current: false },
    ]);
    expect(chooser?.entries[2]?.action).toEqual({ kind: 'link', href: 'http://127.0.0.1:8780/switch?to=3' });
  });

  it('reads the inbox count from a tree item', () => {
    expect(readInboxUnread(loadPage('other', 'inbox-service'), P)).toBe(2);
  });

  it('finds a label without an address and a send control that is not a form button', () => {
    const doc = loadPage('other', 'compose');
    expect(findLabel(doc, P)?.text).toBe('Noémie Gallorini');
    expect(findSendControls(doc, P).map((el) => shownText(el))).toEqual(['ENVOYER', 'Envoyer plus tard']);
  });
});

describe('edge cases', () => {
  it('finds nothing, and throws nothing, on an empty or foreign page', () => {
    for (const html of ['', '<p>Bonjour</p>', '<table><tr><th>Compte par défaut</th></tr></table>']) {
      const reading = readPortalPage(pageFrom(html), P);
      expect(reading.kind).toBe('unknown');
      expect(reading.label).toBeNull();
      expect(reading.accountTable).toBeNull();
    }
  });

  it('uses a profile hint first, and survives an invalid hint', () => {
    const doc = pageFrom('<header><b class="who">Service X</b></header><nav><a href="/c">Changer de compte</a></nav>');
    const hinted: SelectorProfile = { ...P, hints: { ...P.hints, label: ['::invalid((', '.who'] } };
    expect(findLabel(doc, hinted)?.text).toBe('Service X');
  });

  it('does not take a menu text or a heading for the label', () => {
    const doc = pageFrom(
      '<h1>Changer de compte</h1><div><button aria-expanded="false">Julien Martin</button><ul><li><a href="/x">Changer de compte</a></li><li><a href="/y">Gérer votre compte Medimail</a></li></ul></div>',
    );
    expect(findLabel(doc, P)?.text).toBe('Julien Martin');
  });
});
