/**
 * Feature: the tab says which mailbox it shows. The title gets a prefix
 * (« [Secrétariat de cardiologie] … », « [Personnel] … ») kept through the portal's
 * own title changes, and the icon becomes a mark in the mailbox's colour, so the tab
 * strip tells mailboxes apart. Both are restored when the extension goes away.
 */
import { shownKind } from '@/entrypoints/portal.content/ui/Banner';
import { t } from '@/utils/i18n';
import { OWN_MARK } from '@/utils/portal/own-marks';
import type { PortalView } from '@/utils/protocol/shapes';
import type { Lifetime } from './lifetime';
import type { TabState } from './tab-state';

const MAX_PREFIX_NAME = 28;

export function titlePrefix(view: PortalView | null): string {
  if (view?.stale) return '[⚠] ';
  if (view?.page !== 'webmail') return '';
  const kind = shownKind(view);
  if (kind === 'personal') return `[${t('titlePersonal')}] `;
  if (kind === 'unknown') return `[${t('titleUnknown')}] `;
  const name = view.active.name ?? view.active.address ?? '';
  return `[${name.length > MAX_PREFIX_NAME ? `${name.slice(0, MAX_PREFIX_NAME - 1)}…` : name}] `;
}

export function faviconFor(colour: string, ink: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${colour}" stroke="${ink}" stroke-width="2"/><path d="M6 10h20v13H6z" fill="none" stroke="${ink}" stroke-width="2.5"/><path d="M6 10l10 8 10-8" fill="none" stroke="${ink}" stroke-width="2.5"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function markTab(lifetime: Lifetime, tab: TabState): void {
  let prefix = '';
  let icon: HTMLLinkElement | null = null;

  const applyTitle = () => {
    const current = document.title;
    const bare = current.startsWith(prefix) ? current.slice(prefix.length) : current;
    const next = titlePrefix(tab.get().view);
    prefix = next;
    if (document.title !== next + bare) document.title = next + bare;
  };
  const applyIcon = () => {
    const view = tab.get().view;
    if (view?.page !== 'webmail' || !document.head) return;
    if (!icon) {
      icon = Object.assign(document.createElement('link'), { rel: 'icon' });
      // Ours, not the portal's: a page skeleton leaves it out (utils/portal/own-marks.ts).
      icon.setAttribute(OWN_MARK, '');
    }
    icon.href = faviconFor(view.active.colour, view.active.textColour);
    // Last in <head>: browsers take the last icon given.
    if (icon.parentNode !== document.head || icon.nextElementSibling) document.head.append(icon);
  };

  const update = () => {
    applyTitle();
    applyIcon();
  };
  const unsubscribe = tab.subscribe(update);
  // The portal may set its own title (a switch in place): put the prefix back.
  const observer = new MutationObserver(() => {
    if (!document.title.startsWith(prefix) || !prefix) applyTitle();
  });
  const observeTitle = () => {
    const title = document.querySelector('title');
    if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
    update();
  };
  if (document.readyState === 'loading') lifetime.addEventListener(document, 'DOMContentLoaded', observeTitle);
  else observeTitle();

  lifetime.onInvalidated(() => {
    unsubscribe();
    observer.disconnect();
    if (prefix && document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    icon?.remove();
  });
}
