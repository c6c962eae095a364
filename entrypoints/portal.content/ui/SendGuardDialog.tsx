/**
 * The send guard's question: a modal alert dialog naming the mailbox the message will
 * leave from. Focus starts on the confirm button (Enter sends), Escape cancels, Tab
 * stays inside. It answers once: a second click cannot send twice. Only the user
 * answers: buttons, keys and the « ne plus demander » box ignore a page script's
 * events (event-trust.ts), and that box has no <label>, which a script could click to
 * tick it with a trusted event; its text toggles it instead.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useUserEvents } from './event-trust';

export interface GuardRequest {
  /** The sentence naming the sending mailbox. */
  message: string;
  confirmLabel: string;
  /** The user may switch the question off for this mailbox (a known one). */
  canSilence: boolean;
}

export interface SendGuardDialogProps {
  request: GuardRequest;
  onConfirm(silence: boolean): void;
  onCancel(): void;
}

export function SendGuardDialog({ request, onConfirm, onCancel }: SendGuardDialogProps) {
  const [silence, setSilence] = useState(false);
  const answered = useRef(false);
  const dialog = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const fromUser = useUserEvents();

  // At once, not after the next frame: the user's next key must land in the dialog.
  useLayoutEffect(() => {
    confirmButton.current?.focus();
  }, []);

  const answer = (confirmed: boolean) => {
    if (answered.current) return;
    answered.current = true;
    if (confirmed) onConfirm(silence);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (event.key === 'Escape') {
      event.preventDefault();
      answer(false);
    } else if (event.key === 'Enter' && target?.dataset.action !== 'cancel-send') {
      event.preventDefault();
      answer(true);
    } else if (event.key === 'Tab') {
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button, input') ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const root = dialog.current?.getRootNode() as ShadowRoot | Document | undefined;
      const active = root?.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div class="overlay">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="repere-bal-guard-title"
        aria-describedby="repere-bal-guard-text"
        onKeyDown={fromUser(onKeyDown)}
      >
        <h2 id="repere-bal-guard-title">{t('guardTitle')}</h2>
        <p id="repere-bal-guard-text">{request.message}</p>
        {request.canSilence && (
          <div class="silence">
            <input
              type="checkbox"
              aria-labelledby="repere-bal-guard-silence"
              checked={silence}
              // Cancelled unless the user's: a script's click must not tick the box.
              onClick={fromUser(() => undefined)}
              onChange={fromUser((event) => setSilence(event.currentTarget.checked))}
            />
            {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a label's click for the mouse; the keyboard ticks the box itself. */}
            <span id="repere-bal-guard-silence" onClick={fromUser(() => setSilence(!silence))}>
              {t('guardDontAsk')}
            </span>
          </div>
        )}
        <div class="actions">
          <button type="button" data-action="cancel-send" onClick={fromUser(() => answer(false))}>
            {t('guardCancel')}
          </button>
          <button
            ref={confirmButton}
            type="button"
            class="primary"
            data-action="confirm-send"
            onClick={fromUser(() => answer(true))}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
