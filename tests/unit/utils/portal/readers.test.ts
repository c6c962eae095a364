/**
 * The portal readers on saved pages of both simulator renderings, a third hand-written
 * rendering, and edge cases. They find things by texts and roles only.
 */
import { describe, expect, it } from 'vitest';
import { findAccountTable } from '@/utils/portal/account-table';
import { readChooser } from '@/utils/portal/chooser';
import { findSendControls, isComposeForm } from '@/utils/portal/compose';
import { findInboxLinks, inboxUnreadOf } from '@/utils/portal/inbox';
import { findLabel as findLabelOf } from '@/utils/portal/label';
import { findLoginForm, loginFieldValue } from '@/utils/portal/login';
import { findAccountMenus } from '@/utils/portal/menu';
import { readMenuPage } from '@/utils/portal/menu-pages';
import { findPortalInterface, readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '@/utils/portal/profile';
import { addressesIn, fold, shownText } from '@/utils/portal/text';
import { DEMO, HOSTILE_SERVICE_NAME } from '../../../simulator/seed';
import { type FixtureRendering, learntFrame, loadPage, loadPageAt, pageFrom, readLearnt } from './fixtures';

const P = DEFAULT_PROFILE;
const RENDERINGS = ['classic', 'alt'] as const;

/** A saved page, read as the extension reads it once the frame is learnt on its rendering's menu pages. */
function read(rendering: FixtureRendering, name: string) {
  return readLearnt(rendering, name);
}

function portalInterface(rendering: FixtureRendering, name: string) {
  const { doc, url } = loadPageAt(rendering, name);
  return findPortalInterface(doc, P, { pageUrl: url, frame: learntFrame(rendering) });
}

function findLabel(rendering: FixtureRendering, name: string) {
  return portalInterface(rendering, name).label;
}

/** The label reader alone, on a hand-written page: the label beside the page's first menu. */
function labelBesideMenu(doc: Document, profile: SelectorProfile = P) {
  const [menu] = findAccountMenus(doc, profile, doc.baseURI);
  return menu ? findLabelOf(doc, profile, menu) : null;
}

/** The inbox reader alone, on a hand-written page: the count of its one « Boîte de réception ». */
function inboxCountOf(doc: Document, profile: SelectorProfile = P) {
  const links = findInboxLinks(doc, profile);
  return links.length === 1 ? inboxUnreadOf(links[0] as Element, profile) : null;
}

describe('text helpers', () => {
  it('fold case, white space, accents and invisible characters, as a portal may write its texts', () => {
    expect(fold('  Boîte   de\nRÉCEPTION ')).toBe('boite de reception');
    expect(fold('Boite')).toBe(fold('Boîte'));
    expect(fold('Gérer\u00a0votre com\u200bpte')).toBe('gerer votre compte');
  });

  it('find addresses, lower-cased, without duplicates', () => {
    expect(addressesIn('Écrire à Mss@Esante-Occitanie.FR ou mss@esante-occitanie.fr, pas à @rien')).toEqual([
      'mss@esante-occitanie.fr',
    ]);
  });
});

describe.each(RENDERINGS)('%s rendering', (rendering) => {
  it('finds the label showing a personal name', () => {
    const label = findLabel(rendering, 'inbox-personal');
    expect(label).toMatchObject({ text: DEMO.displayName, address: null });
  });

  it('finds the label showing a service address', () => {
    const label = findLabel(rendering, 'inbox-service-address');
    expect(label).toMatchObject({ text: DEMO.services.mss, address: DEMO.services.mss });
  });

  it('finds the label showing a service name', () => {
    expect(findLabel(rendering, 'inbox-service-name')?.text).toBe('Secrétariat de cardiologie');
  });

  it('reads a hostile service name as plain text', () => {
    const doc = loadPage(rendering, 'inbox-hostile-name');
    expect(findLabel(rendering, 'inbox-hostile-name')?.text).toBe(HOSTILE_SERVICE_NAME.replace(/\s+/g, ' '));
    expect(doc.querySelector('img[src=x]')).toBeNull();
  });

  it('finds the menu entries, and where they lead', () => {
    const { menu, trust } = portalInterface(rendering, 'inbox-personal');
    expect(trust).toBe('frame');
    expect(menu).not.toBeNull();
    expect(shownText(menu?.switchEntry as Element)).toBe('Changer de compte');
    expect(shownText(menu?.manageEntry as Element)).toBe('Gérer votre compte Medimail');
    expect(menu?.logoutEntry).not.toBeNull();
    expect(menu?.manageUrl).toMatch(/^http:\/\/127\.0\.0\.1:8780\//);
    if (rendering === 'classic') expect(menu?.chooserUrl).toBe('http://127.0.0.1:8780/?m=comptes');
    else expect(menu?.chooserUrl).toBeNull();
  });

  it('reads the inbox unread count, and 0 when none is shown', () => {
    expect(read(rendering, 'inbox-service-address').inboxUnread).toBe(2);
    expect(read(rendering, 'inbox-service-name').inboxUnread).toBe(1);
    expect(read(rendering, 'inbox-nothing-unread').inboxUnread).toBe(0);
    expect(read(rendering, 'login').inboxUnread).toBeNull();
  });

  it('reads the account chooser with addresses, names, counts and the active entry', () => {
    const doc = rendering === 'classic' ? loadPage('classic', 'chooser') : loadPage('alt', 'inbox-personal');
    const chooser = readChooser(doc, P, { pageUrl: doc.baseURI, wholePage: rendering === 'classic' });
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
    const chooser = readChooser(doc, P, { pageUrl: doc.baseURI, wholePage: rendering === 'classic' });
    expect(chooser?.entries).toHaveLength(31);
    expect(chooser?.entries[30]).toMatchObject({
      address: 'service30@chu-exemple.mssante.fr',
      name: 'Service 30 – consultations',
      unread: 0,
    });
  });

  it('does not mistake an ordinary page for the chooser page', () => {
    if (rendering === 'classic') expect(read('classic', 'inbox-personal').chooser).toBeNull();
    const account = loadPage(rendering, 'account-management');
    expect(readChooser(account, P, { pageUrl: account.baseURI })?.entries ?? []).not.toContainEqual(
      expect.objectContaining({ address: DEMO.services.bloc, action: expect.objectContaining({ kind: 'link' }) }),
    );
  });

  it('reads « Gestion des comptes de connexion », where the background reads the menu’s pages', () => {
    const { doc, url } = loadPageAt(rendering, 'account-management');
    // Every portal page pays for the content script: the table is read in the background only.
    expect(read(rendering, 'account-management').accountTable).toBeNull();
    const rows = readMenuPage(doc, P, { pageUrl: url, frame: learntFrame(rendering) }).accountTable;
    expect(rows).toEqual([
      { address: DEMO.login, isDefault: false, notices: false },
      { address: DEMO.services.mss, isDefault: true, notices: true },
      { address: DEMO.services.cardio, isDefault: false, notices: false },
      { address: DEMO.services.urgences, isDefault: false, notices: false },
      { address: DEMO.services.bloc, isDefault: false, notices: false },
    ]);
    expect(findAccountTable(loadPage(rendering, 'inbox-personal'), P)).toBeNull();
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
      expect(read(rendering, name).kind).toBe('login');
    }
    const form = findLoginForm(loadPage(rendering, 'login')) as HTMLFormElement;
    const field = form.querySelector(
      'input:not([type=password]):not([type=hidden]):not([type=submit])',
    ) as HTMLInputElement;
    field.value = '  noemie.gallorini@esante-occitanie.fr ';
    expect(loginFieldValue(form)).toBe(DEMO.login);
    expect(read(rendering, 'inbox-personal').kind).toBe('webmail');
  });

  it('reads a page without the header as a webmail page with no label, and says so', () => {
    const reading = read(rendering, 'no-header');
    expect(reading).toMatchObject({ kind: 'webmail', trust: 'none', label: null, inboxUnread: null });
    expect(reading.problems.join(' ')).toMatch(/menu « Changer de compte » introuvable/);
  });

  it('never throws on a garbled page', () => {
    const reading = read(rendering, 'garbled');
    expect(['webmail', 'unknown']).toContain(reading.kind);
  });

  it('puts everything in one reading', () => {
    const reading = read(rendering, 'inbox-service-address');
    expect(reading).toMatchObject({
      kind: 'webmail',
      trust: 'frame',
      label: { text: DEMO.services.mss, address: DEMO.services.mss },
      inboxUnread: 2,
      sendControls: 0,
    });
    // A panel in an ordinary page, where the frame puts one.
    expect(reading.chooser?.length ?? 0).toBe(rendering === 'alt' ? 5 : 0);
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
    expect(findLabel('other', 'inbox-service')).toMatchObject({ address: DEMO.services.cardio });
    const { menu } = portalInterface('other', 'inbox-service');
    expect(menu?.chooserUrl).toBeNull();
    expect(menu?.manageUrl).toBe('http://127.0.0.1:8780/settings/account');
  });

  it('reads a chooser made of links, with counts written out', () => {
    const doc = loadPage('other', 'inbox-service');
    const chooser = readChooser(doc, P, { pageUrl: doc.baseURI });
    expect(chooser?.entries.map(({ address, unread, current }) => ({ address, unread, current }))).toEqual([
      { address: DEMO.login, unread: 0, current: false },
      { address: DEMO.services.cardio, unread: 2, current: true },
      { address: DEMO.services.mss, unread: 12, current: false },
    ]);
    expect(chooser?.entries[2]?.action).toEqual({ kind: 'link', href: 'http://127.0.0.1:8780/switch?to=3' });
  });

  it('reads the inbox count from a tree item', () => {
    expect(read('other', 'inbox-service').inboxUnread).toBe(2);
  });

  it('finds a label without an address and a send control that is not a form button', () => {
    const doc = loadPage('other', 'compose');
    expect(labelBesideMenu(doc)?.text).toBe('Noémie Gallorini');
    expect(findSendControls(doc, P).map((el) => shownText(el))).toEqual(['ENVOYER', 'Envoyer plus tard']);
  });
});

describe('edge cases', () => {
  it('matches profile texts as text: pattern characters are letters, a pathological pattern costs nothing', () => {
    const catastrophic = '(a+)+$';
    const profile: SelectorProfile = {
      ...P,
      texts: { ...P.texts, inbox: [catastrophic, 'Courrier [reçu]'], activeMarker: ['.*'] },
    };
    const doc = pageFrom(
      `<div><button aria-haspopup="true">Service X</button><ul><li><a href="/c">Changer de compte</a></li><li><a href="/g">Gérer votre compte Medimail</a></li></ul></div>
       <nav><a href="/in">Courrier [reçu] (4)</a><a href="/x">${'a'.repeat(40)}!</a></nav>`,
    );
    // Were texts compiled into patterns, this page would hang the reader (and time the test out).
    expect(inboxCountOf(doc, profile)).toBe(4);
    const literal = pageFrom(
      '<div><button aria-haspopup="true">Service X</button><ul><li><a href="/c">Changer de compte</a></li><li><a href="/g">Gérer votre compte Medimail</a></li></ul></div><nav><a href="/in">(a+)+$ (2)</a></nav>',
    );
    expect(inboxCountOf(literal, profile)).toBe(2);
  });

  it('finds a menu in a header laid out with a table, and takes no clickable subject cell for an entry', () => {
    const doc = pageFrom(
      `<table><tr><td><button aria-haspopup="true">Service X</button></td>
         <td><ul><li><a href="/c">Changer de compte</a></li><li><a href="/g">Gérer votre compte Medimail</a></li></ul></td></tr></table>
       <table><tr><td onclick="o(1)">Changer de compte</td><td onclick="o(1)">Gérer votre compte Medimail</td></tr>
         <tr><td onclick="o(2)">Boîte de réception (42)</td></tr></table>
       <ul><li><a href="/in">Boîte de réception (3)</a></li></ul>`,
    );
    expect(findAccountMenus(doc, P, doc.baseURI)).toHaveLength(1);
    expect(labelBesideMenu(doc)?.text).toBe('Service X');
    expect(inboxCountOf(doc)).toBe(3);
  });

  it('finds nothing, and throws nothing, on an empty or foreign page', () => {
    for (const html of ['', '<p>Bonjour</p>', '<table><tr><th>Compte par défaut</th></tr></table>']) {
      const doc = pageFrom(html);
      const reading = readPortalPage(doc, P, { pageUrl: doc.baseURI, frame: learntFrame('classic') });
      expect(reading.kind).toBe('unknown');
      expect(reading.label).toBeNull();
      expect(reading.accountTable).toBeNull();
    }
  });

  it('uses a profile hint first, and survives an invalid hint', () => {
    const doc = pageFrom('<header><b class="who">Service X</b></header><nav><a href="/c">Changer de compte</a></nav>');
    const hinted: SelectorProfile = { ...P, hints: { ...P.hints, label: ['::invalid((', '.who'] } };
    expect(labelBesideMenu(doc, hinted)?.text).toBe('Service X');
  });

  it('does not take a menu text or a heading for the label', () => {
    const doc = pageFrom(
      '<h1>Changer de compte</h1><div><button aria-expanded="false">Julien Martin</button><ul><li><a href="/x">Changer de compte</a></li><li><a href="/y">Gérer votre compte Medimail</a></li></ul></div>',
    );
    expect(labelBesideMenu(doc, P)?.text).toBe('Julien Martin');
  });
});
