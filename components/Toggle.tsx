/** A labelled checkbox that reports its new state: every on/off setting. */
import { t } from '@/utils/i18n';

export interface ToggleProps {
  field: string;
  label: string;
  checked: boolean;
  /** Fixed by the organisation's policy: shown, not changeable. */
  locked?: boolean;
  onChange(checked: boolean): void;
}

export function Toggle({ field, label, checked, locked = false, onChange }: ToggleProps) {
  return (
    <label class="inline">
      <input
        type="checkbox"
        data-field={field}
        checked={checked}
        disabled={locked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
      {locked && <Locked />}
    </label>
  );
}

/** The mark of a setting fixed by the organisation. */
export function Locked() {
  return (
    <span class="locked" data-locked="">
      {t('settingsLocked')}
    </span>
  );
}
