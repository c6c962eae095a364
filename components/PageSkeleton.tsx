/**
 * « Squelette de page pour le support » (options page): the redacted structure of the
 * page open in a portal tab (utils/portal/skeleton.ts), to read, copy or download and
 * attach to a support request. Made on demand, kept nowhere but in this field.
 */
import { useState } from 'preact/hooks';
import './portal-support.css';
import { type MessageKey, t } from '@/utils/i18n';
import { type PageSkeletonReply, sendToBackground } from '@/utils/protocol/client';

const OUTCOME_TEXTS: Record<Exclude<PageSkeletonReply['outcome'], 'done'>, MessageKey> = {
  fetched: 'skeletonFetched',
  'no-tab': 'skeletonNoTab',
  unreadable: 'skeletonUnreadable',
};

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'squelette-portail.txt' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function PageSkeleton() {
  const [reply, setReply] = useState<PageSkeletonReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState(false);
  const exportSkeleton = async () => {
    setBusy(true);
    setCopied(false);
    const answer = await sendToBackground('ui:page-skeleton', {});
    setFailed(!answer.ok);
    setReply(answer.ok ? answer.value : null);
    setBusy(false);
  };
  const skeleton = reply?.skeleton ?? null;
  return (
    <div class="page-skeleton" aria-busy={busy}>
      <p>{t('skeletonIntro')}</p>
      <button type="button" data-action="export-skeleton" disabled={busy} onClick={() => void exportSkeleton()}>
        {t('skeletonExport')}
      </button>
      {reply && reply.outcome !== 'done' && (
        <p role="status" data-skeleton-outcome={reply.outcome}>
          {t(OUTCOME_TEXTS[reply.outcome])}
        </p>
      )}
      {failed && (
        <p class="error" role="alert">
          {t('errorBackground')}
        </p>
      )}
      {skeleton !== null && (
        <>
          <label for="page-skeleton-text">{t('skeletonField')}</label>
          <textarea
            id="page-skeleton-text"
            data-skeleton=""
            readOnly
            rows={16}
            wrap="off"
            spellcheck={false}
            value={skeleton}
          />
          <p>
            <button
              type="button"
              data-action="copy-skeleton"
              onClick={() => void navigator.clipboard.writeText(skeleton).then(() => setCopied(true))}
            >
              {t('skeletonCopy')}
            </button>{' '}
            <button type="button" data-action="download-skeleton" onClick={() => download(skeleton)}>
              {t('skeletonDownload')}
            </button>
            {copied && <span role="status"> {t('skeletonCopied')}</span>}
          </p>
        </>
      )}
    </div>
  );
}
