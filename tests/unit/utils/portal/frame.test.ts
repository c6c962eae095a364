/**
 * The portal's frame (utils/portal/frame.ts) and how the page reader uses it: learnt
 * on the menu's own pages of both simulator renderings, then the only place where the
 * menu, label, counts and a chooser panel are believed.
 */
import { describe, expect, it } from 'vitest';
import { contentRegion, elementAt, isElementPath, pathOf } from '@/utils/portal/frame';
import { readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE as P } from '@/utils/portal/profile';
import { DEMO } from '../../../simulator/seed';
import { loadPage, pageFrom } from './fixtures';

const RENDERINGS = ['classic', 'alt'] as const;

function learnt(rendering: (typeof RENDERINGS)[number]) {
  const account = loadPage(rendering, 'account-management');
  return readPortalPage(account, P, { pageUrl: account.baseURI }).frame;
}

describe('element paths', () => {
  const doc = pageFrom(
    '<div id="a"><p>1</p><p id="x>y:z">2</p><p>3</p></div><div><span>4</span></div><div id="">5</div>',
  );

  it('name an element by its id, else by its rank among siblings of its tag, and find it again', () => {
    const third = doc.querySelectorAll('p')[2] as Element;
    expect(pathOf(third)).toBe('body:1>div#a>p:3');
    expect(elementAt(doc, 'body:1>div#a>p:3')).toBe(third);
    const odd = doc.querySelectorAll('p')[1] as Element;
    expect(elementAt(doc, pathOf(odd))).toBe(odd);
    const span = doc.querySelector('span') as Element;
    expect(pathOf(span)).toBe('body:1>div:2>span:1');
    expect(elementAt(doc, pathOf(span))).toBe(span);
  });

  it('find nothing where the page has nothing, and refuse malformed paths', () => {
    expect(elementAt(doc, 'body:1>div:9>span:1')).toBeNull();
    expect(elementAt(doc, 'body:1>div#missing')).toBeNull();
    expect(elementAt(doc, 'body:1>div:1')).toBeNull(); // the first div has an id: a rank does not name it
    expect(elementAt(doc, 'body>div')).toBeNull();
    expect(isElementPath('body:1>div#a>p:3')).toBe(true);
    expect(isElementPath('body:1>div[onclick]')).toBe(false);
    expect(isElementPath(Array.from({ length: 65 }, () => 'div:1').join('>'))).toBe(false);
  });

  it('tell a page’s own content region from its frame', () => {
    const page = pageFrom(
      '<header><nav id="menu"><a href="/c">Changer de compte</a></nav></header><main><section><table id="t"></table></section></main>',
    );
    const region = contentRegion(page.getElementById('t') as Element, [page.getElementById('menu') as Element]);
    expect(region.tagName).toBe('MAIN');
  });
});

describe.each(RENDERINGS)('%s rendering: the frame', (rendering) => {
  it('is learnt on the account page (and the chooser page), the menu’s own pages', () => {
    const frame = learnt(rendering);
    expect(frame).not.toBeNull();
    expect(frame?.label).not.toBeNull();
    expect(frame?.inboxLink).not.toBeNull();
    // A chooser shown in place is part of the frame; the chooser page's own chooser is not.
    expect(frame?.chooserPanel !== null).toBe(rendering === 'alt');
    if (rendering === 'classic') {
      const chooser = loadPage('classic', 'chooser');
      const onChooserPage = readPortalPage(chooser, P, { pageUrl: chooser.baseURI }).frame;
      expect(onChooserPage).toEqual({ ...frame, chooserPanel: null });
    }
  });

  it('is not learnt on an ordinary page, where mail is shown', () => {
    for (const name of ['inbox-personal', 'inbox-service-name', 'compose']) {
      const doc = loadPage(rendering, name);
      expect(readPortalPage(doc, P, { pageUrl: doc.baseURI }).frame).toBeNull();
    }
  });

  it('reads every page of the portal where it puts things', () => {
    const frame = learnt(rendering);
    const doc = loadPage(rendering, 'inbox-service-address');
    const reading = readPortalPage(doc, P, { pageUrl: doc.baseURI, frame });
    expect(reading).toMatchObject({
      trust: 'frame',
      label: { address: DEMO.services.mss },
      inboxUnread: 2,
    });
    // The panel, now that the frame vouches for it.
    expect(reading.chooser?.length ?? 0).toBe(rendering === 'alt' ? 5 : 0);
  });

  it('finds nothing where the frame was learnt on another layout: the page is unsure', () => {
    const doc = loadPage(rendering, 'inbox-personal');
    const frame = { switchEntry: 'body:1>div:7>a:1', label: null, inboxLink: null, chooserPanel: null };
    const reading = readPortalPage(doc, P, { pageUrl: doc.baseURI, frame });
    expect(reading).toMatchObject({ kind: 'webmail', trust: 'unsure', label: null, chooser: null, inboxUnread: null });
  });
});
