/**
 * The portal's frame (utils/portal/frame.ts) and how the page reader uses it: learnt on
 * the menu's own pages, found again as the portal varies in ordinary ways (a notice
 * before the header, generated ids, another wrapper, elements added by scripts), never
 * inside the region where a page shows its content, and alone or not at all.
 */
import { describe, expect, it } from 'vitest';
import {
  contentRegion,
  fits,
  frameOfParts,
  looksGenerated,
  mergeFrames,
  type PortalFrame,
  stepOf,
} from '@/utils/portal/frame';
import { findInboxLinks } from '@/utils/portal/inbox';
import { locateFrame } from '@/utils/portal/locate-frame';
import { findAccountMenus } from '@/utils/portal/menu';
import { agreedFrame } from '@/utils/portal/menu-pages';
import { readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE as P, type SelectorProfile } from '@/utils/portal/profile';
import { DEMO } from '../../../simulator/seed';
import { placesOnDom } from '../../../support/menu-pages';
import { FIXTURE_ORIGIN, learntFrame, loadPageAt, menuPagesOf, pageFrom, readLearnt } from './fixtures';

const RENDERINGS = ['classic', 'alt'] as const;

/** A page of a small portal: `header`, then the page with its folder list and `content`, inside `around`. */
function portalPage(
  options: { content?: string; before?: string; ids?: (name: string) => string; around?: string[] } = {},
) {
  const id = options.ids ?? ((name: string) => name);
  const inner = `${options.before ?? ''}
    <div id="${id('entete')}"><a href="#" class="etiquette">Secrétariat de cardiologie</a>
      <ul class="menu"><li><a href="/comptes">Changer de compte</a></li><li><a href="/compte">Gérer votre compte Medimail</a></li></ul></div>
    <div id="${id('page')}"><ul class="dossiers"><li><a href="/liste">Boîte de réception (3)</a></li></ul>
      <div id="${id('contenu')}">${options.content ?? '<table id="t"><tr><td>x</td></tr></table>'}</div></div>`;
  const wrapped = (options.around ?? []).reduceRight((html, name) => `<div class="${name}">${html}</div>`, inner);
  return pageFrom(wrapped, `${FIXTURE_ORIGIN}/liste`);
}

/** The frame of `doc` read as one of the menu's pages: its one menu, label, inbox entry, and the table's region. */
function frameOf(doc: Document): PortalFrame {
  const [menu] = findAccountMenus(doc, P, doc.baseURI);
  const inbox = findInboxLinks(doc, P)[0] as Element;
  const label = doc.querySelector('.etiquette') as Element;
  const content = contentRegion(doc.getElementById('t') as Element, [menu?.container as Element, label, inbox]);
  const frame = menu ? frameOfParts({ switchEntry: menu.switchEntry, label, inboxLink: inbox, content }) : null;
  if (!frame) throw new Error('no frame');
  return frame;
}

function locate(doc: Document, frame: PortalFrame, extra: Partial<Parameters<typeof locateFrame>[2]> = {}) {
  return locateFrame(doc, frame, {
    switchEntries: findAccountMenus(doc, P, doc.baseURI).map((menu) => menu.switchEntry),
    inboxEntries: findInboxLinks(doc, P),
    ...extra,
  });
}

const FAKE_MENU =
  '<div class="m"><a href="#" class="etiquette">Noémie Gallorini</a><ul><li><a href="/deconnexion">Changer de compte</a></li></ul></div>';

describe('frame steps', () => {
  it('take an id or a class for generated when it looks so', () => {
    for (const token of [
      'ext-gen1234',
      'j_idt45',
      'ember123',
      '3fa2b9c1',
      'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      ':r1:',
      'a1b2c3',
    ])
      expect(looksGenerated(token)).toBe(true);
    for (const token of ['bandeau', 'menu_compte', 'etiquette-bleue', 'who-chip', 'h1-title', 'col-6', 'facade'])
      expect(looksGenerated(token)).toBe(false);
  });

  it('fit an element when tag and role agree and its id and classes do not contradict them', () => {
    const doc = pageFrom(
      '<div id="bandeau" class="haut"></div><div id="ext-gen42"></div><div role="banner" class="haut"></div><div class="bas"></div>',
    );
    const [learnt, generated, banner, other] = [...doc.body.children] as Element[];
    const step = stepOf(learnt as Element);
    expect(step).toEqual({ tag: 'div', role: null, id: 'bandeau', classes: ['haut'] });
    expect(stepOf(generated as Element).id).toBeNull();
    expect(fits(generated as Element, step)).toBe(true); // a generated id says nothing
    expect(fits(banner as Element, step)).toBe(false); // another role
    expect(fits(other as Element, step)).toBe(false); // classes that contradict
    expect(fits(pageFrom('<div id="autre" class="haut"></div>').body.firstElementChild as Element, step)).toBe(false);
  });
});

describe('a frame learnt on a menu page', () => {
  const frame = frameOf(portalPage());

  it('is found again on the page it was learnt on', () => {
    const doc = portalPage();
    expect(locate(doc, frame)).toMatchObject({ placedMenus: 1, label: doc.querySelector('.etiquette') });
    expect(locate(doc, frame).content).toEqual([doc.getElementById('contenu')]);
  });

  it('holds under a notice before the header, generated ids, wrappers and a skip link', () => {
    let n = 0;
    const generated = (prefix: string) => () => {
      n += 1;
      return `${prefix}${1000 + n}`;
    };
    const variants = [
      portalPage({ before: '<div role="alert">Maintenance samedi</div><a href="#c">Aller au contenu</a>' }),
      portalPage({ ids: generated('ext-gen') }),
      portalPage({ around: ['gabarit', 'gabarit-lecture'] }),
      portalPage({ around: ['gabarit'], before: '<p class="quota">92 %</p>', ids: generated('j_idt') }),
    ];
    for (const doc of variants) {
      const located = locate(doc, frame);
      expect(located.switchEntry?.textContent).toBe('Changer de compte');
      expect(located.label?.textContent).toBe('Secrétariat de cardiologie');
      expect(located.inboxLink?.textContent).toBe('Boîte de réception (3)');
    }
  });

  it('never places a menu inside the region where the page shows its content, even a copy of the whole frame', () => {
    const copy = portalPage().body.innerHTML;
    for (const content of [FAKE_MENU, copy, `<div>${copy}</div>`]) {
      const doc = portalPage({ content });
      const located = locate(doc, frame);
      expect(located.placedMenus).toBe(1);
      expect(located.label?.textContent).toBe('Secrétariat de cardiologie');
      // Without the portal's header, the copy is the only menu: still nothing.
      doc.getElementById('entete')?.remove();
      expect(locate(doc, frame)).toMatchObject({ switchEntry: null, label: null, inboxLink: null });
    }
  });

  it('believes no menu when two stand where the frame puts them', () => {
    const doc = portalPage();
    const header = doc.getElementById('entete') as Element;
    header.after(header.cloneNode(true));
    expect(locate(doc, frame)).toMatchObject({ switchEntry: null, placedMenus: 2 });
  });

  it('believes nothing for a part it has no place for', () => {
    const withoutInbox = { ...frame, inboxLink: null };
    const located = locate(portalPage(), withoutInbox);
    expect(located.switchEntry).not.toBeNull();
    expect(located.inboxLink).toBeNull();
  });

  it('takes the menu in a header a hint names, and excludes the regions a hint names', () => {
    const doc = portalPage({ around: ['a', 'b', 'c', 'd', 'e'] }); // deeper than any fork: the routes cannot follow
    expect(locate(doc, frame).switchEntry).toBeNull();
    const header = doc.getElementById('entete') as Element;
    expect(locate(doc, frame, { headers: [header] }).switchEntry?.textContent).toBe('Changer de compte');
    expect(locate(doc, frame, { headers: [header], messageRegions: [header] }).switchEntry).toBeNull();
    // A message's copy of the header, in the page's content, is no header.
    const copy = portalPage({ content: portalPage().body.innerHTML, around: ['a', 'b', 'c', 'd', 'e'] });
    const headers = [...copy.querySelectorAll('[id=entete]')];
    expect(headers).toHaveLength(2);
    expect(
      locate(copy, frame, { headers, messageRegions: [copy.querySelectorAll('[id=contenu]')[0] as Element] })
        .switchEntry,
    ).toBe(headers[0]?.querySelector('a[href="/comptes"]'));
  });

  it('merges with a frame that agrees, keeping only what both showed', () => {
    const other = frameOf(portalPage({ ids: (name) => (name === 'entete' ? 'ext-gen77' : name) }));
    const merged = mergeFrames(frame, other);
    expect(merged.steps[merged.switchEntry[0] as number]?.id).toBeNull();
    expect(merged.steps[merged.content[0] as number]?.id).toBe('page');
  });
});

describe.each(RENDERINGS)('%s rendering: the frame', (rendering) => {
  it('is learnt where the menu’s pages agree, and read every page of the portal where it puts things', async () => {
    const frame = learntFrame(rendering);
    expect(await agreedFrame(menuPagesOf(rendering), placesOnDom(P))).toEqual(frame);
    expect(frame.label).not.toBeNull();
    expect(frame.inboxLink).not.toBeNull();
    // A chooser shown in place is part of the frame; the chooser page's own chooser is not.
    expect(frame.chooserPanel !== null).toBe(rendering === 'alt');
    const reading = readLearnt(rendering, 'inbox-service-address');
    expect(reading).toMatchObject({ trust: 'frame', label: { address: DEMO.services.mss }, inboxUnread: 2 });
    expect(reading.chooser?.length ?? 0).toBe(rendering === 'alt' ? 5 : 0);
  });

  it('shows no frame on an ordinary page, where mail is shown, and nothing before one is learnt', () => {
    for (const name of ['inbox-personal', 'inbox-service-name', 'compose']) {
      const { doc, url } = loadPageAt(rendering, name);
      expect(readPortalPage(doc, P, { pageUrl: url })).toMatchObject({
        trust: 'unlearnt',
        menuPage: null,
        frame: null,
        label: null,
        chooserUrl: null,
        manageUrl: null,
        inboxUnread: null,
      });
    }
  });

  it('finds nothing where the frame was learnt on another layout: the page is unsure', () => {
    const other = learntFrame(rendering === 'classic' ? 'alt' : 'classic');
    const { doc, url } = loadPageAt(rendering, 'inbox-personal');
    const reading = readPortalPage(doc, P, { pageUrl: url, frame: other });
    expect(reading).toMatchObject({ kind: 'webmail', trust: 'unsure', label: null, chooser: null, inboxUnread: null });
  });

  it('lets a header hint that names several elements outside the content name none, never falling through', () => {
    const frame = learntFrame(rendering);
    const { doc, url } = loadPageAt(rendering, 'message-attack');
    const hinted: SelectorProfile = { ...P, hints: { ...P.hints, header: ['div', '#bandeau, header.topbar'] } };
    expect(readPortalPage(doc, hinted, { pageUrl: url, frame }).trust).toBe('unsure');
    // The message copies the header's id and classes: its copies, in the content, do not count.
    const pinned: SelectorProfile = { ...P, hints: { ...P.hints, header: ['#bandeau, header.topbar'] } };
    expect(readPortalPage(doc, pinned, { pageUrl: url, frame }).label?.text).toBe('Secrétariat de cardiologie');
  });
});
