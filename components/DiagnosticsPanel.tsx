/**
 * Diagnostics for IT support: what was read on the last portal page, the last polls,
 * the selector profile in use, the last compatibility check, and a report to copy. The report holds no message
 * content and hides the local part of every address.
 */
import { useState } from 'preact/hooks';
import { pollNoteText } from '@/utils/failure-text';
import { type MessageKey, t } from '@/utils/i18n';
import type { Diagnostics } from '@/utils/protocol/client';
import { foundText } from './PortalCheck';

type Reading = NonNullable<Diagnostics['lastReading']>;

const TRUST_TEXT: Record<Reading['trust'], MessageKey> = {
  frame: 'diagTrustFrame',
  unlearnt: 'diagTrustUnlearnt',
  unsure: 'diagTrustUnsure',
  none: 'diagTrustNone',
};

const LIMIT_TEXT: Record<Diagnostics['limitsReached'][number]['limit'], MessageKey> = {
  'known-mailboxes': 'diagLimitKnownMailboxes',
  'accounts-per-login': 'diagLimitAccountsPerLogin',
  quarantine: 'diagLimitQuarantine',
  'page-list': 'diagLimitPageList',
};

/** Every bound reached, worded, the quarantine's included (it is full when it holds its size). */
function limitLines(diagnostics: Diagnostics): { key: string; text: string; at: number | null }[] {
  const lines = diagnostics.limitsReached.map((limit) => ({
    key: limit.limit,
    text: t(LIMIT_TEXT[limit.limit], limit.count),
    at: limit.at as number | null,
  }));
  if (diagnostics.quarantined >= diagnostics.quarantineSize) {
    lines.push({ key: 'quarantine', text: t('diagLimitQuarantine', diagnostics.quarantined), at: null });
  }
  return lines;
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** « noemie.gallorini@esante-occitanie.fr » → « n…@esante-occitanie.fr ». */
export function redact(text: string): string {
  return text.replace(/([a-z0-9._%+-])[a-z0-9._%+-]*@([a-z0-9.-]+\.[a-z]{2,})/gi, '$1…@$2');
}

export function diagnosticsReport(diagnostics: Diagnostics, userAgent: string): string {
  const { lastReading, poll } = diagnostics;
  const report = {
    extension: `Repère BAL ${diagnostics.version}`,
    browser: userAgent,
    lastPage: lastReading && {
      at: new Date(diagnostics.lastReadingAt).toISOString(),
      kind: lastReading.kind,
      trust: lastReading.trust,
      labelFound: lastReading.label !== null,
      labelShowsAddress: lastReading.label?.address != null,
      chooserEntries: lastReading.chooser?.length ?? null,
      accountTableRows: lastReading.accountTable?.length ?? null,
      inboxUnread: lastReading.inboxUnread,
      sendControls: lastReading.sendControls,
      problems: lastReading.problems,
    },
    checks: {
      status: poll.status,
      failures: poll.failures,
      lastError: poll.lastError,
      requests: poll.requests,
      history: poll.history.map((h) => ({ at: new Date(h.at).toISOString(), outcome: h.outcome, detail: h.detail })),
    },
    profile: diagnostics.customProfile ? diagnostics.profile : 'built-in',
    mailboxesKnown: diagnostics.mailboxes,
    policy: diagnostics.policy,
    quarantined: diagnostics.quarantined,
    frame: diagnostics.frame && { origin: diagnostics.frame.origin, learntAt: new Date(diagnostics.frame.learntAt) },
    limitsReached: limitLines(diagnostics).map((line) => line.key),
    compatibility: diagnostics.portalCheck && {
      at: new Date(diagnostics.portalCheck.at).toISOString(),
      outcome: diagnostics.portalCheck.outcome,
      customProfile: diagnostics.portalCheck.customProfile,
      points: Object.fromEntries(
        diagnostics.portalCheck.points.map(({ point, ...found }) => [
          point,
          found.status === 'ok' ? `ok (${foundText({ point, ...found })})` : `missing (${found.gap ?? '?'})`,
        ]),
      ),
      // The frame's status and the hints suggested (portal selectors, no page text).
      frame: diagnostics.portalCheck.frame,
    },
  };
  return redact(JSON.stringify(report, null, 2));
}

export function DiagnosticsPanel({ diagnostics }: { diagnostics: Diagnostics }) {
  const [copied, setCopied] = useState(false);
  const reading = diagnostics.lastReading;
  return (
    <div class="diagnostics">
      <h3>{t('diagLastPage')}</h3>
      {reading ? (
        <dl>
          <dt>{t('diagKind')}</dt>
          <dd>{reading.kind}</dd>
          <dt>{t('diagTrust')}</dt>
          <dd data-trust={reading.trust}>{t(TRUST_TEXT[reading.trust])}</dd>
          <dt>{t('diagLabel')}</dt>
          <dd>{reading.label?.text ?? t('diagNotFound')}</dd>
          <dt>{t('diagChooser')}</dt>
          <dd>
            {reading.chooser
              ? t('diagChooserFound', reading.chooser.length)
              : (reading.chooserUrl ?? t('diagNotFound'))}
          </dd>
          <dt>{t('diagInbox')}</dt>
          <dd>{reading.inboxUnread ?? t('diagNotFound')}</dd>
          <dt>{t('diagProblems')}</dt>
          <dd>{reading.problems.length ? reading.problems.join(' ; ') : t('diagNone')}</dd>
        </dl>
      ) : (
        <p>{t('diagNever')}</p>
      )}
      <h3>{t('diagPolls')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('diagWhen')}</th>
            <th scope="col">{t('diagResult')}</th>
            <th scope="col">{t('diagDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {diagnostics.poll.history.map((entry) => (
            <tr key={entry.at}>
              <td>{WHEN.format(entry.at)}</td>
              <td>{entry.outcome}</td>
              <td>{entry.detail ? pollNoteText(entry.detail) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('diagProfile')}</h3>
      <p>{diagnostics.customProfile ? t('diagProfileCustom') : t('diagProfileDefault')}</p>
      <details>
        <summary>JSON</summary>
        <pre>{JSON.stringify(diagnostics.profile, null, 2)}</pre>
      </details>
      <p data-frame={diagnostics.frame ? 'learnt' : 'none'}>
        {t('diagFrame')} :{' '}
        {diagnostics.frame
          ? t('diagFrameLearnt', diagnostics.frame.origin, WHEN.format(diagnostics.frame.learntAt))
          : t('diagFrameNone')}
      </p>
      <p>
        {t('diagQuarantined')} : {diagnostics.quarantined}
      </p>
      {limitLines(diagnostics).length > 0 && (
        <>
          <h3>{t('diagLimits')}</h3>
          <ul data-limits="">
            {limitLines(diagnostics).map((line) => (
              <li key={line.key} data-limit={line.key}>
                {line.at !== null && `${WHEN.format(line.at)} : `}
                {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <p data-policy={diagnostics.policy.state}>
        {t('diagPolicy')} :{' '}
        {diagnostics.policy.state === 'none'
          ? t('diagPolicyNone')
          : diagnostics.policy.state === 'active'
            ? t('diagPolicyActive')
            : diagnostics.policy.state === 'partial'
              ? t('diagPolicyPartial', diagnostics.policy.reason ?? '?')
              : t('diagPolicyRefused', diagnostics.policy.reason ?? '?')}
      </p>
      <button
        type="button"
        data-action="copy-report"
        onClick={() => {
          void navigator.clipboard
            .writeText(diagnosticsReport(diagnostics, navigator.userAgent))
            .then(() => setCopied(true));
        }}
      >
        {t('diagCopy')}
      </button>
      {copied && <span role="status"> {t('diagCopied')}</span>}
    </div>
  );
}
