/**
 * Per-mailbox settings: the user's label, the colour (the accessible palette, or a
 * custom colour whose contrast is checked), watched, confirm before sending, and the
 * personal/organisational correction. Each change is saved at once.
 */
import { useState } from 'preact/hooks';
import { AA_CONTRAST, contrastRatio, isReadable, PERSONAL_COLOUR, SERVICE_PALETTE, textOn } from '@/utils/colours';
import { failureText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { type SettingsView, sendToBackground } from '@/utils/protocol/client';
import { Locked, Toggle } from './Toggle';

type Mailbox = SettingsView['mailboxes'][number];
type Patch = Parameters<typeof sendToBackground<'ui:update-mailbox'>>[1]['patch'];

export interface MailboxSettingsProps {
  mailboxes: SettingsView['mailboxes'];
  onSaved(view: SettingsView): void;
}

const PALETTE = [...SERVICE_PALETTE, PERSONAL_COLOUR];
const RATIO = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function MailboxEditor({ mailbox, onSaved }: { mailbox: Mailbox; onSaved(view: SettingsView): void }) {
  const [error, setError] = useState<string | null>(null);
  const [custom, setCustom] = useState(mailbox.colour);
  const id = mailbox.address.replace(/[^a-z0-9]/gi, '-');

  const save = async (patch: Patch) => {
    const reply = await sendToBackground('ui:update-mailbox', { address: mailbox.address, patch });
    if (reply.ok) {
      setError(null);
      onSaved(reply.value);
    } else setError(failureText(reply.error));
  };

  const pickCustom = (colour: string) => {
    setCustom(colour);
    if (!isReadable(colour)) {
      setError(t('errorColourContrast'));
      return;
    }
    void save({ colour: colour.toUpperCase() });
  };

  return (
    <fieldset class="mailbox-settings" data-mailbox-settings={mailbox.address}>
      <legend>
        <span class="swatch" style={{ background: mailbox.colour }} aria-hidden="true" /> {mailbox.name}{' '}
        <span class="address">{mailbox.address}</span>
      </legend>
      <div class="field">
        <label for={`${id}-label`}>{t('settingsLabel')}</label>
        <input
          id={`${id}-label`}
          data-field="label"
          disabled={mailbox.locked.includes('label')}
          type="text"
          maxLength={60}
          placeholder={mailbox.displayName ?? mailbox.address}
          value={mailbox.label ?? ''}
          onChange={(e) => void save({ label: e.currentTarget.value.trim() || null })}
        />
      </div>
      <fieldset class="field colours">
        <legend>
          {t('settingsColour')} {mailbox.locked.includes('colour') && <Locked />}
        </legend>
        <div class="palette">
          {PALETTE.map((colour, index) => {
            const chosen = mailbox.colour.toUpperCase() === colour.toUpperCase();
            return (
              <label class="colour-choice" style={{ background: colour, color: textOn(colour) }} key={colour}>
                <input
                  type="radio"
                  class="visually-hidden"
                  name={`${id}-colour`}
                  value={colour}
                  data-colour={colour}
                  disabled={mailbox.locked.includes('colour')}
                  checked={chosen}
                  onChange={() => void save({ colour })}
                />
                <span aria-hidden="true">{chosen ? '✓' : ''}</span>
                <span class="visually-hidden">{t('settingsColourChoice', index + 1)}</span>
              </label>
            );
          })}
        </div>
        <label class="inline" for={`${id}-custom`}>
          {t('settingsCustomColour')}
          <input
            id={`${id}-custom`}
            data-field="colour"
            disabled={mailbox.locked.includes('colour')}
            type="color"
            value={custom.toLowerCase()}
            onChange={(e) => pickCustom(e.currentTarget.value)}
          />
        </label>
        <span class="hint">
          {t('settingsContrast', RATIO.format(contrastRatio(custom, textOn(custom))), RATIO.format(AA_CONTRAST))}
        </span>
      </fieldset>
      <Toggle
        locked={mailbox.locked.includes('watched')}
        field="watched"
        label={t('settingsWatched')}
        checked={mailbox.watched}
        onChange={(checked) => void save({ watched: checked })}
      />
      <Toggle
        field="confirmBeforeSend"
        label={t('settingsConfirm')}
        checked={mailbox.confirmBeforeSend}
        onChange={(checked) => void save({ confirmBeforeSend: checked })}
      />
      <div class="field">
        <label for={`${id}-kind`}>{t('settingsKind')}</label>
        <select
          id={`${id}-kind`}
          data-field="kind"
          value={mailbox.kind === 'personal' ? 'personal' : 'organisational'}
          onChange={(e) => void save({ kind: e.currentTarget.value as 'personal' | 'organisational' })}
        >
          <option value="personal">{t('kindPersonal')}</option>
          <option value="organisational">{t('kindOrganisational')}</option>
        </select>
        {mailbox.kindSource === 'inferred' && <span class="hint">{t('settingsKindInferred')}</span>}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function MailboxSettings({ mailboxes, onSaved }: MailboxSettingsProps) {
  if (mailboxes.length === 0) return <p class="empty">{t('popupFirstRun')}</p>;
  return (
    <div class="mailbox-settings-list">
      {mailboxes.map((mailbox) => (
        <MailboxEditor key={mailbox.address} mailbox={mailbox} onSaved={onSaved} />
      ))}
    </div>
  );
}
