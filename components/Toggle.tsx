/** A labelled checkbox that reports its new state: every on/off setting. */
export interface ToggleProps {
  field: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function Toggle({ field, label, checked, onChange }: ToggleProps) {
  return (
    <label class="inline">
      <input type="checkbox" data-field={field} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
