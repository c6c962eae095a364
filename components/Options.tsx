/**
 * The options page: every setting (per mailbox and general, the same parts as the
 * popup's settings tab), the settings file, and for IT support the compatibility check,
 * the page skeleton and the diagnostics.
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/protocol/client';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { GeneralSettings } from './GeneralSettings';
import { ImportExport } from './ImportExport';
import { MailboxSettings } from './MailboxSettings';
import { PageSkeleton } from './PageSkeleton';
import { PortalCheck } from './PortalCheck';
import { useBackground } from './use-background';

export function Options() {
  const view = useBackground('ui:settings');
  const diagnostics = useBackground('ui:diagnostics');
  useEffect(() => {
    document.title = t('optionsTitle');
    document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {(view.error || diagnostics.error) && (
        <p class="error" role="alert">
          {t('errorBackground')}
        </p>
      )}
      <section aria-labelledby="options-mailboxes">
        <h2 id="options-mailboxes">{t('optionsMailboxes')}</h2>
        {view.data && <MailboxSettings mailboxes={view.data.mailboxes} onSaved={view.set} />}
      </section>
      <section aria-labelledby="options-general">
        <h2 id="options-general">{t('optionsGeneral')}</h2>
        {view.data && <GeneralSettings view={view.data} onSaved={view.set} />}
      </section>
      {view.data && view.data.extraPortals.length > 0 && (
        <section aria-labelledby="options-portals">
          <h2 id="options-portals">{t('extraPortalsTitle')}</h2>
          <ul>
            {view.data.extraPortals.map((portal) => (
              <li key={portal.pattern} data-extra-portal={portal.pattern}>
                <code>{portal.pattern}</code> :{' '}
                {portal.granted ? (
                  t('extraPortalGranted')
                ) : (
                  <button
                    type="button"
                    data-action="grant-portal"
                    onClick={() =>
                      void browser.permissions
                        .request({ origins: [portal.pattern] })
                        .then(() => sendToBackground('ui:portal-access-changed', {}))
                    }
                  >
                    {t('extraPortalAsk', portal.pattern)}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="options-file">
        <h2 id="options-file">{t('optionsFile')}</h2>
        <ImportExport />
      </section>
      <section aria-labelledby="options-check">
        <h2 id="options-check">{t('checkTitle')}</h2>
        {diagnostics.data && <PortalCheck last={diagnostics.data.portalCheck} />}
      </section>
      <section aria-labelledby="options-skeleton">
        <h2 id="options-skeleton">{t('skeletonTitle')}</h2>
        <PageSkeleton />
      </section>
      <section aria-labelledby="options-diagnostics">
        <h2 id="options-diagnostics">{t('optionsDiagnostics')}</h2>
        {diagnostics.data && <DiagnosticsPanel diagnostics={diagnostics.data} />}
      </section>
    </main>
  );
}
