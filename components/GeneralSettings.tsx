/**
 * The settings that are not per mailbox: preferred mailbox at login, poll interval,
 * notifications, privacy, quiet hours, pause while away, banner style. Saved at once.
 */
import { useState } from 'preact/hooks';
import { failureText } from '@/utils/failure-text';
import { t } from '@/utils/i18n';
import { type SettingsView, sendToBackground } from '@/utils/protocol/client';
import { Locked, Toggle } from './Toggle';

type Patch = Parameters<typeof sendToBackground<'ui:update-settings'>>[1]['patch'];

export function GeneralSettings({ view, onSaved }: { view: SettingsView; onSaved(view: SettingsView): void }) {
  const [error, setError] = useState<string | null>(null);
  const { settings } = view;
  const save = async (patch: Patch) => {
    const reply = await sendToBackground('ui:update-settings', { patch });
    if (reply.ok) {
      setError(null);
      onSaved(reply.value);
    } else setError(failureText(reply.error));
  };
  const quiet = settings.quietHours;
  const isLocked = (field: string) => view.locked.includes(field);
  return (
    <div class="general-settings">
      <div class="field">
        <label for="preferred">
          {t('settingsPreferred')} {isLocked('preferredMailbox') && <Locked />}
        </label>
        <select
          id="preferred"
          data-field="preferredMailbox"
          disabled={isLocked('preferredMailbox')}
          value={settings.preferredMailbox ?? ''}
          onChange={(e) => void save({ preferredMailbox: e.currentTarget.value || null })}
        >
          <option value="">{t('settingsPreferredPortal')}</option>
          {view.mailboxes.map((m) => (
            <option key={m.address} value={m.address}>
              {m.name} ({m.address})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="interval">
          {t('settingsInterval')} {isLocked('pollIntervalMinutes') && <Locked />}
        </label>
        <input
          id="interval"
          data-field="pollIntervalMinutes"
          disabled={isLocked('pollIntervalMinutes')}
          type="number"
          min={view.minPollIntervalMinutes}
          max={120}
          value={settings.pollIntervalMinutes}
          onChange={(e) => void save({ pollIntervalMinutes: Number(e.currentTarget.value) })}
        />
      </div>
      <Toggle
        locked={isLocked('notificationsEnabled')}
        field="notificationsEnabled"
        label={t('settingsNotifications')}
        checked={settings.notificationsEnabled}
        onChange={(checked) => void save({ notificationsEnabled: checked })}
      />
      <Toggle
        locked={isLocked('privacyMode')}
        field="privacyMode"
        label={t('settingsPrivacy')}
        checked={settings.privacyMode}
        onChange={(checked) => void save({ privacyMode: checked })}
      />
      <fieldset class="quiet-hours">
        <legend>
          {t('settingsQuietHours')} {isLocked('quietHours') && <Locked />}
        </legend>
        <Toggle
          locked={isLocked('quietHours')}
          field="quietHours.enabled"
          label={t('settingsQuietEnabled')}
          checked={quiet.enabled}
          onChange={(enabled) => void save({ quietHours: { ...quiet, enabled } })}
        />
        <label class="inline">
          {t('settingsQuietFrom')}
          <input
            type="time"
            data-field="quietHours.start"
            disabled={isLocked('quietHours')}
            value={quiet.start}
            onChange={(e) => void save({ quietHours: { ...quiet, start: e.currentTarget.value } })}
          />
        </label>
        <label class="inline">
          {t('settingsQuietTo')}
          <input
            type="time"
            data-field="quietHours.end"
            disabled={isLocked('quietHours')}
            value={quiet.end}
            onChange={(e) => void save({ quietHours: { ...quiet, end: e.currentTarget.value } })}
          />
        </label>
      </fieldset>
      <Toggle
        locked={isLocked('pauseWhenIdle')}
        field="pauseWhenIdle"
        label={t('settingsIdle')}
        checked={settings.pauseWhenIdle}
        onChange={(checked) => void save({ pauseWhenIdle: checked })}
      />
      <div class="field">
        <label for="banner-style">
          {t('settingsBannerStyle')} {isLocked('bannerCollapsed') && <Locked />}
        </label>
        <select
          id="banner-style"
          data-field="bannerCollapsed"
          disabled={isLocked('bannerCollapsed')}
          value={settings.bannerCollapsed ? 'compact' : 'full'}
          onChange={(e) => void save({ bannerCollapsed: e.currentTarget.value === 'compact' })}
        >
          <option value="full">{t('settingsBannerFull')}</option>
          <option value="compact">{t('settingsBannerCompact')}</option>
        </select>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
