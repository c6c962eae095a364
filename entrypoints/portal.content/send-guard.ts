/**
 * Feature: the send guard. « Envoyer » clicked (or the compose form submitted any other
 * way, or the portal's sending shortcut Ctrl+Entrée pressed in it) while the page sends from a service mailbox, an unknown one, a stale tab, or a
 * mailbox the user marked, first asks in the banner, naming the sending mailbox.
 * Cancel sends nothing; confirm replays the user's action once, and only once.
 * Listeners sit on window in the capture phase, so they run before the portal's own.
 */
import type { GuardRequest } from '@/entrypoints/portal.content/ui/SendGuardDialog';
import { t } from '@/utils/i18n';
import { isComposeForm, sendControlAt } from '@/utils/portal/compose';
import { sendToBackground } from '@/utils/protocol/client';
import type { PortalView } from '@/utils/protocol/shapes';
import type { Lifetime } from './lifetime';
import type { TabState } from './tab-state';

/** What the guard says, or null when this page may send without asking. */
export function guardRequestFor(view: PortalView | null): (GuardRequest & { address: string | null }) | null {
  if (view?.stale) {
    return {
      message: t('guardStale', view.stale.name ?? view.stale.address ?? '?'),
      confirmLabel: t('guardConfirm'),
      canSilence: false,
      address: null,
    };
  }
  if (view?.page !== 'webmail') {
    return { message: t('guardUnknown'), confirmLabel: t('guardConfirm'), canSilence: false, address: null };
  }
  const { kind, name, address, confirmBeforeSend, confirmLocked } = view.active;
  if (!confirmBeforeSend) return null;
  const canSilence = address !== null && !confirmLocked;
  const shown = name ?? address ?? '';
  if (kind === 'organisational') {
    const who = address && address !== shown ? `${shown} (${address})` : shown;
    return {
      message: t('guardService', who),
      confirmLabel: t('guardConfirmService'),
      canSilence,
      address,
    };
  }
  if (kind === 'personal') {
    return {
      message: t('guardPersonal', shown),
      confirmLabel: t('guardConfirm'),
      canSilence,
      address,
    };
  }
  return { message: t('guardUnknown'), confirmLabel: t('guardConfirm'), canSilence: false, address: null };
}

/** The user's action, to replay once confirmed. */
type Held =
  | { kind: 'click'; control: HTMLElement }
  | { kind: 'key'; control: HTMLElement; key: string; ctrlKey: boolean; metaKey: boolean }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null };

export interface SendGuard {
  /** The user confirmed: replay the held action once; `silence` stops asking for this mailbox. */
  confirm(silence: boolean): void;
  cancel(): void;
}

export function installSendGuard(lifetime: Lifetime, tab: TabState): SendGuard {
  let held: Held | null = null;
  /** Events let through once: the replay of a confirmed action. */
  const allowed = new Set<EventTarget>();

  const hold = (event: Event, action: Held): boolean => {
    const request = guardRequestFor(tab.get().view);
    if (!request) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (held) return true; // a question is already open: a second click sends nothing
    held = action;
    tab.set({ guard: request });
    return true;
  };

  const letThrough = (target: EventTarget): boolean => {
    if (!allowed.has(target)) return false;
    allowed.delete(target);
    return true;
  };

  lifetime.addEventListener(
    window,
    'click',
    (event: MouseEvent) => {
      const control = sendControlAt(event.target, tab.get().profile) as HTMLElement | null;
      if (!control) return;
      if (letThrough(control)) {
        // The click's own default submits the form: let that submit through too.
        const form = (control as HTMLButtonElement).form;
        if (form) allowed.add(form);
        return;
      }
      hold(event, { kind: 'click', control });
    },
    { capture: true },
  );

  // From the keyboard: a send control that is not a real button is activated by its own
  // script; and a portal's shortcut that sends (Ctrl+Entrée, ⌘+Entrée in a compose form)
  // may send through `form.submit()`, which no event announces: both are held on the key.
  lifetime.addEventListener(
    window,
    'keydown',
    (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const { profile } = tab.get();
      const target = event.target as HTMLElement | null;
      const form = event.key === 'Enter' && (event.ctrlKey || event.metaKey) ? target?.closest?.('form') : null;
      const shortcut = form && isComposeForm(form, profile) ? target : null;
      const control = shortcut ?? (sendControlAt(target, profile) as HTMLElement | null);
      if (!control || (!shortcut && (control.tagName === 'BUTTON' || control.tagName === 'INPUT'))) return;
      if (letThrough(control)) return;
      hold(event, { kind: 'key', control, key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey });
    },
    { capture: true },
  );

  lifetime.addEventListener(
    window,
    'submit',
    (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement | null;
      if (!form || !isComposeForm(form, tab.get().profile)) return;
      if (letThrough(form)) return;
      hold(event, { kind: 'submit', form, submitter: (event.submitter as HTMLElement | null) ?? null });
    },
    { capture: true },
  );

  const replay = (action: Held) => {
    if (action.kind === 'click') {
      allowed.add(action.control);
      action.control.click();
    } else if (action.kind === 'key') {
      // Only the key again: the control's own script acts on it (a click too would send twice).
      allowed.add(action.control);
      const { control, kind: _, ...keys } = action;
      control.dispatchEvent(new KeyboardEvent('keydown', { ...keys, bubbles: true, cancelable: true }));
    } else {
      allowed.add(action.form);
      const { form, submitter } = action;
      if (submitter && form.contains(submitter)) form.requestSubmit(submitter);
      else form.requestSubmit();
    }
    // Whatever was not consumed by the replay must not open the gate later.
    queueMicrotask(() => lifetime.setTimeout(() => allowed.clear(), 0));
  };

  return {
    confirm(silence) {
      const action = held;
      const address = guardRequestFor(tab.get().view)?.address ?? null;
      held = null;
      tab.set({ guard: null });
      if (silence && address) void sendToBackground('content:set-confirm-before-send', { address, confirm: false });
      if (action) replay(action);
    },
    cancel() {
      const action = held;
      held = null;
      tab.set({ guard: null });
      const back = action?.kind === 'submit' ? action.submitter : action?.control;
      back?.focus();
    },
  };
}
