/**
 * A mailbox's details, opened on demand from its line (MailboxLine.tsx): the name shown,
 * the colour (the accessible palette, or a custom colour whose contrast is checked) and
 * the personal/organisational correction. Each change is saved at once.
 */
import { useState } from 'preact/hooks';
import { AA_CONTRAST, contrastRatio, isReadable, PERSONAL_COLOUR, SERVICE_PALETTE, textOn } from '@/utils/colours';
import { t } from '@/utils/i18n';
import type { SettingsView, sendToBackground } from '@/utils/protocol/client';
import { Locked } from './Toggle';

type Mailbox = SettingsView['mailboxes'][number];
/** What `ui:update-mailbox` may change. */
export type MailboxPatch = Parameters<typeof sendToBackground<'ui:update-mailbox'>>[1]['patch'];

export interface MailboxDetailsProps {
  mailbox: Mailbox;
  /** The prefix of the ids inside (unique on the page). */
  id: string;
  save(patch: MailboxPatch): void;
  /** Says what was refused before anything is sent (a colour too pale). */
  refuse(message: string): void;
}

const PALETTE = [...SERVICE_PALETTE, PERSONAL_COLOUR];
const RATIO = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function MailboxDetails({ mailbox, id, save, refuse }: MailboxDetailsProps) {
  const [custom, setCustom] = useState(mailbox.colour);
  const labelLocked = mailbox.locked.includes('label');
  const colourLocked = mailbox.locked.includes('colour');
  const kindLocked = mailbox.locked.includes('kind');

  const pickCustom = (colour: string) => {
    setCustom(colour);
    if (isReadable(colour)) save({ colour: colour.toUpperCase() });
    else refuse(t('errorColourContrast'));
  };

  return (
    <div class="mailbox-details" id={`${id}-details`}>
      <div class="field">
        <label for={`${id}-label`}>
          {t('settingsLabel')} {labelLocked && <Locked />}
        </label>
        <input
          id={`${id}-label`}
          data-field="label"
          disabled={labelLocked}
          type="text"
          maxLength={60}
          placeholder={mailbox.displayName ?? mailbox.address}
          value={mailbox.label ?? ''}
          onChange={(e) => save({ label: e.currentTarget.value.trim() || null })}
        />
      </div>
      <fieldset class="field colours">
        <legend>
          {t('settingsColour')} {colourLocked && <Locked />}
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
                  disabled={colourLocked}
                  checked={chosen}
                  onChange={() => save({ colour })}
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
            disabled={colourLocked}
            type="color"
            value={custom.toLowerCase()}
            onChange={(e) => pickCustom(e.currentTarget.value)}
          />
        </label>
        <span class="hint">
          {t('settingsContrast', RATIO.format(contrastRatio(custom, textOn(custom))), RATIO.format(AA_CONTRAST))}
        </span>
      </fieldset>
      <div class="field">
        <label for={`${id}-kind`}>
          {t('settingsKind')} {kindLocked && <Locked />}
        </label>
        <select
          id={`${id}-kind`}
          data-field="kind"
          disabled={kindLocked}
          value={mailbox.kind === 'personal' ? 'personal' : 'organisational'}
          onChange={(e) => save({ kind: e.currentTarget.value as 'personal' | 'organisational' })}
        >
          <option value="personal">{t('kindPersonal')}</option>
          <option value="organisational">{t('kindOrganisational')}</option>
        </select>
        {mailbox.kindSource === 'inferred' && !kindLocked && <span class="hint">{t('settingsKindInferred')}</span>}
      </div>
    </div>
  );
}
