/**
 * The banner: in whose name this page sends, in words, with an icon and the mailbox's
 * colour; one-click switching; notices (stale tab, switch under way or failed, errors);
 * the send guard's dialog. A pure component: the content script passes the model and
 * the actions (entrypoints/portal.content/banner.tsx). Every control acts only on the
 * user's own events (event-trust.ts): the page can reach into the banner's shadow root.
 */
import type { ComponentChildren } from 'preact';
import { textOn, UNKNOWN_COLOUR } from '@/utils/colours';
import { t } from '@/utils/i18n';
import type { MailboxKind, PortalView } from '@/utils/protocol/shapes';
import { useUserEvents } from './event-trust';
import { ChevronIcon, KindIcon, WarningIcon } from './icons';
import { type GuardRequest, SendGuardDialog } from './SendGuardDialog';
import { SwitchControls } from './SwitchControls';

export interface BannerModel {
  /** The background's answer for this page; null while it is being read. */
  view: PortalView | null;
  /** A switch under way, started by the user or by the preferred-mailbox rule. */
  activity: { kind: 'switching' | 'preferring'; name: string; address: string } | null;
  error: string | null;
  guard: GuardRequest | null;
  switcherOpen: boolean;
  /** Collapsed before the background has answered (its last known preference). */
  collapsedHint: boolean;
}

/** Before anything is known or under way. */
export const EMPTY_BANNER_MODEL: BannerModel = {
  view: null,
  activity: null,
  error: null,
  guard: null,
  switcherOpen: false,
  collapsedHint: false,
};

export interface BannerActions {
  switchTo(address: string): void;
  setCollapsed(collapsed: boolean): void;
  setSwitcherOpen(open: boolean): void;
  reload(): void;
  retry(address: string): void;
  dismissError(): void;
  confirmSend(silence: boolean): void;
  cancelSend(): void;
}

/** The kind the page shows (the host's `data-kind`). */
export function shownKind(view: PortalView | null): MailboxKind {
  return view?.page === 'webmail' ? view.active.kind : 'unknown';
}

export const EDGE: Record<MailboxKind, string> = {
  personal: '#5B6B7F',
  organisational: 'rgba(0, 0, 0, 0.45)',
  unknown: '#6B6B6B',
};

interface Message {
  tone: 'normal' | 'warning';
  content: ComponentChildren;
  action?: { label: string; run(): void };
}

function message(model: BannerModel, actions: BannerActions): Message {
  const { view, activity, error } = model;
  if (error)
    return { tone: 'warning', content: error, action: { label: t('actionDismiss'), run: actions.dismissError } };
  if (!view) return { tone: 'normal', content: t('bannerChecking') };
  if (view.page === 'login') return { tone: 'normal', content: t('bannerLogin') };
  if (activity)
    return {
      tone: 'normal',
      content: t(activity.kind === 'preferring' ? 'bannerPreferring' : 'bannerSwitching', activity.name),
    };
  // Look-alikes of the portal on this page (a message) and no frame to tell: say so, believe nothing.
  if (view.unsure) return { tone: 'warning', content: t('bannerUnsure') };
  if (view.stale) {
    return {
      tone: 'warning',
      content: view.stale.name ? t('bannerStale', view.stale.name) : t('bannerStaleUnnamed'),
      action: { label: t('actionReload'), run: actions.reload },
    };
  }
  if (view.switchFailed) {
    const failed = view.switchFailed;
    return {
      tone: 'warning',
      content: t('bannerSwitchFailed', failed.name),
      action: { label: t('actionRetry'), run: () => actions.retry(failed.address) },
    };
  }
  const { kind, name, address } = view.active;
  if (kind === 'personal') {
    return {
      tone: 'normal',
      content: (
        <>
          <strong>{t('bannerPersonal')}</strong>
          {name && <span class="detail"> ({name})</span>}
        </>
      ),
    };
  }
  if (kind === 'organisational') {
    const shown = name ?? address ?? '';
    return {
      tone: 'normal',
      content: (
        <>
          <strong>{t('bannerService', shown)}</strong>
          {address && address !== shown && <span class="detail"> ({address})</span>}
        </>
      ),
    };
  }
  return {
    tone: 'warning',
    content: (
      <>
        <strong>{t('bannerUnknown')}</strong>
        {name && <span class="detail"> ({name})</span>}
      </>
    ),
  };
}

function collapsedText(view: PortalView | null): string {
  if (!view) return t('bannerChecking');
  const kind = shownKind(view);
  if (kind === 'personal') return t('collapsedPersonal');
  if (kind === 'organisational') return t('collapsedService', view?.active.name ?? view?.active.address ?? '');
  return t('collapsedUnknown');
}

export function Banner({ model, actions }: { model: BannerModel; actions: BannerActions }) {
  const { view } = model;
  const kind = shownKind(view);
  const colour = view?.page === 'webmail' ? view.active.colour : UNKNOWN_COLOUR;
  const said = message(model, actions);
  const wantsCollapsed = view ? view.collapsed : model.collapsedHint;
  // Notices and questions always show in full.
  const collapsed = wantsCollapsed && said.tone === 'normal' && !model.activity && !model.guard;
  const busy = model.activity !== null;
  const fromUser = useUserEvents();
  return (
    <>
      <div
        class={collapsed ? 'bar collapsed' : 'bar'}
        data-kind={kind}
        style={{ '--bg': colour, '--fg': textOn(colour), '--edge': EDGE[kind] }}
      >
        {said.tone === 'warning' ? <WarningIcon /> : <KindIcon kind={kind} />}
        <div class="message" role="status" aria-live="polite">
          {collapsed ? (
            collapsedText(view)
          ) : said.tone === 'warning' ? (
            <span class="notice">{said.content}</span>
          ) : (
            said.content
          )}
        </div>
        {said.action && !collapsed && (
          <button type="button" data-action="notice" onClick={fromUser(said.action.run)}>
            {said.action.label}
          </button>
        )}
        {!collapsed && view?.page === 'webmail' && !view.stale && (
          <SwitchControls
            others={view.others}
            open={model.switcherOpen}
            busy={busy}
            onOpenChange={actions.setSwitcherOpen}
            onSwitch={actions.switchTo}
          />
        )}
        {!view?.collapseLocked && (
          <button
            type="button"
            class="toggle"
            data-action={collapsed ? 'expand' : 'collapse'}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t('expand') : t('collapse')}
            title={collapsed ? t('expand') : t('collapse')}
            onClick={fromUser(() => actions.setCollapsed(!collapsed))}
          >
            <ChevronIcon up={!collapsed} />
          </button>
        )}
      </div>
      {model.guard && (
        <SendGuardDialog request={model.guard} onConfirm={actions.confirmSend} onCancel={actions.cancelSend} />
      )}
    </>
  );
}
