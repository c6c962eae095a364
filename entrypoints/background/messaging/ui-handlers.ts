/**
 * The background's answers to the extension's own pages (popup, options): the overview,
 * « Vérifier maintenant », the pause of the announcements and « Reprendre », opening a
 * mailbox, the settings and their changes, the settings file, the diagnostics, the
 * compatibility check and the page skeleton. Every change goes through the store in one
 * transaction, then every context hears of it (portal tabs re-render their banner).
 */

import { isPaused } from '@/entrypoints/background/announce/held-news';
import type { PortalSupport } from '@/entrypoints/background/compatibility/support';
import type { ExtraPortals } from '@/entrypoints/background/policy/extra-portals';
import {
  lockedMailboxFields,
  lockedSettings,
  type ManagedPolicy,
  pauseLimits,
} from '@/entrypoints/background/policy/policy';
import type { PolicyInForce } from '@/entrypoints/background/policy/policy-in-force';
import type { PollRunner } from '@/entrypoints/background/polling/poll-runner';
import { countUnseen } from '@/entrypoints/background/session/chooser-counts';
import {
  confirmsBeforeSend,
  displayName,
  mailboxViewOf,
  sessionMailboxes,
} from '@/entrypoints/background/session/mailboxes';
import {
  applySettingsFile,
  describeImport,
  exportSettings,
  type ImportPreview,
  parseSettingsFile,
  patchMailbox,
  weakeningsConfirmed,
} from '@/entrypoints/background/settings-file';
import { QUARANTINE_SIZE, type Store, type StoredState } from '@/entrypoints/background/storage/store';
import { textOn } from '@/utils/colours';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { PORTAL_MATCHES, portalUrlOrNull } from '@/utils/portal-origins';
import type { SettingsView, UiMessageName } from '@/utils/protocol/messages';
import { MIN_POLL_MINUTES } from '@/utils/protocol/shapes';
import { HandlerFailure, type MessageHandlers, refuseLocked } from './router';

type UiHandlers = Pick<MessageHandlers, UiMessageName>;

/** How many log entries the overview carries. */
const RECENT_NOTIFICATIONS = 50;

export interface UiHandlerDeps {
  store: Store;
  /** The organisation's policy: what it locks, what it allows of the pause, its status. */
  policy: PolicyInForce;
  runner: PollRunner;
  now: () => number;
  version: string;
  /** The browser's language (messages of the settings-file check). */
  language: () => string;
  openMailbox: (address: string) => Promise<void>;
  /**
   * The granted portal's match patterns (the background's: the manifest's and the
   * policy's granted ones); the overview's portal link stays on them. Absent: the
   * built-in portal and the policy's granted origins.
   */
  portalMatches?: () => readonly string[];
  /** After a change: portal tabs, pages, badge and alarm hear of it. */
  changed: () => Promise<void>;
  extraPortals: ExtraPortals;
  /** The compatibility check and the page skeleton (entrypoints/background/compatibility/). */
  support: PortalSupport;
}

function settingsView(
  state: StoredState,
  policy: ManagedPolicy | null,
  extraPortals: SettingsView['extraPortals'],
): SettingsView {
  const { settings } = state;
  return {
    settings: {
      preferredMailbox: settings.preferredMailbox,
      pollIntervalMinutes: settings.pollIntervalMinutes,
      notificationsEnabled: settings.notificationsEnabled,
      privacyMode: settings.privacyMode,
      quietHours: settings.quietHours,
      pauseWhenIdle: settings.pauseWhenIdle,
      bannerCollapsed: settings.bannerCollapsed,
    },
    mailboxes: sessionMailboxes(state).map((m) => ({
      address: m.address,
      name: displayName(m),
      displayName: m.displayName,
      label: m.label,
      kind: m.kind,
      kindSource: m.kindSource,
      colour: m.colour,
      textColour: textOn(m.colour),
      watched: m.watched,
      confirmBeforeSend: confirmsBeforeSend(m.confirmBeforeSend, m.kind),
      sound: m.sound,
      unread: m.unread,
      portalDefault: m.portalDefault,
      locked: lockedMailboxFields(policy, m.address, state.portal.loginAddress),
    })),
    customProfile: settings.profileOverride !== null,
    locked: lockedSettings(policy),
    minPollIntervalMinutes: policy?.minPollIntervalMinutes ?? MIN_POLL_MINUTES,
    extraPortals,
  };
}

export function createUiHandlers(deps: UiHandlerDeps): UiHandlers {
  const { store, policy, runner, now, changed } = deps;
  const view = async (state?: StoredState) =>
    settingsView(state ?? (await store.read()), policy.current, await deps.extraPortals.status());

  const preview = async (text: string): Promise<ImportPreview> => {
    const parsed = parseSettingsFile(text, deps.language());
    if (!parsed.ok) return parsed;
    return { ok: true, ...describeImport(await store.read(), parsed.file, policy.current, now()) };
  };

  return {
    'ui:overview': async () => {
      const state = await store.read();
      const { portal, poll } = state;
      const log = await store.notificationLog(RECENT_NOTIFICATIONS);
      const matches = deps.portalMatches?.() ?? [...PORTAL_MATCHES, ...deps.extraPortals.granted()];
      return {
        mailboxes: sessionMailboxes(state).map((m) => ({
          ...mailboxViewOf(m),
          watched: m.watched,
          active: m.address === portal.activeAddress,
          unwatchable: countUnseen(portal, m),
        })),
        poll: {
          status: poll.status,
          lastPollAt: poll.lastPollAt,
          lastSuccessAt: poll.lastSuccessAt,
          nextPollAt: poll.nextPollAt,
          lastError: poll.lastError,
        },
        notifications: log.map(({ notificationId, kind, address, count, title, at, sound }) => ({
          notificationId,
          kind,
          address,
          count,
          title,
          at,
          sound,
        })),
        // Stored from portal pages; only a URL on a granted portal origin reaches the popup.
        portalUrl: portalUrlOrNull(portal.inboxUrl, matches) ?? portalUrlOrNull(portal.pollUrl, matches),
        pause: {
          until: poll.pause && isPaused(poll, now()) ? poll.pause.until : null,
          ...pauseLimits(policy.current),
        },
      };
    },
    'ui:poll-now': async () => runner.poll('user'),
    'ui:pause': async ({ minutes }) => {
      const started = await runner.pause(minutes, pauseLimits(policy.current));
      if (!started.ok)
        throw new HandlerFailure({ code: 'locked', fields: ['pause'] }, 'pause interdite par la politique');
      await changed();
      return { until: started.until, minutes: started.minutes };
    },
    'ui:resume': async () => {
      const notifications = await runner.endPause('resume');
      await changed();
      return { notifications };
    },
    'ui:open-mailbox': async ({ address }) => {
      await deps.openMailbox(address);
      return { ok: true };
    },
    'ui:settings': async () => view(),
    'ui:update-settings': async ({ patch }) => {
      refuseLocked(Object.keys(patch), lockedSettings(policy.current));
      const minimum = policy.current?.minPollIntervalMinutes ?? MIN_POLL_MINUTES;
      if (patch.pollIntervalMinutes !== undefined && patch.pollIntervalMinutes < minimum) {
        throw new HandlerFailure(
          { code: 'min-interval', minutes: minimum },
          `intervalle sous le minimum de la politique (${minimum} min)`,
        );
      }
      const { state } = await store.update((current) => {
        Object.assign(current.settings, patch);
        return { state: current, result: null };
      });
      await changed();
      return view(state);
    },
    'ui:update-mailbox': async ({ address, patch }) => {
      const { loginAddress } = (await store.read()).portal;
      refuseLocked(Object.keys(patch), lockedMailboxFields(policy.current, address, loginAddress));
      const { state, result: found } = await store.update((current) => {
        const mailbox = current.mailboxes.find((m) => m.address === address);
        if (mailbox) patchMailbox(mailbox, patch);
        return { state: current, result: mailbox !== undefined };
      });
      if (!found) throw new HandlerFailure({ code: 'unknown-mailbox', address }, `boîte inconnue : ${address}`);
      await changed();
      return view(state);
    },
    'ui:export-settings': async () => {
      const at = now();
      const file = exportSettings(await store.read(), at);
      return {
        fileName: `repere-bal-reglages-${new Date(at).toISOString().slice(0, 10)}.json`,
        text: `${JSON.stringify(file, null, 2)}\n`,
      };
    },
    'ui:preview-import': async ({ text }) => preview(text),
    'ui:apply-import': async ({ text, confirmedWeakenings }) => {
      const parsed = parseSettingsFile(text, deps.language());
      if (!parsed.ok) return parsed;
      // Described again inside the change: what the user confirmed must be what it does now.
      const { result: described } = await store.update((current) => {
        const changes = describeImport(current, parsed.file, policy.current, now());
        if (!weakeningsConfirmed(changes.weakenings, confirmedWeakenings)) return { state: current, result: null };
        applySettingsFile(current, parsed.file, now(), policy.current);
        return { state: current, result: changes };
      });
      if (!described) {
        throw new HandlerFailure(
          { code: 'weakening-unconfirmed' },
          'le fichier retire une protection que l’utilisateur n’a pas confirmée',
        );
      }
      await changed();
      return { ok: true, ...described };
    },
    'ui:portal-access-changed': async () => {
      await deps.extraPortals.sync(policy.current?.portalOrigins ?? []);
      await changed();
      return { ok: true };
    },
    'ui:diagnostics': async () => {
      const state = await store.read();
      const { id: _id, pause: _pause, ...poll } = state.poll;
      return {
        version: deps.version,
        lastReading: state.portal.lastReading,
        lastReadingAt: state.portal.lastReadingAt,
        poll,
        profile: state.settings.profileOverride ?? DEFAULT_PROFILE,
        customProfile: state.settings.profileOverride !== null,
        mailboxes: state.mailboxes.length,
        quarantined: await store.db.quarantine.count(),
        quarantineSize: QUARANTINE_SIZE,
        loginKnown: state.portal.loginAddress !== null,
        frame: state.portal.frame && { origin: state.portal.frame.origin, learntAt: state.portal.frame.learntAt },
        limitsReached: state.portal.limitsReached,
        policy: policy.status,
        portalCheck: state.portal.lastPortalCheck,
      };
    },
    'ui:check-portal': async () => deps.support.checkPortal(),
    'ui:page-skeleton': async () => deps.support.pageSkeleton(),
  };
}
