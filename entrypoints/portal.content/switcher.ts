/**
 * Feature: switching mailboxes by driving the portal's own chooser, never an invented
 * API. The chooser in the page (a panel) is used as it is: its form is submitted with
 * its own submitter and tokens, so the portal's script may switch in place. Otherwise
 * the chooser page (behind « Changer de compte ») is read, and its entry's form is
 * submitted from this page (or its link followed): the portal switches and lands on
 * the inbox, exactly as when the user clicks there.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/message-client';
import { type ChooserEntry, readChooser } from '@/utils/portal/chooser';
import { fetchPortalPage } from '@/utils/portal/fetch-page';
import { findLabel } from '@/utils/portal/label';
import { findAccountMenu } from '@/utils/portal/menu';
import type { TabState } from './tab-state';

/** A switch that shows no result in this time is reported as failed. */
const SWITCH_PATIENCE_MS = 20_000;

export interface Switcher {
  switchTo(address: string, reason?: 'user' | 'preferred'): Promise<void>;
}

function nameOf(tab: TabState, address: string): string {
  return tab.get().view?.others.find((m) => m.address === address)?.name ?? address;
}

/** Submits a form read from the chooser page, from this page: the browser navigates as on the portal. */
function submitFetchedForm(entry: Extract<ChooserEntry['action'], { kind: 'form' }>, host: Element | ShadowRoot): void {
  const source = entry.form;
  const form = document.createElement('form');
  form.method = source.getAttribute('method') ?? 'post';
  form.action = new URL(source.getAttribute('action') ?? '', source.ownerDocument.baseURI).toString();
  form.hidden = true;
  const add = (name: string, value: string) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  };
  for (const field of source.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
    const type = field.getAttribute('type') ?? 'text';
    const name = field.getAttribute('name');
    if (!name || ['submit', 'button', 'image', 'reset'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !field.hasAttribute('checked')) continue;
    add(name, field.getAttribute('value') ?? field.textContent ?? '');
  }
  const submitterName = entry.submitter?.getAttribute('name');
  if (submitterName) add(submitterName, entry.submitter?.getAttribute('value') ?? '');
  host.append(form);
  form.submit();
}

function activateInPage(entry: ChooserEntry): void {
  if (entry.action.kind === 'link') {
    location.assign(entry.action.href);
    return;
  }
  const { form, submitter } = entry.action;
  // requestSubmit runs the portal's own submit handling (a switch in place) with the right submitter.
  if (submitter && form.contains(submitter)) form.requestSubmit(submitter);
  else form.requestSubmit();
}

export function createSwitcher(
  ctx: ContentScriptContext,
  tab: TabState,
  formHost: () => Element | ShadowRoot,
): Switcher {
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
      ctx.setTimeout(() => {
        if (tab.get().activity) fail(t('bannerSwitchFailed', name));
      }, SWITCH_PATIENCE_MS);

      const { profile } = tab.get();
      const menu = findAccountMenu(document, profile);
      const label = findLabel(document, profile, menu);
      const exclude = [menu?.container, label?.element].filter((e): e is Element => e !== undefined);
      const inPage = readChooser(document, profile, { exclude })?.entries.find((e) => e.address === address);
      await sendToBackground('content:switch-requested', { address });
      if (inPage) {
        activateInPage(inPage);
        return;
      }
      const chooserUrl = menu?.chooserUrl ?? tab.get().reading?.chooserUrl ?? null;
      if (!chooserUrl) return fail(t('errorNoChooser'));
      const page = await fetchPortalPage(chooserUrl);
      if (ctx.isInvalid) return;
      if (!page.ok)
        return fail(page.reason === 'session-expired' ? t('errorSessionExpired') : t('errorPortal', page.detail));
      const fetchedMenu = findAccountMenu(page.doc, profile);
      const fetchedLabel = findLabel(page.doc, profile, fetchedMenu);
      const entry = readChooser(page.doc, profile, {
        wholePage: true,
        exclude: [fetchedMenu?.container, fetchedLabel?.element].filter((e): e is Element => e !== undefined),
      })?.entries.find((e) => e.address === address);
      if (!entry) return fail(t('errorNotInChooser', name));
      if (entry.action.kind === 'link') location.assign(entry.action.href);
      else submitFetchedForm(entry.action, formHost());
    },
  };
}
