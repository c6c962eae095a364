/**
 * « Compatibilité avec le portail » (options page): runs the compatibility check
 * (entrypoints/background/compatibility/portal-check.ts) and shows each point of the
 * contract with what was found, or, when it is missing, what that means for the user and
 * what IT can do (usually a selector profile: docs/deploiement.md, « Du squelette au profil »). The
 * background sends numbers and codes; the words are here.
 */
import { useState } from 'preact/hooks';
import './portal-support.css';
import { type MessageKey, t, tCount } from '@/utils/i18n';
import {
  type ContractPoint,
  type ContractPointName,
  type FrameCheck,
  type PortalCheckReport,
  sendToBackground,
} from '@/utils/protocol/client';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Each point's name, what its absence means, and what IT can do about it. */
const POINT_TEXTS: Record<ContractPointName, { name: MessageKey; meaning: MessageKey; fix: MessageKey }> = {
  label: { name: 'checkPointLabel', meaning: 'checkMeaningLabel', fix: 'checkFixLabel' },
  'account-menu': { name: 'checkPointAccountMenu', meaning: 'checkMeaningAccountMenu', fix: 'checkFixAccountMenu' },
  chooser: { name: 'checkPointChooser', meaning: 'checkMeaningChooser', fix: 'checkFixChooser' },
  'chooser-counts': {
    name: 'checkPointChooserCounts',
    meaning: 'checkMeaningChooserCounts',
    fix: 'checkFixChooserCounts',
  },
  'account-table': { name: 'checkPointAccountTable', meaning: 'checkMeaningAccountTable', fix: 'checkFixAccountTable' },
  'default-account': {
    name: 'checkPointDefaultAccount',
    meaning: 'checkMeaningDefaultAccount',
    fix: 'checkFixDefaultAccount',
  },
  'inbox-count': { name: 'checkPointInboxCount', meaning: 'checkMeaningInboxCount', fix: 'checkFixInboxCount' },
  'send-button': { name: 'checkPointSendButton', meaning: 'checkMeaningSendButton', fix: 'checkFixSendButton' },
};

/** The points in the contract's order (docs/portal-contract.md). */
const POINTS = Object.keys(POINT_TEXTS) as ContractPointName[];

const GAP_TEXTS: Record<NonNullable<ContractPoint['gap']>, MessageKey> = {
  'not-found': 'checkGapNotFound',
  unreadable: 'checkGapUnreadable',
  'not-reached': 'checkGapNotReached',
  unsure: 'checkGapUnsure',
};

const OUTCOME_TEXTS: Record<Exclude<PortalCheckReport['outcome'], 'done'>, MessageKey> = {
  'no-tab': 'checkNoTab',
  'logged-out': 'checkLoggedOut',
  'not-portal': 'checkNotPortal',
  unreadable: 'checkUnreadable',
};

/** What was found, in words: numbers only, never the page's text. */
export function foundText(found: ContractPoint): string {
  const count = found.count ?? 0;
  const of = found.of ?? 0;
  switch (found.point) {
    case 'label':
      return t(found.showsAddress ? 'checkFoundLabelAddress' : 'checkFoundLabelName');
    case 'account-menu':
      return t('checkFoundMenu');
    case 'chooser':
      return tCount('checkFoundAccounts', count);
    case 'chooser-counts':
      return tCount('checkFoundCounts', count, of);
    case 'account-table':
      return tCount('checkFoundRows', count);
    case 'default-account':
      return tCount('checkFoundDefault', count, of);
    case 'inbox-count':
      return tCount('checkFoundUnread', count);
    case 'send-button':
      return found.source === 'earlier-page' && found.seenAt !== null
        ? t('checkFoundSendEarlier', WHEN.format(found.seenAt))
        : t('checkFoundSendHere');
  }
}

function PointLine({ name, found }: { name: ContractPointName; found: ContractPoint | null }) {
  const texts = POINT_TEXTS[name];
  const status = found?.status ?? 'pending';
  return (
    <li data-contract-point={name} data-status={status}>
      <strong>{t(texts.name)}</strong> :{' '}
      <span class="check-status">
        {t(status === 'ok' ? 'checkOk' : status === 'missing' ? 'checkMissing' : 'checkPending')}
      </span>
      {found?.status === 'ok' && <> — {foundText(found)}</>}
      {found?.status === 'missing' && (
        <>
          {found.gap && <> — {t(GAP_TEXTS[found.gap])}</>}
          <p>
            {t('checkMeaning')} {t(texts.meaning)}
          </p>
          <p>
            {t('checkFix')} {t(texts.fix)}
          </p>
        </>
      )}
    </li>
  );
}

const FRAME_TEXTS: Record<FrameCheck['status'], MessageKey> = {
  ok: 'checkFrameOk',
  'not-learnt': 'checkFrameNotLearnt',
  mismatch: 'checkFrameMismatch',
  relearn: 'checkFrameRelearn',
};

const REFERENCE_TEXTS: Record<NonNullable<FrameCheck['reference']>, MessageKey> = {
  'chooser-page': 'checkFrameReferenceChooser',
  'account-page': 'checkFrameReferenceAccount',
};

/** Whether the interface stands on the tab's page where the menu's pages show it; else why, and the hints that pin it. */
function FrameLine({ frame }: { frame: FrameCheck }) {
  const reference = frame.reference ? t(REFERENCE_TEXTS[frame.reference]) : '';
  const { suggestion } = frame;
  return (
    <div class="frame-check" data-frame-check={frame.status}>
      <strong>{t('checkFrame')}</strong> : {t(FRAME_TEXTS[frame.status], reference)}
      {frame.status === 'mismatch' && suggestion && (
        <>
          <p>{t('checkFrameSuggestion')}</p>
          <dl>
            <dt>{t('checkFrameHeader')}</dt>
            <dd>
              <code data-suggested-hint="header">{suggestion.header}</code>
            </dd>
            {suggestion.messageRegion && (
              <>
                <dt>{t('checkFrameMessageRegion')}</dt>
                <dd>
                  <code data-suggested-hint="messageRegion">{suggestion.messageRegion}</code>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      {frame.status === 'mismatch' && !suggestion && <p>{t('checkFrameNoSuggestion')}</p>}
    </div>
  );
}

export function PortalCheck({ last }: { last: PortalCheckReport | null }) {
  const [report, setReport] = useState<PortalCheckReport | null>(last);
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setRunning(true);
    setFailed(false);
    const reply = await sendToBackground('ui:check-portal', {});
    if (reply.ok) setReport(reply.value);
    else setFailed(true);
    setRunning(false);
  };
  const points = running ? [] : (report?.points ?? []);
  return (
    <div class="portal-check" aria-busy={running}>
      <p>{t('checkIntro')}</p>
      <button type="button" data-action="check-portal" disabled={running} onClick={() => void run()}>
        {t('checkRun')}
      </button>
      <p role="status" data-check-outcome={running ? 'running' : (report?.outcome ?? 'none')}>
        {running && t('checkRunning')}
        {!running && report && report.outcome !== 'done' && t(OUTCOME_TEXTS[report.outcome])}
        {!running &&
          report?.outcome === 'done' &&
          t(
            'checkDoneAt',
            WHEN.format(report.at),
            t(report.customProfile ? 'checkProfileCustom' : 'checkProfileBuiltIn'),
          )}
      </p>
      {failed && (
        <p class="error" role="alert">
          {t('errorBackground')}
        </p>
      )}
      <ul class="contract-points">
        {POINTS.map((name) => (
          <PointLine key={name} name={name} found={points.find((found) => found.point === name) ?? null} />
        ))}
      </ul>
      {!running && report?.frame && <FrameLine frame={report.frame} />}
    </div>
  );
}
