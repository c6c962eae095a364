/**
 * The popup: the mailboxes of the person logged in with their unread counts, the state
 * of the checks, and « Vérifier maintenant ». (The settings come with the options.)
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type Overview, sendToBackground } from '@/utils/message-client';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function statusText(overview: Overview): string {
  const { poll } = overview;
  if (poll.status === 'expired') return t('popupExpired');
  if (poll.status === 'error') return t('popupError', poll.lastError ?? '?', TIME.format(poll.lastPollAt));
  if (poll.status === 'paused') return t('popupPaused');
  if (poll.lastSuccessAt > 0) return t('popupUpToDate', TIME.format(poll.lastSuccessAt));
  return overview.mailboxes.length ? t('popupWaiting') : t('popupFirstRun');
}

export function Popup() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const load = async () => {
    const reply = await sendToBackground('page:overview', {});
    if (reply.ok) {
      setOverview(reply.value);
      setError(null);
    } else setError(t('errorBackground'));
  };
  useEffect(() => {
    void load();
  }, []);

  const checkNow = async () => {
    setChecking(true);
    const reply = await sendToBackground('page:check-now', {});
    if (!reply.ok) setError(reply.error);
    await load();
    setChecking(false);
  };

  return (
    <>
      <header>
        <h1>Repère BAL</h1>
      </header>
      {error && (
        <p class="status" data-status="error" role="alert">
          {error}
        </p>
      )}
      {overview && (
        <p class="status" data-status={overview.poll.status} role="status">
          {statusText(overview)}
        </p>
      )}
      {overview && overview.mailboxes.length > 0 && (
        <ul class="mailboxes">
          {overview.mailboxes.map((mailbox) => (
            <li key={mailbox.address} data-mailbox={mailbox.address}>
              <span class="swatch" style={{ background: mailbox.colour }} aria-hidden="true" />
              <span class="names">
                {mailbox.name}
                <span class="address">{mailbox.address}</span>
              </span>
              <span class="unread" data-unread={mailbox.unread ?? 0} title={t('unreadCount', mailbox.unread ?? 0)}>
                {mailbox.unread ?? '–'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" data-action="check-now" disabled={checking} onClick={() => void checkNow()}>
          {checking ? t('popupChecking') : t('popupCheckNow')}
        </button>
      </div>
    </>
  );
}
