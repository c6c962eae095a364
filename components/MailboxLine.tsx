/**
 * One mailbox in the settings, on one compact line: its colour, name and address, the
 * switches used often (watched, confirm before sending, sound on arrival), and a
 * disclosure button (`aria-expanded`) that opens its details (MailboxDetails.tsx) just
 * below. The line and its details form one group named after the mailbox, so a screen
 * reader says whose « Surveillée » it is. Each change is saved at once; a refusal is
 * said under the line, details open or not.
 */
import { useState } from 'preact/hooks';
import { failureText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { type SettingsView, sendToBackground } from '@/utils/protocol/client';
import { MailboxDetails, type MailboxPatch } from './MailboxDetails';
import { Toggle } from './Toggle';

type Mailbox = SettingsView['mailboxes'][number];

export interface MailboxLineProps {
  mailbox: Mailbox;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(view: SettingsView): void;
}

export function MailboxLine({ mailbox, open, onOpenChange, onSaved }: MailboxLineProps) {
  const [error, setError] = useState<string | null>(null);
  const id = `mailbox-${mailbox.address.replace(/[^a-z0-9]/gi, '-')}`;

  const save = async (patch: MailboxPatch) => {
    const reply = await sendToBackground('ui:update-mailbox', { address: mailbox.address, patch });
    if (reply.ok) {
      setError(null);
      onSaved(reply.value);
    } else setError(failureText(reply.error));
  };

  return (
    <li data-mailbox-settings={mailbox.address}>
      <fieldset class="mailbox-settings" aria-labelledby={`${id}-name`}>
        <div class="mailbox-line">
          <span class="swatch" style={{ background: mailbox.colour }} aria-hidden="true" />
          <span class="names" id={`${id}-name`}>
            <bdi class="name">{mailbox.name}</bdi> <span class="address">{mailbox.address}</span>
          </span>
          <span class="line-toggles">
            <Toggle
              locked={mailbox.locked.includes('watched')}
              field="watched"
              label={t('settingsWatchedShort')}
              checked={mailbox.watched}
              onChange={(checked) => void save({ watched: checked })}
            />
            <Toggle
              locked={mailbox.locked.includes('confirmBeforeSend')}
              field="confirmBeforeSend"
              label={t('settingsConfirmShort')}
              checked={mailbox.confirmBeforeSend}
              onChange={(checked) => void save({ confirmBeforeSend: checked })}
            />
            <Toggle
              field="sound"
              label={t('settingsSound')}
              checked={mailbox.sound}
              onChange={(checked) => void save({ sound: checked })}
            />
          </span>
          <button
            type="button"
            class="secondary disclosure"
            data-action="mailbox-details"
            aria-expanded={open}
            aria-controls={open ? `${id}-details` : undefined}
            onClick={() => onOpenChange(!open)}
          >
            <span aria-hidden="true" class="chevron" />
            {t('settingsDetails')}
            <span class="visually-hidden"> — {mailbox.name}</span>
          </button>
        </div>
        {open && (
          <MailboxDetails
            mailbox={mailbox}
            id={id}
            save={(patch) => void save(patch)}
            refuse={(message) => setError(message)}
          />
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    </li>
  );
}
