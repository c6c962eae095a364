/**
 * Export the settings to a JSON file, and import one: the file is checked first; a bad
 * one changes nothing and each problem is shown with its place; a good one shows what
 * it will change, and is applied only when the user says so.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type ImportPreviewReply, sendToBackground } from '@/utils/message-client';

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function ImportExport() {
  const [preview, setPreview] = useState<ImportPreviewReply | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const exportFile = async () => {
    const reply = await sendToBackground('page:export-settings', {});
    if (!reply.ok) return setMessage(reply.error);
    const url = URL.createObjectURL(new Blob([reply.value.text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: reply.value.fileName });
    link.click();
    URL.revokeObjectURL(url);
  };

  const read = async (file: File | undefined) => {
    setMessage(null);
    if (!file) return;
    const content = await file.text();
    setText(content);
    const reply = await sendToBackground('page:preview-import', { text: content });
    setPreview(reply.ok ? reply.value : { ok: false, problems: [{ path: '', message: reply.error }] });
  };

  const apply = async () => {
    if (text === null) return;
    const reply = await sendToBackground('page:apply-import', { text });
    setPreview(null);
    setText(null);
    setMessage(
      reply.ok && reply.value.ok
        ? t('fileApplied')
        : reply.ok && !reply.value.ok
          ? (reply.value.problems[0]?.message ?? '')
          : reply.ok
            ? ''
            : reply.error,
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
          {preview.changes.length === 0 ? (
            <p>{t('fileNoChange')}</p>
          ) : (
            <>
              <p>{t('filePreview')}</p>
              <ul>
                {preview.changes.map((change) => (
                  <li key={`${change.target}:${change.field}`}>
                    {change.target === 'settings' ? t('fileGeneral') : change.target} — {change.field} :{' '}
                    {shown(change.from)} → {shown(change.to)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" data-action="apply-import" onClick={() => void apply()}>
            {t('fileApply')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            data-action="cancel-import"
            onClick={() => {
              setPreview(null);
              setText(null);
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
