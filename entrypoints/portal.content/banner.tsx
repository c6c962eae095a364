/**
 * Feature: the banner, mounted at document_start as the first child of <html> (so it
 * is there at first paint and pushes the portal down rather than covering it), in an
 * open shadow root (`<repere-bal-banner>`): styles kept apart both ways, key events
 * kept from the portal's shortcuts. The host carries `data-kind` and `data-address`.
 *
 * A small mount of our own rather than WXT's createShadowRootUi: the same isolation
 * for a quarter of the code, which the content script's size budget needs (bench/).
 * Until the page is read, the banner is a static shell (« checking », built with plain
 * DOM calls): the first Preact render, the costly one, happens after the page is parsed,
 * so the banner never delays the portal's own loading. The shell's words come with the
 * background's first answer: the browser reads its message catalogue synchronously on a
 * content script's first use, which at document_start held the portal's parsing (in a
 * new tab, DOMContentLoaded 5–10 ms later in A/B builds measured as `npm run bench` does).
 */
import { render } from 'preact';
import { Banner, type BannerActions, EDGE, shownKind } from '@/entrypoints/portal.content/ui/Banner';
import { textOn, UNKNOWN_COLOUR } from '@/utils/colours';
import type { Lifetime } from './lifetime';
import type { TabModel, TabState } from './tab-state';
import BANNER_CSS from './ui/banner.css?inline';

export const BANNER_TAG = 'repere-bal-banner';

/** Keys typed in the banner must not reach the portal's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

function describeHost(host: HTMLElement, model: TabModel): void {
  host.setAttribute('data-kind', shownKind(model.view));
  const address = model.view?.page === 'webmail' ? model.view.active.address : null;
  if (address) host.setAttribute('data-address', address.toLowerCase());
  else host.removeAttribute('data-address');
}

/** The « checking » state as plain DOM, looking as the Banner component draws it; words given later. */
function staticShell(): { bar: HTMLElement; message: HTMLElement } {
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.dataset.kind = 'unknown';
  bar.style.setProperty('--bg', UNKNOWN_COLOUR);
  bar.style.setProperty('--fg', textOn(UNKNOWN_COLOUR));
  bar.style.setProperty('--edge', EDGE.unknown);
  const message = document.createElement('div');
  message.className = 'message';
  message.setAttribute('role', 'status');
  message.setAttribute('aria-live', 'polite');
  bar.append(message);
  return { bar, message };
}

/** Whether the model says more than « checking »: time for the real banner. */
function hasNews(model: TabModel): boolean {
  return model.view !== null || model.error !== null || model.activity !== null || model.guard !== null;
}

export function mountBanner(lifetime: Lifetime, tab: TabState, actions: BannerActions): ShadowRoot {
  const host = document.createElement(BANNER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BANNER_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());

  const place = () => {
    if (host.parentNode !== document.documentElement || document.documentElement.firstChild !== host) {
      document.documentElement.prepend(host);
    }
  };
  place();
  // A portal script that rewrites the document must not take the banner away.
  const keeper = new MutationObserver(() => {
    if (!host.isConnected) place();
  });
  keeper.observe(document.documentElement, { childList: true });

  const shell = staticShell();
  container.append(shell.bar);
  let rendered = false;
  const update = (model: TabModel) => {
    describeHost(host, model);
    if (!rendered && !hasNews(model)) {
      shell.bar.classList.toggle('collapsed', model.collapsedHint);
      if (model.checkingText !== null) shell.message.textContent = model.checkingText;
      return;
    }
    if (!rendered) {
      shell.bar.remove();
      rendered = true;
    }
    render(<Banner model={model} actions={actions} />, container);
  };
  update(tab.get());
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
    render(null, container);
    host.remove();
  });
  return shadow;
}
