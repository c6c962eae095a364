/**
 * One-click switching from the banner: a button per other mailbox when there are a
 * few, a menu with a filter when there are many (there can be thirty). Every control
 * carries `data-switch-to="<address>"`; names are portal text, rendered as text.
 * Clicks, keys and typing act only when they are the user's (event-trust.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { fold } from '@/utils/portal/text';
import type { MailboxView } from '@/utils/protocol/shapes';
import { useUserEvents } from './event-trust';

/** Up to this many other mailboxes get a button each; beyond, a menu. */
export const INLINE_SWITCH_LIMIT = 3;
/** Beyond this many, the menu gets a filter field. */
const FILTER_FROM = 8;

export interface SwitchControlsProps {
  others: MailboxView[];
  open: boolean;
  busy: boolean;
  onOpenChange(open: boolean): void;
  onSwitch(address: string): void;
}

/** A count seen as a badge and heard as « 3 non lus ». */
function UnreadBadge({ count }: { count: number }) {
  return (
    <>
      <span class="badge" aria-hidden="true">
        {count}
      </span>
      <span class="visually-hidden">{t('unreadCount', count)}</span>
    </>
  );
}

function SwitchButton({
  mailbox,
  busy,
  onSwitch,
  detailed,
}: {
  mailbox: MailboxView;
  busy: boolean;
  onSwitch(address: string): void;
  detailed: boolean;
}) {
  const fromUser = useUserEvents();
  return (
    <button
      type="button"
      data-switch-to={mailbox.address}
      title={t('switchTo', mailbox.name)}
      disabled={busy}
      onClick={fromUser(() => onSwitch(mailbox.address))}
      style={{ '--swatch': mailbox.colour }}
    >
      <span class="swatch" aria-hidden="true" />
      <bdi class="switch-name">
        {mailbox.name}
        {detailed && mailbox.name !== mailbox.address && <span class="address">{mailbox.address}</span>}
      </bdi>
      {mailbox.unread ? <UnreadBadge count={mailbox.unread} /> : null}
    </button>
  );
}

export function SwitchControls({ others, open, busy, onOpenChange, onSwitch }: SwitchControlsProps) {
  const [filter, setFilter] = useState('');
  const menu = useRef<HTMLFieldSetElement>(null);
  const fromUser = useUserEvents();

  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('input, button');
    first?.focus();
  }, [open]);

  if (others.length === 0) return null;
  if (others.length <= INLINE_SWITCH_LIMIT) {
    return (
      <div class="controls">
        {others.map((mailbox) => (
          <SwitchButton key={mailbox.address} mailbox={mailbox} busy={busy} onSwitch={onSwitch} detailed={false} />
        ))}
      </div>
    );
  }
  const wanted = fold(filter);
  const shown = wanted ? others.filter((m) => fold(`${m.name} ${m.address}`).includes(wanted)) : others;
  const totalUnread = others.reduce((sum, m) => sum + (m.unread ?? 0), 0);
  return (
    <div class="controls">
      <button
        type="button"
        class="menu-button"
        aria-haspopup="true"
        aria-expanded={open}
        disabled={busy}
        onClick={fromUser(() => onOpenChange(!open))}
      >
        {t('switchMenu', others.length)}
        {totalUnread > 0 && <UnreadBadge count={totalUnread} />}
      </button>
      {open && (
        <fieldset
          ref={menu}
          class="menu"
          onKeyDown={fromUser((event) => {
            if (event.key === 'Escape') onOpenChange(false);
          })}
        >
          <legend class="visually-hidden">{t('switchMenu', others.length)}</legend>
          {others.length >= FILTER_FROM && (
            <input
              type="search"
              aria-label={t('switchFilter')}
              placeholder={t('switchFilter')}
              value={filter}
              onInput={fromUser((event) => setFilter(event.currentTarget.value))}
            />
          )}
          <ul>
            {shown.map((mailbox) => (
              <li key={mailbox.address}>
                <SwitchButton mailbox={mailbox} busy={busy} onSwitch={onSwitch} detailed />
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p class="empty">{t('switchNoMatch')}</p>}
        </fieldset>
      )}
    </div>
  );
}
