/**
 * Feature: the preferred mailbox at login. A login form submitted on the portal starts
 * a new session in the background's eyes (with the login address, which tells the
 * personal mailbox); on the first webmail page after it, the background may answer
 * « switch to X » once: this fixes the guide's first-login quirk, where the default
 * account is not opened. A later manual switch is left alone.
 *
 * Only a submission on the login page counts: a webmail page shows message bodies
 * written by strangers, and one may hold a look-alike login form.
 */

import { findLoginForm, loginFieldValue } from '@/utils/portal/login';
import { isAddress } from '@/utils/portal/text';
import { sendToBackground } from '@/utils/protocol/client';
import type { PortalView } from '@/utils/protocol/shapes';
import type { Lifetime } from './lifetime';
import type { Switcher } from './switcher';
import type { TabState } from './tab-state';

export function watchLogins(lifetime: Lifetime, tab: TabState): void {
  lifetime.addEventListener(
    window,
    'submit',
    (event: SubmitEvent) => {
      // An untrusted submit event submits nothing, so it is no login. A trusted one is no
      // proof of the user either (a page script's form.requestSubmit() fires a trusted
      // submit): the background counts the address only once the portal confirms it.
      if (!event.isTrusted || tab.get().reading?.kind !== 'login') return;
      const form = event.target as HTMLFormElement | null;
      if (!form || form !== findLoginForm(document)) return;
      const address = loginFieldValue(form).toLowerCase();
      // Only the address: the password is never read.
      if (isAddress(address)) void sendToBackground('content:login-submitted', { address });
    },
    { capture: true },
  );
}

/** The background's « switch now »: the preferred mailbox after login, or a notification's. */
export function applySwitchNow(view: PortalView, switcher: Switcher): void {
  if (view.switchNow)
    void switcher.switchTo(view.switchNow.address, view.switchNow.reason === 'preferred' ? 'preferred' : 'user');
}
