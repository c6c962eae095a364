/**
 * The banner: in whose name this page sends, in words, with an icon and the mailbox's
 * colour; one-click switching; notices (stale tab, switch under way or failed, errors);
 * the send guard's dialog. Drawn from the model alone: the content script passes the
 * model and the actions (entrypoints/portal.content/banner.ts). Its elements are made
 * once and updated in place, each part only when what it shows changed. Every control
 * acts only on the user's own events (event-trust.ts): the page can reach into the
 * banner's shadow root.
 *
 * The bar is drawn in the browser's top layer (a manual popover, `.layer`, placed at the
 * top of the document), where no z-index of the page or of a message shown in it can
 * draw over it; a spacer of the bar's height keeps its place in the page's flow. The
 * send guard's question is a modal dialog, in the top layer too (SendGuardDialog.ts).
 */
import { UNKNOWN_COLOUR } from '@/utils/colours';
import { t } from '@/utils/i18n';
import type { MailboxKind, PortalView } from '@/utils/protocol/shapes';
import { type Child, fill, h, set, setText, setVars, sync } from './dom';
import { type AcceptsEvent, isUserEvent, onUser } from './event-trust';
import { CHEVRON_DOWN, CHEVRON_UP, chevronIcon, kindIcon } from './icons';
import {
  createSendGuardDialog,
  type GuardRequest,
  isDialogSeen,
  type SeesDialog,
  type SendGuardDialog,
} from './SendGuardDialog';
import { createSwitchControls } from './SwitchControls';

export interface BannerModel {
  /** The background's answer for this page; null while it is being read. */
  view: PortalView | null;
  /** A switch under way, started by the user or by the preferred-mailbox rule. */
  activity: { kind: 'switching' | 'preferring'; name: string; address: string } | null;
  error: string | null;
  guard: GuardRequest | null;
  switcherOpen: boolean;
  /** Collapsed before the background has answered (its last known preference). */
  collapsedHint: boolean;
  /** The words until the page is read, given by the background (null: not yet). */
  checkingText?: string | null;
}

/** Before anything is known or under way. */
export const EMPTY_BANNER_MODEL: BannerModel = {
  view: null,
  activity: null,
  error: null,
  guard: null,
  switcherOpen: false,
  collapsedHint: false,
};

export interface BannerActions {
  switchTo(address: string): void;
  setCollapsed(collapsed: boolean): void;
  setSwitcherOpen(open: boolean): void;
  reload(): void;
  retry(address: string): void;
  dismissError(): void;
  confirmSend(silence: boolean): void;
  cancelSend(): void;
}

/** The kind the page shows (the host's `data-kind`). */
export function shownKind(view: PortalView | null): MailboxKind {
  return view?.page === 'webmail' ? view.active.kind : 'unknown';
}

/**
 * The text colour on UNKNOWN_COLOUR (`textOn`, checked by a test): the content script
 * takes text colours from the background's view and carries no contrast arithmetic.
 */
export const UNKNOWN_TEXT = '#111111';

export const EDGE: Record<MailboxKind, string> = {
  personal: '#5B6B7F',
  organisational: 'rgba(0, 0, 0, 0.45)',
  unknown: '#6B6B6B',
};

/** Words, or a sentence in bold with a detail in brackets after it. */
type Content = string | { strong: string; detail: string | null };

interface Message {
  tone: 'normal' | 'warning';
  content: Content;
  action?: { label: string; run(): void };
}

/** Why nothing on the page is believed, in the one sentence that says what helps. */
export function unsureWords(view: Pick<PortalView, 'frameUnknown'>): string {
  return t(view.frameUnknown ? 'bannerFrameUnknown' : 'bannerUnsure');
}

function message(model: BannerModel, actions: BannerActions): Message {
  const { view, activity, error } = model;
  if (error)
    return { tone: 'warning', content: error, action: { label: t('actionDismiss'), run: actions.dismissError } };
  if (!view) return { tone: 'normal', content: t('bannerChecking') };
  if (view.page === 'login') return { tone: 'normal', content: t('bannerLogin') };
  if (activity)
    return {
      tone: 'normal',
      content: t(activity.kind === 'preferring' ? 'bannerPreferring' : 'bannerSwitching', activity.name),
    };
  // Nothing on this page believed (no frame learnt yet, or look-alikes): say so, and what to do.
  if (view.unsure) return { tone: 'warning', content: unsureWords(view) };
  if (view.stale) {
    return {
      tone: 'warning',
      content: view.stale.name ? t('bannerStale', view.stale.name) : t('bannerStaleUnnamed'),
      action: { label: t('actionReload'), run: actions.reload },
    };
  }
  if (view.switchFailed) {
    const failed = view.switchFailed;
    return {
      tone: 'warning',
      content: t('bannerSwitchFailed', failed.name),
      action: { label: t('actionRetry'), run: () => actions.retry(failed.address) },
    };
  }
  const { kind, name, address } = view.active;
  if (kind === 'personal') return { tone: 'normal', content: { strong: t('bannerPersonal'), detail: name || null } };
  if (kind === 'organisational') {
    const shown = name ?? address ?? '';
    return {
      tone: 'normal',
      content: { strong: t('bannerService', shown), detail: (address !== shown && address) || null },
    };
  }
  return { tone: 'warning', content: { strong: t('bannerUnknown'), detail: name || null } };
}

function collapsedText(view: PortalView | null): string {
  if (!view) return t('bannerChecking');
  const kind = shownKind(view);
  if (kind === 'personal') return t('collapsedPersonal');
  if (kind === 'organisational') return t('collapsedService', view?.active.name ?? view?.active.address ?? '');
  return t('collapsedUnknown');
}

function contentNodes(content: Content): Child[] {
  if (typeof content === 'string') return [content];
  // Three text nodes, as always drawn: text is shaped node by node, and the look stays the same to the pixel.
  const detail = content.detail && h('span', { class: 'detail' }, ' (', content.detail, ')');
  return [h('strong', null, content.strong), detail];
}

/** The bar's controls, made when the banner first says more than « checking ». */
function controlsOf(actions: BannerActions, accepts: AcceptsEvent) {
  const notice = h('button', { type: 'button', 'data-action': 'notice' });
  const chevron = chevronIcon();
  const toggle = h('button', { type: 'button', class: 'toggle' }, chevron.icon);
  const switcher = createSwitchControls(
    { onOpenChange: (open) => actions.setSwitcherOpen(open), onSwitch: (address) => actions.switchTo(address) },
    accepts,
  );
  const parts = { notice, noticeRun: null as (() => void) | null, chevron, toggle, collapsed: false, switcher };
  onUser(notice, 'click', () => parts.noticeRun?.(), accepts);
  onUser(toggle, 'click', () => actions.setCollapsed(!parts.collapsed), accepts);
  return parts;
}

/**
 * Draws the banner in `container`; returns the update, to call with each new model.
 * Until the model says more than « checking », the bar has the background's words only
 * (no icon, no control): at document_start, it asks nothing of the browser's message
 * catalogue, read synchronously on first use (see banner.ts), and makes two elements
 * only (in a new tab, each kind of element is slow to make the first time: making the
 * controls there took some 5 ms in Chromium's profile).
 */
export function createBanner(
  container: HTMLElement,
  actions: BannerActions,
  accepts: AcceptsEvent = isUserEvent,
  sees: SeesDialog = isDialogSeen,
): (model: BannerModel) => void {
  const status = h('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const bar = h('div', { class: 'bar' }, status);
  const layer = h('div', { class: 'layer', popover: 'manual' }, bar);
  const spacer = h('div', { class: 'spacer' });
  container.append(spacer, layer);
  const shape = (collapsed: boolean, kind: MailboxKind) => {
    set(bar, { class: collapsed ? 'bar collapsed' : 'bar', 'data-kind': kind });
    set(spacer, { class: collapsed ? 'spacer collapsed' : 'spacer' });
  };
  let statusDrawn = '';
  let icon: SVGElement | null = null;
  let iconDrawn = '';
  let parts: ReturnType<typeof controlsOf> | null = null;
  let guard: { request: GuardRequest; dialog: SendGuardDialog } | null = null;

  return (model) => {
    const { view } = model;
    const kind = shownKind(view);
    const [colour, text] =
      view?.page === 'webmail' ? [view.active.colour, view.active.textColour] : [UNKNOWN_COLOUR, UNKNOWN_TEXT];
    // On the container: the bar and the send guard's question (its top border) both inherit them.
    setVars(container, { '--bg': colour, '--fg': text, '--edge': EDGE[kind] });
    const news = view !== null || model.error !== null || model.activity !== null || model.guard !== null;
    if (!parts && !news) {
      shape(model.collapsedHint, kind);
      setText(status, model.checkingText ?? '');
      return;
    }
    parts ??= controlsOf(actions, accepts);
    const said = message(model, actions);
    const wantsCollapsed = view ? view.collapsed : model.collapsedHint;
    // Notices and questions always show in full.
    const collapsed = wantsCollapsed && said.tone === 'normal' && !model.activity && !model.guard;
    parts.collapsed = collapsed;

    shape(collapsed, kind);
    const iconName = said.tone === 'warning' ? 'warning' : kind;
    if (iconDrawn !== iconName) {
      iconDrawn = iconName;
      icon = kindIcon(iconName);
    }
    const words = collapsed ? collapsedText(view) : null;
    const drawn = JSON.stringify([words, said.tone, said.content]);
    if (statusDrawn !== drawn) {
      statusDrawn = drawn;
      if (words !== null) fill(status, words);
      else if (said.tone === 'warning') fill(status, h('span', { class: 'notice' }, ...contentNodes(said.content)));
      else fill(status, ...contentNodes(said.content));
    }
    const { notice, toggle, chevron, switcher } = parts;
    parts.noticeRun = (!collapsed && said.action?.run) || null;
    if (parts.noticeRun && said.action) setText(notice, said.action.label);
    const label = collapsed ? t('expand') : t('collapse');
    set(toggle, {
      'data-action': collapsed ? 'expand' : 'collapse',
      'aria-expanded': String(!collapsed),
      'aria-label': label,
      title: label,
    });
    set(chevron.path, { d: collapsed ? CHEVRON_DOWN : CHEVRON_UP });
    const switching = !collapsed && view?.page === 'webmail' && !view.stale && view.others.length > 0 ? view : null;
    const toggled = !view?.collapseLocked && toggle;
    sync(bar, [icon, status, parts.noticeRun && notice, switching && switcher.element, toggled]);
    if (switching)
      switcher.update({ others: switching.others, open: model.switcherOpen, busy: model.activity !== null });
    else switcher.reset();

    const opening = model.guard !== null && guard === null;
    if (!model.guard) guard = null;
    else if (!guard) {
      const handlers = { onConfirm: actions.confirmSend, onCancel: actions.cancelSend };
      guard = { request: model.guard, dialog: createSendGuardDialog(model.guard, handlers, accepts, sees) };
    } else if (guard.request !== model.guard) {
      guard.request = model.guard;
      guard.dialog.update(model.guard);
    }
    sync(container, [spacer, layer, guard?.dialog.element]);
    if (opening) guard?.dialog.show();
  };
}
