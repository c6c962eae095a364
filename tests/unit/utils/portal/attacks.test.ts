/**
 * The attack suite, at the readers' level: saved pages of both simulator renderings
 * showing a message whose HTML imitates the portal (tests/simulator/attacks.ts), and
 * each imitation planted alone in an ordinary page. Whatever the page shows, a reading
 * holds no fake address, no unread count of the imitation, no URL off the portal, and
 * either the same interface as without the message or nothing at all (`unsure`).
 */
import { describe, expect, it } from 'vitest';
import { sameOriginUrl } from '@/utils/portal/links';
import { linkTarget } from '@/utils/portal/menu';
import { type PortalPageReading, readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE as P, type SelectorProfile } from '@/utils/portal/profile';
import {
  BODY_ATTACKS as ATTACKS,
  type AttackOptions,
  FAKE_ADDRESSES,
  FAKE_INBOX_UNREAD,
  FAKE_UNREAD,
  PORTAL_LOGOUT_PATHS,
  SCRIPT_HREFS,
} from '../../../simulator/attacks';
import { DEMO } from '../../../simulator/seed';
import { FIXTURE_ORIGIN, learntFrame, loadPage, loadPageAt, pageFrom } from './fixtures';

const RENDERINGS = ['classic', 'alt'] as const;
type Rendering = (typeof RENDERINGS)[number];

const ATTACKER = 'http://127.0.0.1:9/';
const OPTIONS: AttackOptions = { attacker: ATTACKER, realAddresses: Object.values(DEMO.services) };

/** Where each rendering shows a message's body (the saved pages' own markup). */
const MESSAGE_BODY: Record<Rendering, string> = { classic: '#kvp_content', alt: '.reader-body' };

/** What no reading may ever hold: an imitation's address, count or link. */
function expectNothingOfTheAttack(reading: PortalPageReading): void {
  const text = JSON.stringify(reading);
  for (const fake of FAKE_ADDRESSES) expect(text).not.toContain(fake);
  expect(reading.inboxUnread).not.toBe(FAKE_INBOX_UNREAD);
  expect(reading.chooser?.some((entry) => entry.unread === FAKE_UNREAD) ?? false).toBe(false);
  for (const url of [reading.chooserUrl, reading.manageUrl, reading.inboxUrl]) {
    if (url !== null) expect(new URL(url).origin).toBe(FIXTURE_ORIGIN);
    // The imitations' links on the portal's own origin lead to its logout.
    if (url !== null) for (const logout of PORTAL_LOGOUT_PATHS) expect(url).not.toContain(logout);
  }
  expect(reading.accountTable).toBeNull();
  expect(reading.frame).toBeNull();
}

/** Nothing believed: no label, no link, no chooser, no count (the banner says it cannot tell). */
const NOTHING_BELIEVED = {
  kind: 'webmail',
  label: null,
  chooserUrl: null,
  manageUrl: null,
  chooser: null,
  inboxUnread: null,
  inboxUrl: null,
} as const;

/** The interface a reading saw (what the banner and the store would take from it). */
function interfaceOf(reading: PortalPageReading) {
  const { label, chooserUrl, manageUrl, chooser, inboxUnread, inboxUrl } = reading;
  return { label, chooserUrl, manageUrl, chooser, inboxUnread, inboxUrl };
}

describe.each(RENDERINGS)('%s rendering, a message imitating the portal', (rendering) => {
  const frame = learntFrame(rendering);

  it('changes nothing before a frame is learnt: nothing on the page is believed', () => {
    const { doc, url } = loadPageAt(rendering, 'message-attack');
    const reading = readPortalPage(doc, P, { pageUrl: url });
    expect(reading).toMatchObject({ ...NOTHING_BELIEVED, trust: 'unlearnt', menuPage: null });
    expectNothingOfTheAttack(reading);
  });

  it('believes no lone menu of a message where the portal shows none, before or after the frame', () => {
    const { doc, url } = loadPageAt(rendering, 'message-attack-no-header');
    for (const known of [null, frame]) {
      const reading = readPortalPage(doc, P, { pageUrl: url, frame: known });
      expect(reading).toMatchObject({ ...NOTHING_BELIEVED, menuPage: null });
      expect(reading.trust).toBe(known ? 'unsure' : 'unlearnt');
      expectNothingOfTheAttack(reading);
    }
  });

  it('believes no menu of a message where the portal words its own as the profile does not know', () => {
    const { doc, url } = loadPageAt(rendering, 'message-attack');
    const body = doc.querySelector(MESSAGE_BODY[rendering]) as Element;
    // The portal's own entries, outside the message, renamed: the imitation's are the only ones known.
    for (const entry of doc.querySelectorAll('a, button')) {
      if (!body.contains(entry) && /changer de compte|gérer votre compte/i.test(entry.textContent ?? ''))
        entry.textContent = 'Basculer vers un autre compte';
    }
    for (const known of [null, frame]) {
      const reading = readPortalPage(doc, P, { pageUrl: url, frame: known });
      expect(reading).toMatchObject(NOTHING_BELIEVED);
      expectNothingOfTheAttack(reading);
    }
  });

  it('changes nothing once the frame is learnt: the portal’s own label, count, links and chooser', () => {
    const { doc, url } = loadPageAt(rendering, 'message-attack');
    const reading = readPortalPage(doc, P, { pageUrl: url, frame });
    expect(reading.trust).toBe('frame');
    expect(reading.label?.text).toBe('Secrétariat de cardiologie');
    expectNothingOfTheAttack(reading);
    const ordinary = loadPageAt(rendering, 'inbox-service-name');
    const withoutMessage = readPortalPage(ordinary.doc, P, { pageUrl: ordinary.url, frame });
    // Counts aside (the two pages were saved at different moments), the same interface.
    const withoutCounts = (read: PortalPageReading) => ({
      ...interfaceOf(read),
      inboxUnread: typeof read.inboxUnread,
      chooser: read.chooser?.map(({ address, name, current }) => ({ address, name, current })) ?? null,
    });
    expect(withoutCounts(reading)).toEqual(withoutCounts(withoutMessage));
  });

  it('lets a profile hint name only what it names alone (the message copies the portal’s ids)', () => {
    const { doc, url } = loadPageAt(rendering, 'message-attack');
    const hinted: SelectorProfile = {
      ...P,
      hints: { ...P.hints, label: ['#etiquette', '.who-chip'], inboxLink: ['a[href*="reception"]'] },
    };
    const reading = readPortalPage(doc, hinted, { pageUrl: url, frame });
    expect(reading.label?.text).toBe('Secrétariat de cardiologie');
    expectNothingOfTheAttack(reading);
  });

  it('keeps subjects and senders for text: a list of hostile ones reads as the ordinary list', () => {
    const { doc, url } = loadPageAt(rendering, 'inbox-attack-subjects');
    for (const known of [null, frame]) {
      const reading = readPortalPage(doc, P, { pageUrl: url, frame: known });
      expect(reading.trust).toBe(known ? 'frame' : 'unlearnt');
      expect(reading.label?.text ?? null).toBe(known ? 'Secrétariat de cardiologie' : null);
      expect(reading.inboxUnread).not.toBe(42);
      expectNothingOfTheAttack(reading);
    }
  });

  describe.each(Object.entries(ATTACKS))('%s alone, in an ordinary page', (_name, attack) => {
    it('is never believed, with or without the frame', () => {
      const ordinary = loadPageAt(rendering, 'inbox-service-name');
      const clean = readPortalPage(ordinary.doc, P, { pageUrl: ordinary.url, frame });
      const { doc, url } = loadPageAt(rendering, 'inbox-service-name');
      const main = doc.querySelector(rendering === 'classic' ? '#droite' : 'main') as Element;
      main.insertAdjacentHTML('beforeend', `<div class="message">${attack(OPTIONS)}</div>`);
      for (const known of [null, frame]) {
        const reading = readPortalPage(doc, P, { pageUrl: url, frame: known });
        expectNothingOfTheAttack(reading);
        expect(reading.kind).toBe('webmail');
        if (reading.trust !== 'frame') expect(reading).toMatchObject(NOTHING_BELIEVED);
        else expect(interfaceOf(reading)).toEqual(interfaceOf(clean));
        if (!known) expect(reading.trust).toBe('unlearnt');
      }
    });
  });

  it('has its message shown where the saved page says (the attack really is in the body)', () => {
    const doc = loadPage(rendering, 'message-attack');
    expect(doc.querySelector(MESSAGE_BODY[rendering])?.textContent).toContain('Changer de compte');
  });
});

describe('links in disguise', () => {
  it('never yield a URL, whatever the disguise, nor one off the page’s origin', () => {
    const links = SCRIPT_HREFS.map((href) => `<a href="${href}">Changer de compte</a>`).join('');
    const doc = pageFrom(`${links}<a href="${ATTACKER}x">Changer de compte</a><a href="//evil.example/">x</a>`);
    for (const link of doc.querySelectorAll('a')) expect(linkTarget(link, `${FIXTURE_ORIGIN}/`)).toBeNull();
    expect(sameOriginUrl(' /?m=comptes ', `${FIXTURE_ORIGIN}/x`)).toBe(`${FIXTURE_ORIGIN}/?m=comptes`);
    expect(sameOriginUrl('https://127.0.0.1:8780/', `${FIXTURE_ORIGIN}/`)).toBeNull();
  });
});
