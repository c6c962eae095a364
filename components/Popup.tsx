/**
 * The popup: every mailbox of the person logged in at a glance (MailboxRow.tsx: name,
 * address, kind, colour, unread count, which one is open on the portal, which ones the
 * polls cannot see), the state of the polls, « Vérifier maintenant », the pause of the
 * announcements (« Pause 1 h », « Jusqu'à demain 8 h », « Reprendre »), one click to open
 * a mailbox in the portal; and a settings tab sharing the options page's parts.
 *
 * The first-run link to the portal is checked here again, whatever the background sent:
 * it leads only to an origin the browser granted this extension (`permissions.getAll()`),
 * else to PORTAL_HOME. The granted origins rather than the manifest's content-script
 * matches, because a portal added by policy is granted at run time and never appears in
 * the manifest; the built-in portal counts from the first paint, before the answer.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { failureText, pollErrorText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { QUICK_PAUSE_MINUTES, whenText } from '@/utils/pause';
import { PORTAL_HOME, PORTAL_MATCHES, portalUrlOrNull } from '@/utils/portal-origins';
import { type Failure, type Overview, type Reply, sendToBackground } from '@/utils/protocol/client';
import { GeneralSettings } from './GeneralSettings';
import { MailboxList } from './MailboxRow';
import { MailboxSettings } from './MailboxSettings';
import { useBackground } from './use-background';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
/** « Jusqu'à demain 8 h »: the hour it ends. */
const TOMORROW_HOUR = 8;

/** Minutes from `now` until TOMORROW_HOUR tomorrow, local time, rounded up (« Jusqu'à demain 8 h »). */
export function minutesUntilTomorrowMorning(now: number): number {
  const end = new Date(now);
  end.setDate(end.getDate() + 1);
  end.setHours(TOMORROW_HOUR, 0, 0, 0);
  return Math.ceil((end.getTime() - now) / 60_000);
}

function statusText(overview: Overview): string {
  const { poll } = overview;
  if (poll.status === 'expired') return t('popupExpired');
  if (poll.status === 'error') {
    const detail = poll.lastError ? pollErrorText(poll.lastError) : '?';
    return t('popupError', detail, TIME.format(poll.lastPollAt));
  }
  if (poll.status === 'skipped-while-idle') return t('popupSkippedWhileIdle');
  if (poll.lastSuccessAt > 0) return t('popupUpToDate', TIME.format(poll.lastSuccessAt));
  return t('popupWaiting');
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

/** A refused pause in words: the policy's refusal says so, anything else as every failure. */
function pauseFailureText(failure: Failure): string {
  return failure.code === 'locked' && failure.fields.includes('pause')
    ? t('popupPauseForbidden')
    : failureText(failure);
}

/**
 * The pause of the announcements: the two buttons (each with its `data-pause-minutes`),
 * or, while paused, until when and « Reprendre ». None when the policy forbids it.
 */
function PauseControls({ pause, reload }: { pause: Overview['pause']; reload(): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = Date.now();
  const ask = async (send: () => Promise<Reply<unknown>>) => {
    setBusy(true);
    const reply = await send();
    setError(reply.ok ? null : pauseFailureText(reply.error));
    await reload();
    setBusy(false);
  };
  const alert = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  if (!pause.allowed) return alert || null;
  if (pause.until !== null) {
    return (
      <section class="pause" data-paused="">
        <p role="status">{t('popupPausedUntil', whenText(pause.until, now))}</p>
        <button
          type="button"
          data-action="resume"
          disabled={busy}
          onClick={() => void ask(() => sendToBackground('ui:resume', {}))}
        >
          {t('popupResume')}
        </button>
        {alert}
      </section>
    );
  }
  const choices = [
    [QUICK_PAUSE_MINUTES, t('popupPauseHour')],
    [minutesUntilTomorrowMorning(now), t('popupPauseTomorrow')],
  ] as const;
  return (
    <section class="pause" aria-labelledby="pause-title">
      <h2 id="pause-title">{t('popupPauseTitle')}</h2>
      <div class="pause-choices">
        {choices.map(([minutes, label]) => (
          <button
            key={label}
            type="button"
            class="secondary"
            data-pause-minutes={minutes}
            disabled={busy}
            onClick={() => void ask(() => sendToBackground('ui:pause', { minutes }))}
          >
            {label}
          </button>
        ))}
      </div>
      {pause.longestMinutes !== null && <p class="hint">{t('popupPauseLongest', pause.longestMinutes)}</p>}
      {alert}
    </section>
  );
}

function MailboxesTab({ overview, reload }: { overview: Overview; reload(): Promise<void> }) {
  const [polling, setPolling] = useState(false);
  const grantedOrigins = useGrantedOrigins();
  const pollNow = async () => {
    setPolling(true);
    await sendToBackground('ui:poll-now', {});
    await reload();
    setPolling(false);
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
      <MailboxList mailboxes={overview.mailboxes} onOpen={(address) => void open(address)} />
      <div class="actions">
        <button type="button" data-action="check-now" disabled={polling} onClick={() => void pollNow()}>
          {polling ? t('popupPolling') : t('popupPollNow')}
        </button>
      </div>
      <PauseControls pause={overview.pause} reload={reload} />
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
