/**
 * Feature: switching mailboxes by driving the portal's own chooser, never an invented
 * API. The chooser in the page (a panel) is used as it is: its form is submitted with
 * its own submitter and tokens, so the portal's script may switch in place. Otherwise
 * the chooser page (behind « Changer de compte ») is read, and its entry's form is
 * submitted from this page (or its link followed): the portal switches and lands on
 * the inbox, exactly as when the user clicks there.
 */
import { t } from '@/utils/i18n';
import { type ChooserEntryInPage, chooserFormFields } from '@/utils/portal/chooser';
import { fetchPortalPage } from '@/utils/portal/fetch-page';
import { sameOriginUrl } from '@/utils/portal/links';
import { findPortalChooser } from '@/utils/portal/page';
import { sendToBackground } from '@/utils/protocol/client';
import type { Lifetime } from './lifetime';
import type { TabState } from './tab-state';
import { unsureWords } from './ui/Banner';

/** A switch that shows no result in this time is reported as failed. */
const SWITCH_PATIENCE_MS = 20_000;

export interface Switcher {
  switchTo(address: string, reason?: 'user' | 'preferred'): Promise<void>;
}

function nameOf(tab: TabState, address: string): string {
  return tab.get().view?.others.find((m) => m.address === address)?.name ?? address;
}

/**
 * Submits a copy of a chooser form, with its fields, from this page, to its action as
 * read and checked (absolute): the browser navigates as on the portal.
 */
function submitCopy(entry: Extract<ChooserEntryInPage['action'], { kind: 'form' }>, host: Element | ShadowRoot): void {
  const source = entry.form;
  const form = document.createElement('form');
  form.method = source.getAttribute('method') ?? 'post';
  // Absolute, checked on the portal when read: no <base> in the page can send it elsewhere.
  form.action = entry.action;
  form.hidden = true;
  const add = (name: string, value: string) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  };
  for (const [name, value] of chooserFormFields(entry)) add(name, value);
  host.append(form);
  form.submit();
}

/**
 * Activates an entry of the chooser, checked once more on this page's origin. A form of
 * this page is submitted as it is (the portal's own script may switch in place) when the
 * browser sends it where it was read to go; a <base> in a message can move a relative
 * action elsewhere, and then a copy is sent to the checked address instead.
 */
function activate(entry: ChooserEntryInPage, formHost: () => Element | ShadowRoot): boolean {
  if (entry.action.kind === 'link') {
    const href = sameOriginUrl(entry.action.href, location.href);
    if (href) location.assign(href);
    return href !== null;
  }
  const { form, submitter, action } = entry.action;
  if (!sameOriginUrl(action, location.href)) return false;
  const button = submitter as HTMLButtonElement | null;
  const resolved = button?.hasAttribute('formaction') ? button.formAction : form.action;
  if (form.ownerDocument !== document || resolved !== action) submitCopy(entry.action, formHost());
  // requestSubmit runs the portal's own submit handling (a switch in place) with the right submitter.
  else if (submitter && form.contains(submitter)) form.requestSubmit(submitter);
  else form.requestSubmit();
  return true;
}

export function createSwitcher(lifetime: Lifetime, tab: TabState, formHost: () => Element | ShadowRoot): Switcher {
  const fail = (error: string) => tab.set({ activity: null, error });

  return {
    async switchTo(address, reason = 'user') {
      if (tab.get().activity) return;
      const name = nameOf(tab, address);
      tab.set({
        activity: { kind: reason === 'preferred' ? 'preferring' : 'switching', name, address },
        error: null,
        switcherOpen: false,
      });
      lifetime.setTimeout(() => {
        if (tab.get().activity) fail(t('bannerSwitchFailed', name));
      }, SWITCH_PATIENCE_MS);

      const here = location.href;
      // The portal's own chooser only: in this page where the frame vouches for it, else its page.
      const entryInPage = () => {
        const { profile, frame } = tab.get();
        return findPortalChooser(document, profile, { pageUrl: here, frame })?.entries.find(
          (e) => e.address === address,
        );
      };
      const { profile } = tab.get();
      const entryHere = entryInPage();
      const chooserUrl = tab.get().reading?.chooserUrl ?? null;
      if (!entryHere && !chooserUrl) {
        const view = tab.get().view;
        return fail(view?.unsure ? unsureWords(view) : t('errorNoChooser'));
      }
      await sendToBackground('content:switch-requested', { address });
      if (entryHere) {
        if (!activate(entryHere, formHost)) fail(t('errorOffPortal'));
        return;
      }
      if (!chooserUrl) return;
      const page = await fetchPortalPage(chooserUrl, here);
      if (lifetime.isInvalid) return;
      if (!page.ok)
        return fail(page.reason === 'session-expired' ? t('errorSessionExpired') : t('errorPortal', page.detail));
      // The page the menu's own link leads to: no mail there, its chooser is the portal's. A page a
      // redirect led to instead is any page (a message's look-alike may be there): nothing on it is believed.
      const reachedBy = page.redirected ? undefined : 'chooser';
      const entry = findPortalChooser(page.doc, profile, { pageUrl: page.url, reachedBy })?.entries.find(
        (e) => e.address === address,
      );
      if (!entry) return fail(t('errorNotInChooser', name));
      if (!activate(entry, formHost)) fail(t('errorOffPortal'));
    },
  };
}
