/**
 * The popup: every mailbox of the person logged in at a glance (name, address, kind,
 * colour, unread count), the state of the checks, « Vérifier maintenant », one click to
 * open a mailbox in the portal; and a settings tab sharing the options page's parts.
 *
 * The first-run link to the portal is checked here again, whatever the background sent:
 * it leads only to an origin the browser granted this extension (`permissions.getAll()`),
 * else to PORTAL_HOME. The granted origins rather than the manifest's content-script
 * matches, because a portal added by policy is granted at run time and never appears in
 * the manifest; the built-in portal counts from the first paint, before the answer.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkErrorText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { PORTAL_HOME, PORTAL_MATCHES } from '@/utils/portal-origins';
import { portalUrlOrNull } from '@/utils/portal-urls';
import { type Overview, sendToBackground } from '@/utils/protocol/client';
import { GeneralSettings } from './GeneralSettings';
import { MailboxSettings } from './MailboxSettings';
import { useBackground } from './use-background';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function statusText(overview: Overview): string {
  const { poll } = overview;
  if (poll.status === 'expired') return t('popupExpired');
  if (poll.status === 'error') {
    const detail = poll.lastError ? checkErrorText(poll.lastError) : '?';
    return t('popupError', detail, TIME.format(poll.lastPollAt));
  }
  if (poll.status === 'paused') return t('popupPaused');
  if (poll.lastSuccessAt > 0) return t('popupUpToDate', TIME.format(poll.lastSuccessAt));
  return t('popupWaiting');
}

function kindText(kind: Overview['mailboxes'][number]['kind']): string {
  return kind === 'personal'
    ? t('kindPersonal')
    : kind === 'organisational'
      ? t('kindOrganisational')
      : t('kindUnknown');
}

/** The origins where the extension may go: the built-in portal at once, then all the browser granted. */
function useGrantedOrigins(): readonly string[] {
  const [origins, setOrigins] = useState<readonly string[]>(PORTAL_MATCHES);
  useEffect(() => {
    void (async () => {
      try {
        const granted = await browser.permissions.getAll();
        setOrigins([...PORTAL_MATCHES, ...(granted.origins ?? [])]);
      } catch {
        // The browser cannot say: the built-in portal only.
      }
    })();
  }, []);
  return origins;
}

function MailboxesTab({ overview, reload }: { overview: Overview; reload(): Promise<void> }) {
  const [checking, setChecking] = useState(false);
  const grantedOrigins = useGrantedOrigins();
  const checkNow = async () => {
    setChecking(true);
    await sendToBackground('ui:check-now', {});
    await reload();
    setChecking(false);
  };
  const open = async (address: string) => {
    await sendToBackground('ui:open-mailbox', { address });
    window.close();
  };
  if (overview.mailboxes.length === 0) {
    return (
      <div class="first-run">
        <p>{t('popupFirstRun')}</p>
        <a
          href={portalUrlOrNull(overview.portalUrl, grantedOrigins) ?? PORTAL_HOME}
          target="_blank"
          rel="noreferrer"
          data-action="open-portal"
        >
          {t('popupOpenPortal')}
        </a>
      </div>
    );
  }
  return (
    <>
      <p class="status" data-status={overview.poll.status} role="status">
        {statusText(overview)}
      </p>
      <ul class="mailboxes">
        {overview.mailboxes.map((mailbox) => (
          <li key={mailbox.address} data-mailbox={mailbox.address}>
            <button type="button" class="mailbox" onClick={() => void open(mailbox.address)}>
              <span class="swatch" style={{ background: mailbox.colour }} aria-hidden="true" />
              <span class="names">
                <bdi class="name">{mailbox.name}</bdi>
                <span class="address">{mailbox.address}</span>
                <span class="kind">{kindText(mailbox.kind)}</span>
              </span>
              <span class="unread" data-unread={mailbox.unread ?? 0}>
                {mailbox.unread ?? '–'}
                <span class="visually-hidden"> {t('unreadCount', '').trim()}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" data-action="check-now" disabled={checking} onClick={() => void checkNow()}>
          {checking ? t('popupChecking') : t('popupCheckNow')}
        </button>
      </div>
    </>
  );
}

function SettingsTab() {
  const view = useBackground('ui:settings');
  if (!view.data) return null;
  return (
    <div class="settings-tab">
      <MailboxSettings mailboxes={view.data.mailboxes} onSaved={view.set} />
      <GeneralSettings view={view.data} onSaved={view.set} />
      <p>
        <button
          type="button"
          class="link"
          data-action="open-options"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('settingsMore')}
        </button>
      </p>
    </div>
  );
}

export function Popup() {
  const overview = useBackground('ui:overview');
  const [tab, setTab] = useState<'mailboxes' | 'settings'>('mailboxes');
  const tabs = [
    ['mailboxes', t('tabMailboxes')],
    ['settings', t('tabSettings')],
  ] as const;
  return (
    <>
      <header>
        <h1>Repère BAL</h1>
      </header>
      <main>
        <div role="tablist" class="tabs">
          {tabs.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                  const next = id === 'mailboxes' ? 'settings' : 'mailboxes';
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {label}
            </button>
          ))}
        </div>
        {overview.error && (
          <p class="status" data-status="error" role="alert">
            {t('errorBackground')}
          </p>
        )}
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'mailboxes' && overview.data && <MailboxesTab overview={overview.data} reload={overview.reload} />}
          {tab === 'settings' && <SettingsTab />}
        </div>
      </main>
    </>
  );
}
