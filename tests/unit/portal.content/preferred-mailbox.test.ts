/**
 * Logins are seen on the login page only: a webmail page shows message bodies written by
 * strangers, and one may hold a look-alike login form.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { Lifetime } from '@/entrypoints/portal.content/lifetime';
import { watchLogins } from '@/entrypoints/portal.content/preferred-mailbox';
import { createTabState, type TabState } from '@/entrypoints/portal.content/tab-state';
import type { PortalPageReading } from '@/utils/portal/page';
import { asUser, reloadExtension, startContentScript } from './support';

describe('watchLogins', () => {
  let lifetime: Lifetime;
  let tab: TabState;
  let sendMessage: MockInstance;
  beforeEach(() => {
    document.documentElement.innerHTML = `<head></head><body><form>
      <input type="email" value="Noemie.Gallorini@chu.fr"><input type="password" value="secret">
      <button>Se connecter</button></form></body>`;
    lifetime = startContentScript().lifetime;
    tab = createTabState();
    sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: null } as never);
    watchLogins(lifetime, tab);
  });
  afterEach(() => {
    reloadExtension();
    vi.restoreAllMocks();
  });

  const submit = (event: SubmitEvent) => document.querySelector('form')?.dispatchEvent(event);
  const userSubmit = () => asUser(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
  const pageOfKind = (kind: PortalPageReading['kind']) => tab.set({ reading: { kind } as PortalPageReading });

  it('reports the address of a login form submitted on the login page, never the password', () => {
    pageOfKind('login');
    submit(userSubmit());
    expect(sendMessage).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledWith({
      name: 'content:login-submitted',
      payload: { address: 'noemie.gallorini@chu.fr' },
    });
  });

  it('ignores a password form submitted on a webmail page, or before the page is read', () => {
    submit(userSubmit());
    pageOfKind('webmail');
    submit(userSubmit());
    pageOfKind('unknown');
    submit(userSubmit());
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('ignores a submit event dispatched by a script, which submits nothing', () => {
    pageOfKind('login');
    submit(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
