/**
 * Per-mailbox settings, made to hold thirty mailboxes: one compact line each
 * (MailboxLine.tsx) with its details opened on demand, and a filter on name and address
 * from as many mailboxes as make the banner's switch menu show one.
 *
 * Details open independently, several at once (the disclosure pattern, not an
 * accordion): opening one never closes another, so nothing above the button just
 * pressed moves away under the pointer or a screen magnifier, and two mailboxes'
 * colours can be compared side by side. What is open stays open while filtering.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { fold } from '@/utils/portal/text';
import type { SettingsView } from '@/utils/protocol/client';
import { MailboxLine } from './MailboxLine';
import './mailbox-settings.css';

export interface MailboxSettingsProps {
  mailboxes: SettingsView['mailboxes'];
  onSaved(view: SettingsView): void;
}

/** From this many mailboxes, a filter: the banner's threshold (portal.content/ui/SwitchControls.ts). */
export const FILTER_FROM = 8;

/** The mailboxes whose name or address holds `filter`, compared as the portal's texts are (case and accents folded). */
export function filterMailboxes<M extends { name: string; address: string }>(mailboxes: M[], filter: string): M[] {
  const wanted = fold(filter);
  return wanted ? mailboxes.filter((m) => fold(`${m.name} ${m.address}`).includes(wanted)) : mailboxes;
}

export function MailboxSettings({ mailboxes, onSaved }: MailboxSettingsProps) {
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (mailboxes.length === 0) return <p class="empty">{t('popupFirstRun')}</p>;

  const filtering = mailboxes.length >= FILTER_FROM;
  const shown = filtering ? filterMailboxes(mailboxes, filter) : mailboxes;
  const toggle = (address: string, opened: boolean) =>
    setOpen((before) => {
      const after = new Set(before);
      if (opened) after.add(address);
      else after.delete(address);
      return after;
    });

  return (
    <div class="mailbox-settings-list">
      {filtering && (
        <div class="mailbox-filter">
          <label for="mailbox-filter">{t('settingsFilter')}</label>
          <input
            id="mailbox-filter"
            type="search"
            data-field="mailbox-filter"
            autoComplete="off"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
          {/* Said as the list changes (not role=status: the page's own status lines keep that role). */}
          <p class="hint" aria-live="polite" data-filter-result={fold(filter) ? shown.length : null}>
            {fold(filter) && shown.length > 0 && t('settingsFilterCount', shown.length, mailboxes.length)}
            {shown.length === 0 && <span class="empty">{t('settingsFilterNone', filter.trim())}</span>}
          </p>
        </div>
      )}
      <p class="hint line-help">{t('settingsLineHelp')}</p>
      {shown.length > 0 && (
        <ul class="mailbox-lines">
          {shown.map((mailbox) => (
            <MailboxLine
              key={mailbox.address}
              mailbox={mailbox}
              open={open.has(mailbox.address)}
              onOpenChange={(opened) => toggle(mailbox.address, opened)}
              onSaved={onSaved}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
