/**
 * Export the settings to a JSON file, and import one: the file is checked first; a bad
 * one changes nothing and each problem is shown with its place; a good one shows what
 * it will change, and is applied only when the user says so. Every change is shown, those
 * the organisation locks too (marked as not applied), and a selector profile text by
 * text with what each lost text means for the user: the background sends codes, the
 * words are here. A file that takes a protection away (a mailbox made personal, a
 * confirmation before sending stopped) says so first, in plain words, and applies only
 * once the user ticks a second confirmation of those very changes.
 */
import { useState } from 'preact/hooks';
import './import-export.css';
import { failureText } from '@/utils/failure-text';
import { type MessageKey, t } from '@/utils/i18n';
import { type ImportPreviewReply, sendToBackground } from '@/utils/protocol/client';

type ImportChanges = Extract<ImportPreviewReply, { ok: true }>;
type Weakening = ImportChanges['weakenings'][number];
type ProfileChange = NonNullable<ImportChanges['profile']>;
type TextKey = ProfileChange['texts'][number]['key'];
type HintKey = ProfileChange['hints'][number]['key'];

/** Each text of a profile: what it names on the portal, and what is lost when the portal's text is no longer recognised. */
const TEXT_MEANINGS: Record<TextKey, { role: MessageKey; loss: MessageKey }> = {
  switchAccount: { role: 'fileProfileRoleSwitchAccount', loss: 'fileProfileLossSwitchAccount' },
  manageAccount: { role: 'fileProfileRoleManageAccount', loss: 'fileProfileLossManageAccount' },
  logout: { role: 'fileProfileRoleLogout', loss: 'fileProfileLossLogout' },
  inbox: { role: 'fileProfileRoleInbox', loss: 'fileProfileLossInbox' },
  send: { role: 'fileProfileRoleSend', loss: 'fileProfileLossSend' },
  defaultColumn: { role: 'fileProfileRoleDefaultColumn', loss: 'fileProfileLossDefaultAccount' },
  noticeColumn: { role: 'fileProfileRoleNoticeColumn', loss: 'fileProfileLossDefaultAccount' },
  defaultCheckbox: { role: 'fileProfileRoleDefaultCheckbox', loss: 'fileProfileLossDefaultAccount' },
  activeMarker: { role: 'fileProfileRoleActiveMarker', loss: 'fileProfileLossActiveMarker' },
};

/** What each hint of a profile finds on the portal. */
const HINT_TARGETS: Record<HintKey, MessageKey> = {
  label: 'fileProfileHintLabel',
  chooserEntry: 'fileProfileHintChooserEntry',
  inboxLink: 'fileProfileHintInboxLink',
  composeForm: 'fileProfileHintComposeForm',
  header: 'fileProfileHintHeader',
  messageRegion: 'fileProfileHintMessageRegion',
};

const WEAKENING_TEXTS: Record<Weakening['what'], MessageKey> = {
  personal: 'fileWeakeningPersonal',
  'no-confirmation': 'fileWeakeningNoConfirmation',
};

/** What the file takes away, first and in words; the second confirmation is ticked here. */
function WeakeningLines({
  weakenings,
  confirmed,
  onConfirm,
}: {
  weakenings: Weakening[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  return (
    <div class="warning" role="alert" data-import-weakenings="">
      <p>
        <strong>{t('fileWeakenings')}</strong>
      </p>
      <ul>
        {weakenings.map(({ address, what }) => (
          <li key={`${address}:${what}`} data-weakening={what} data-address={address}>
            {t(WEAKENING_TEXTS[what], address)}
          </li>
        ))}
      </ul>
      <label>
        <input
          type="checkbox"
          data-action="confirm-weakenings"
          checked={confirmed}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
        />{' '}
        {t('fileWeakeningConfirm')}
      </label>
    </div>
  );
}

const PROFILE_KINDS: Record<ProfileChange['from'], MessageKey> = {
  'built-in': 'diagProfileDefault',
  custom: 'diagProfileCustom',
};

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function NotApplied() {
  return (
    <span class="locked" data-locked="">
      {t('fileLocked')}
    </span>
  );
}

/** The profile's lines: for each key, the worst first (none of today's texts kept), then lost texts, then new ones. */
function ProfileChangeLines({ profile }: { profile: ProfileChange }) {
  return (
    <li data-import-profile="">
      {t('fileProfile', t(PROFILE_KINDS[profile.from]), t(PROFILE_KINDS[profile.to]))}
      {profile.locked && <NotApplied />}
      <ul>
        {profile.texts.map(({ key, removed, added, noneKept }) => {
          const { role, loss } = TEXT_MEANINGS[key];
          return [
            noneKept && (
              <li key={`${key}:none-kept`} data-profile-none-kept={key}>
                <strong>{t('fileProfileNoneKept', t(role))}</strong>
              </li>
            ),
            ...removed.map((text) => (
              <li key={`${key}:-${text}`} data-profile-removed={key}>
                {t('fileProfileTextRemoved', text, t(loss))}
              </li>
            )),
            ...added.map((text) => (
              <li key={`${key}:+${text}`} data-profile-added={key}>
                {t('fileProfileTextAdded', text, t(role))}
              </li>
            )),
          ];
        })}
        {profile.hints.map(({ key, removed, added }) => [
          ...removed.map((selector) => (
            <li key={`hint:${key}:-${selector}`} data-hint-removed={key}>
              {t('fileProfileHintRemoved', selector, t(HINT_TARGETS[key]))}
            </li>
          )),
          ...added.map((selector) => (
            <li key={`hint:${key}:+${selector}`} data-hint-added={key}>
              {t('fileProfileHintAdded', selector, t(HINT_TARGETS[key]))}
            </li>
          )),
        ])}
      </ul>
    </li>
  );
}

export function ImportExport() {
  const [preview, setPreview] = useState<ImportPreviewReply | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [weakeningsConfirmed, setWeakeningsConfirmed] = useState(false);
  const weakenings = preview?.ok ? preview.weakenings : [];

  const exportFile = async () => {
    const reply = await sendToBackground('ui:export-settings', {});
    if (!reply.ok) return setMessage(failureText(reply.error));
    const url = URL.createObjectURL(new Blob([reply.value.text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: reply.value.fileName });
    link.click();
    URL.revokeObjectURL(url);
  };

  const read = async (file: File | undefined) => {
    setMessage(null);
    setWeakeningsConfirmed(false);
    if (!file) return;
    const content = await file.text();
    setText(content);
    const reply = await sendToBackground('ui:preview-import', { text: content });
    setPreview(reply.ok ? reply.value : { ok: false, problems: [{ path: '', message: failureText(reply.error) }] });
  };

  const apply = async () => {
    if (text === null) return;
    // Only the weakenings shown and ticked are confirmed: the background applies nothing else that weakens.
    const confirmedWeakenings = weakeningsConfirmed ? weakenings : [];
    const reply = await sendToBackground('ui:apply-import', { text, confirmedWeakenings });
    setWeakeningsConfirmed(false);
    setPreview(null);
    setText(null);
    setMessage(
      reply.ok && reply.value.ok
        ? t('fileApplied')
        : reply.ok && !reply.value.ok
          ? (reply.value.problems[0]?.message ?? '')
          : reply.ok
            ? ''
            : failureText(reply.error),
    );
  };

  return (
    <div class="import-export">
      <button type="button" data-action="export" onClick={() => void exportFile()}>
        {t('fileExport')}
      </button>
      <div class="field">
        <label for="import-file">{t('fileImport')}</label>
        <input
          id="import-file"
          data-action="import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void read(e.currentTarget.files?.[0])}
        />
      </div>
      {preview && !preview.ok && (
        <div class="error" role="alert" data-import="invalid">
          <p>{t('fileInvalid')}</p>
          <ul>
            {preview.problems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                <code>{problem.path || t('fileWhole')}</code> : {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview?.ok && (
        <div class="preview" data-import="preview">
          {weakenings.length > 0 && (
            <WeakeningLines
              weakenings={weakenings}
              confirmed={weakeningsConfirmed}
              onConfirm={setWeakeningsConfirmed}
            />
          )}
          {preview.changes.length === 0 && !preview.profile ? (
            <p>{t('fileNoChange')}</p>
          ) : (
            <>
              <p>{t('filePreview')}</p>
              <ul>
                {/* The profile first: what it breaks (a key with none of today's texts) must be read first. */}
                {preview.profile && <ProfileChangeLines profile={preview.profile} />}
                {preview.changes.map((change) => (
                  <li key={`${change.target}:${change.field}`}>
                    {change.target === 'settings' ? t('fileGeneral') : change.target} — {change.field} :{' '}
                    {shown(change.from)} → {shown(change.to)}
                    {change.locked && <NotApplied />}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            data-action="apply-import"
            disabled={weakenings.length > 0 && !weakeningsConfirmed}
            onClick={() => void apply()}
          >
            {t('fileApply')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            data-action="cancel-import"
            onClick={() => {
              setPreview(null);
              setText(null);
              setWeakeningsConfirmed(false);
            }}
          >
            {t('fileCancel')}
          </button>
        </div>
      )}
      {message && (
        <p class="status" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
