/**
 * One-click switching from the banner: a button per other mailbox when there are a
 * few, a menu with a filter when there are many (there can be thirty). Every control
 * carries `data-switch-to="<address>"`; names are portal text, rendered as text.
 * Clicks, keys and typing act only when they are the user's (event-trust.ts).
 * Each mailbox's button is made once and redrawn only when its mailbox changes, so the
 * focus stays on it across updates (new counts, a switch under way).
 */
import { t } from '@/utils/i18n';
import { fold } from '@/utils/portal/text';
import type { MailboxView } from '@/utils/protocol/shapes';
import { h, set, setText, setVars, sync } from './dom';
import { type AcceptsEvent, isUserEvent, onUser } from './event-trust';

/** Up to this many other mailboxes get a button each; beyond, a menu. */
export const INLINE_SWITCH_LIMIT = 3;
/** Beyond this many, the menu gets a filter field. */
const FILTER_FROM = 8;

export interface SwitchControlsProps {
  others: MailboxView[];
  open: boolean;
  busy: boolean;
}

export interface SwitchHandlers {
  onOpenChange(open: boolean): void;
  onSwitch(address: string): void;
}

export interface SwitchControls {
  /** The controls (`.controls`), for the bar to place when there are other mailboxes. */
  readonly element: HTMLElement;
  /** Draws these props, the element being in the document: an opening menu takes the focus. */
  update(props: SwitchControlsProps): void;
  /** The controls left the bar: shown again, they start afresh (no filter). */
  reset(): void;
}

/** A count seen as a badge and heard as « 3 non lus ». */
function unreadBadge(count: number): HTMLElement[] {
  return [
    h('span', { class: 'badge', 'aria-hidden': 'true' }, count),
    h('span', { class: 'visually-hidden' }, t('unreadCount', count)),
  ];
}

interface SwitchButton {
  /** What the bar or the list holds: the button, or its <li> in the menu. */
  node: HTMLElement;
  button: HTMLButtonElement;
  drawn: string;
}

export function createSwitchControls(handlers: SwitchHandlers, accepts: AcceptsEvent = isUserEvent): SwitchControls {
  const element = h('div', { class: 'controls' });
  let props: SwitchControlsProps = { others: [], open: false, busy: false };
  let filter = '';
  let wasOpen = false;
  let menuDrawn = '';
  /** By place (bar or menu) and address. */
  let buttons = new Map<string, SwitchButton>();
  let used = new Map<string, SwitchButton>();

  const switchButton = (mailbox: MailboxView, detailed: boolean): HTMLElement => {
    const key = `${detailed ? 'menu' : 'bar'} ${mailbox.address}`;
    let entry = buttons.get(key);
    if (!entry) {
      const button = h('button', { type: 'button', 'data-switch-to': mailbox.address });
      onUser(button, 'click', () => handlers.onSwitch(mailbox.address), accepts);
      entry = { node: detailed ? h('li', null, button) : button, button, drawn: '' };
    }
    used.set(key, entry);
    const { button } = entry;
    set(button, { title: t('switchTo', mailbox.name), disabled: props.busy });
    setVars(button, { '--swatch': mailbox.colour });
    const drawn = JSON.stringify([mailbox.name, mailbox.unread]);
    if (entry.drawn !== drawn) {
      entry.drawn = drawn;
      const address = detailed && mailbox.name !== mailbox.address && h('span', { class: 'address' }, mailbox.address);
      button.replaceChildren(
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('bdi', { class: 'switch-name' }, mailbox.name, address),
        ...(mailbox.unread ? unreadBadge(mailbox.unread) : []),
      );
    }
    return entry.node;
  };

  const menuButton = h('button', { type: 'button', class: 'menu-button', 'aria-haspopup': 'true' });
  onUser(menuButton, 'click', () => handlers.onOpenChange(!props.open), accepts);
  const menu = h('fieldset', { class: 'menu' });
  onUser<KeyboardEvent>(
    menu,
    'keydown',
    (event) => {
      if (event.key === 'Escape') handlers.onOpenChange(false);
    },
    accepts,
  );
  const legend = h('legend', { class: 'visually-hidden' });
  const search = h('input', { type: 'search' });
  onUser(
    search,
    'input',
    () => {
      filter = search.value;
      draw();
    },
    accepts,
  );
  const list = h('ul', null);
  const empty = h('p', { class: 'empty' });

  const drawMenu = (others: MailboxView[]) => {
    const count = t('switchMenu', others.length);
    const totalUnread = others.reduce((sum, m) => sum + (m.unread ?? 0), 0);
    set(menuButton, { 'aria-expanded': String(props.open), disabled: props.busy });
    const drawn = JSON.stringify([count, totalUnread]);
    if (menuDrawn !== drawn) {
      menuDrawn = drawn;
      menuButton.replaceChildren(count, ...(totalUnread > 0 ? unreadBadge(totalUnread) : []));
    }
    if (!props.open) return;
    setText(legend, count);
    const filtered = others.length >= FILTER_FROM;
    if (filtered) {
      set(search, { 'aria-label': t('switchFilter'), placeholder: t('switchFilter') });
      if (search.value !== filter) search.value = filter;
    }
    const wanted = fold(filter);
    const shown = wanted ? others.filter((m) => fold(`${m.name} ${m.address}`).includes(wanted)) : others;
    sync(
      list,
      shown.map((mailbox) => switchButton(mailbox, true)),
    );
    if (shown.length === 0) setText(empty, t('switchNoMatch'));
    sync(menu, [legend, filtered && search, list, shown.length === 0 && empty]);
  };

  function draw(): void {
    const { others, open } = props;
    used = new Map();
    if (others.length <= INLINE_SWITCH_LIMIT) {
      sync(
        element,
        others.map((mailbox) => switchButton(mailbox, false)),
      );
    } else {
      drawMenu(others);
      sync(element, [menuButton, open && menu]);
    }
    // Buttons of mailboxes no longer shown are made anew if they come back.
    buttons = used;
    if (open && !wasOpen && menu.isConnected) menu.querySelector<HTMLElement>('input, button')?.focus();
    wasOpen = open;
  }

  return {
    element,
    update(next) {
      props = next;
      draw();
    },
    reset() {
      filter = '';
      wasOpen = false;
    },
  };
}
