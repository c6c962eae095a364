/**
 * Feature: the banner, mounted at document_start as the first child of <html> (so it
 * is there at first paint and pushes the portal down rather than covering it), in an
 * open shadow root (`<repere-bal-banner>`): styles kept apart both ways, key events
 * kept from the portal's shortcuts. The bar and the send guard's question are in the
 * browser's top layer (ui/Banner.ts); when the page opens something of its own there
 * (a popover, a modal dialog), ours are put back on top of it. The host carries `data-kind`, `data-address` and,
 * when nothing on the page is believed, `data-unsure` (`frame-unknown` or `unmatched`).
 *
 * A small mount of our own rather than WXT's createShadowRootUi: the same isolation
 * for a quarter of the code, which the content script's size budget needs (bench/).
 * The banner (ui/Banner.ts, its own few DOM calls, no UI library) is drawn at once and
 * updated in place. Until the page is read, it is a bare « checking » bar whose words
 * come with the background's first answer: the browser reads its message catalogue
 * synchronously on a content script's first use, which at document_start held the
 * portal's parsing (in a new tab, DOMContentLoaded 5–10 ms later in A/B builds measured
 * as `npm run bench` does).
 */
import { type BannerActions, createBanner, shownKind } from '@/entrypoints/portal.content/ui/Banner';
import { t } from '@/utils/i18n';
import { OWN_TAG_PREFIX } from '@/utils/portal/own-marks';
import type { Lifetime } from './lifetime';
import type { TabModel, TabState } from './tab-state';
import BANNER_CSS from './ui/banner.css?inline';
import { h, set } from './ui/dom';

export const BANNER_TAG = `${OWN_TAG_PREFIX}banner`;

/** Events after which the page may have put something of its own in the top layer. */
const RAISING_EVENTS = ['toggle', 'click'] as const;

/** Keys typed in the banner must not reach the portal's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** Why the page is not believed, for tests and support: no frame learnt yet, or the page does not fit it. */
function unsureState(model: TabModel): string | null {
  const view = model.view;
  if (!view?.unsure) return null;
  return view.frameUnknown ? 'frame-unknown' : 'unmatched';
}

function describeHost(host: HTMLElement, model: TabModel): void {
  const address = model.view?.page === 'webmail' ? model.view.active.address : null;
  set(host, {
    'data-kind': shownKind(model.view),
    'data-address': address ? address.toLowerCase() : null,
    'data-unsure': unsureState(model),
    // The banner's words are the browser's language (French otherwise), not always the portal's.
    // Asked once the page is read (after its load event), when the banner's parts ask the
    // catalogue anyway: its first reading is synchronous, and earlier it held the page's load.
    lang: model.view ? t('language') : null,
  });
}

/**
 * Puts the bar and an open send-guard question back on top of the top layer, over what
 * the page opened there since (the last shown is the one on top).
 */
function raise(shadow: ShadowRoot): void {
  const layer = shadow.querySelector<HTMLElement>('[popover]');
  if (layer?.isConnected) {
    if (layer.matches(':popover-open')) layer.hidePopover();
    layer.showPopover();
  }
  const dialog = shadow.querySelector('dialog');
  if (dialog?.open) {
    dialog.close();
    dialog.showModal();
  }
}

/**
 * The banner's styles as a constructed sheet, not a `<style>` element: a portal served
 * with a strict Content-Security-Policy (`style-src 'self'`) blocks or reports an inline
 * `<style>` that a content script adds (Firefox does, on every page), never a sheet.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  // Firefox before 153 refuses a change to the array as a content script sees it (an Xray
  // wrapper); the page-side array takes it.
  const sheets = shadow.adoptedStyleSheets as CSSStyleSheet[] & { wrappedJSObject?: CSSStyleSheet[] };
  (sheets.wrappedJSObject ?? sheets).push(sheet);
}

export function mountBanner(lifetime: Lifetime, tab: TabState, actions: BannerActions): ShadowRoot {
  const host = document.createElement(BANNER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const container = h('div', null);
  adoptStyles(shadow, BANNER_CSS);
  shadow.append(container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());

  const place = () => {
    if (host.parentNode !== document.documentElement || document.documentElement.firstChild !== host) {
      document.documentElement.prepend(host);
    }
  };
  place();
  const draw = createBanner(container, actions);
  // A portal script that rewrites the document must not take the banner away (taken out, it left the top layer).
  const keeper = new MutationObserver(() => {
    if (host.isConnected) return;
    place();
    raise(shadow);
  });
  keeper.observe(document.documentElement, { childList: true });
  // Something the page opened in the top layer after ours: a script's (its toggle event,
  // from the document's own tree) or a click's (a popover button, in a shadow root too),
  // once the click's default action has run.
  const raiseOverPage = (event: Event) => {
    if (!event.composedPath().includes(host)) setTimeout(() => lifetime.isInvalid || raise(shadow));
  };
  for (const type of RAISING_EVENTS) document.addEventListener(type, raiseOverPage, true);

  const update = (model: TabModel) => {
    describeHost(host, model);
    draw(model);
  };
  update(tab.get());
  raise(shadow);
  // Several changes in one task render once, with the latest model.
  let pending = false;
  const unsubscribe = tab.subscribe(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!lifetime.isInvalid) update(tab.get());
    });
  });
  lifetime.onInvalidated(() => {
    unsubscribe();
    keeper.disconnect();
    for (const type of RAISING_EVENTS) document.removeEventListener(type, raiseOverPage, true);
    container.replaceChildren();
    host.remove();
  });
  return shadow;
}
