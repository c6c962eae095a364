/**
 * Feature: the preferred mailbox at login. A login form submitted on the portal starts
 * a new session in the background's eyes (with the login address, which tells the
 * personal mailbox); on the first webmail page after it, the background may answer
 * « switch to X » once: this fixes the guide's first-login quirk, where the default
 * account is not opened. A later manual switch is left alone.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '@/utils/message-client';
import { findLoginForm, loginFieldValue } from '@/utils/portal/login';
import { isAddress } from '@/utils/portal/text';
import type { PortalView } from '@/utils/schemas';
import type { Switcher } from './switcher';

export function watchLogins(ctx: ContentScriptContext): void {
  ctx.addEventListener(
    window,
    'submit',
    (event: SubmitEvent) => {
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
