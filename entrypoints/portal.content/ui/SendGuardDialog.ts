/**
 * The send guard's question: a modal alert dialog naming the mailbox the message will
 * leave from. Focus starts on the confirm button (Enter sends), Escape cancels, Tab
 * stays inside. It answers once: a second click cannot send twice. Only the user
 * answers: buttons, keys and the « ne plus demander » box ignore a page script's
 * events (event-trust.ts), and that box has no <label>, which a script could click to
 * tick it with a trusted event; its text toggles it instead.
 *
 * A real modal <dialog> (`showModal`), in the browser's top layer: no z-index of the
 * page or of a message shown in it can draw over it, and the page behind is inert. A
 * confirmation counts only when the dialog is what the user sees: open as a modal, and
 * its confirm button the element at that button's centre; otherwise it says so, comes
 * back on top, and sends nothing.
 */
import { t } from '@/utils/i18n';
import { h, setText, sync } from './dom';
import { type AcceptsEvent, isUserEvent, onUser } from './event-trust';

/** Whether the user sees `control` of `dialog` as it is: open as a modal, nothing drawn over the control. */
export type SeesDialog = (dialog: HTMLDialogElement, control: HTMLElement) => boolean;

export const isDialogSeen: SeesDialog = (dialog, control) => {
  if (!dialog.open || !dialog.matches(':modal')) return false;
  const { left, top, width, height } = control.getBoundingClientRect();
  const hit = (dialog.getRootNode() as ShadowRoot).elementFromPoint(left + width / 2, top + height / 2);
  return hit !== null && control.contains(hit);
};

export interface GuardRequest {
  /** The sentence naming the sending mailbox. */
  message: string;
  confirmLabel: string;
  /** The user may switch the question off for this mailbox (a known one). */
  canSilence: boolean;
}

export interface GuardHandlers {
  onConfirm(silence: boolean): void;
  onCancel(): void;
}

export interface SendGuardDialog {
  /** The dialog; in the document before `show`. */
  readonly element: HTMLDialogElement;
  /** Shows this request's words (the user's answers so far are kept). */
  update(request: GuardRequest): void;
  /**
   * Opens it as the top modal (again, over anything opened since) with the focus on the
   * confirm button: at once, the user's next key must land in the dialog.
   */
  show(): void;
}

export function createSendGuardDialog(
  request: GuardRequest,
  handlers: GuardHandlers,
  accepts: AcceptsEvent = isUserEvent,
  sees: SeesDialog = isDialogSeen,
): SendGuardDialog {
  /** The user's answer to « ne plus demander »: what the box shows may be a script's doing. */
  let silence = false;
  let answered = false;
  const answer = (confirmed: boolean) => {
    if (answered) return;
    if (confirmed && !sees(dialog, confirm)) {
      // Something else was on top: what the user read may not have been ours.
      title.after(covered);
      show();
      return;
    }
    answered = true;
    if (confirmed) handlers.onConfirm(silence);
    else handlers.onCancel();
  };

  const checkbox = h('input', { type: 'checkbox', 'aria-labelledby': 'repere-bal-guard-silence' });
  // Cancelled unless the user's: a script's click must not tick the box.
  onUser(checkbox, 'click', () => undefined, accepts);
  onUser(
    checkbox,
    'change',
    () => {
      silence = checkbox.checked;
    },
    accepts,
  );
  // A label's click for the mouse; the keyboard ticks the box itself.
  const silenceText = h('span', { id: 'repere-bal-guard-silence' }, t('guardDontAsk'));
  onUser(
    silenceText,
    'click',
    () => {
      silence = !silence;
      checkbox.checked = silence;
    },
    accepts,
  );
  const silenceRow = h('div', { class: 'silence' }, checkbox, silenceText);

  const cancel = h('button', { type: 'button', 'data-action': 'cancel-send' }, t('guardCancel'));
  onUser(cancel, 'click', () => answer(false), accepts);
  // autofocus: each showModal() puts the focus back on it.
  const confirm = h('button', { type: 'button', class: 'primary', 'data-action': 'confirm-send', autofocus: true });
  onUser(confirm, 'click', () => answer(true), accepts);

  const title = h('h2', { id: 'repere-bal-guard-title' }, t('guardTitle'));
  const covered = h('p', { class: 'covered', role: 'alert' }, t('guardCovered'));
  const text = h('p', { id: 'repere-bal-guard-text' });
  const actions = h('div', { class: 'actions' }, cancel, confirm);
  const dialog = h('dialog', {
    class: 'dialog',
    role: 'alertdialog',
    'aria-labelledby': 'repere-bal-guard-title',
    'aria-describedby': 'repere-bal-guard-text',
  });
  // Escape as a close request (the browser's own): the user's cancel, never a close without an answer.
  onUser(
    dialog,
    'cancel',
    (event) => {
      event.preventDefault();
      answer(false);
    },
    accepts,
  );
  onUser<KeyboardEvent>(
    dialog,
    'keydown',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (event.key === 'Escape') {
        event.preventDefault();
        answer(false);
      } else if (event.key === 'Enter' && target?.dataset.action !== 'cancel-send') {
        event.preventDefault();
        answer(true);
      } else if (event.key === 'Tab') {
        const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input')];
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
        if (event.shiftKey && active === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first?.focus();
        }
      }
    },
    accepts,
  );

  const update = (next: GuardRequest) => {
    setText(text, next.message);
    setText(confirm, next.confirmLabel);
    sync(dialog, [title, covered.isConnected && covered, text, next.canSilence && silenceRow, actions]);
    checkbox.checked = silence;
  };
  const show = () => {
    if (dialog.open) dialog.close();
    dialog.showModal();
    confirm.focus();
  };
  update(request);
  return { element: dialog, update, show };
}
