/**
 * The banner as the content script mounts it: a static « checking » shell at
 * document_start that asks nothing of the browser's message catalogue (read
 * synchronously on first use), its words from the background's answer, then the real
 * banner, which obeys the user only: the page can reach into its open shadow root.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BANNER_TAG, mountBanner } from '@/entrypoints/portal.content/banner';
import type { Lifetime } from '@/entrypoints/portal.content/lifetime';
import { createTabState } from '@/entrypoints/portal.content/tab-state';
import type { BannerActions } from '@/entrypoints/portal.content/ui/Banner';
import type { frenchMessage } from '../setup';
import { asUser, reloadExtension, startContentScript } from './support';
import { bannerActions, otherMailbox, portalView } from './views';

// happy-dom has no top layer nor hit testing: the question counts as seen (the browsers
// prove the real check, tests/e2e/paint-over.e2e.ts; the refusal is tested in ui/banner.test.ts).
vi.mock('@/entrypoints/portal.content/ui/SendGuardDialog', async (original) => ({
  ...(await original<typeof import('@/entrypoints/portal.content/ui/SendGuardDialog')>()),
  isDialogSeen: () => true,
}));

const noActions = new Proxy({}, { get: () => () => undefined }) as BannerActions;
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('banner mount', () => {
  let lifetime: Lifetime;
  beforeEach(() => {
    document.documentElement.innerHTML = '<head><title>Medimail</title></head><body><p>portail</p></body>';
    lifetime = startContentScript().lifetime;
  });
  afterEach(() => {
    reloadExtension();
    vi.restoreAllMocks();
  });

  it('stands first in <html> at once, without asking for any message', () => {
    const getMessage = vi.spyOn(browser.i18n as unknown as { getMessage: typeof frenchMessage }, 'getMessage');
    const shadow = mountBanner(lifetime, createTabState(), noActions);
    const host = document.documentElement.firstElementChild as HTMLElement;
    expect(host.tagName.toLowerCase()).toBe(BANNER_TAG);
    expect(host.getAttribute('data-kind')).toBe('unknown');
    expect(shadow.querySelector('[role="status"]')?.textContent).toBe('');
    expect(getMessage).not.toHaveBeenCalled();
    expect(host.hasAttribute('lang')).toBe(false);
  });

  it("says « checking » in the background's words, then shows the mailbox, and leaves with the extension", async () => {
    const tab = createTabState();
    const shadow = mountBanner(lifetime, tab, noActions);
    tab.set({ collapsedHint: true, checkingText: 'Vérification…' });
    await settle();
    expect(shadow.querySelector('[role="status"]')?.textContent).toBe('Vérification…');
    expect(shadow.querySelector('.bar')?.classList.contains('collapsed')).toBe(true);

    tab.set({ view: portalView() });
    await settle();
    const host = document.querySelector(BANNER_TAG) as HTMLElement;
    expect(host.getAttribute('data-kind')).toBe('organisational');
    expect(host.getAttribute('data-address')).toBe('cardio@chu.fr');
    // Its words' language, from the catalogue in use (the portal's page may say another).
    expect(host.getAttribute('lang')).toBe('fr');
    expect(shadow.textContent).toContain('Secrétariat de cardiologie');

    reloadExtension();
    expect(document.querySelector(BANNER_TAG)).toBeNull();
  });

  it('puts its bar back on top after the page opens something in the top layer, or after a click there', async () => {
    vi.useFakeTimers();
    const shadow = mountBanner(lifetime, createTabState(), noActions);
    const layer = shadow.querySelector('[popover]') as HTMLElement;
    const shown = vi.spyOn(layer, 'showPopover');
    document.body.dispatchEvent(new Event('toggle', { bubbles: false }));
    document.body.querySelector('p')?.click();
    vi.runAllTimers();
    expect(shown).toHaveBeenCalledTimes(2);
    // A click in the banner itself changes nothing of the top layer.
    (shadow.querySelector('.bar') as HTMLElement).click();
    vi.runAllTimers();
    expect(shown).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  describe('obeys the user only', () => {
    const guard = { message: 'Ce message partira au nom du service X.', confirmLabel: 'Envoyer', canSilence: true };
    const actions = bannerActions;
    const click = (element: Element | null | undefined, event = new MouseEvent('click', { bubbles: true })) =>
      element?.dispatchEvent(event);
    const userClick = () => asUser(new MouseEvent('click', { bubbles: true, cancelable: true }));

    async function mounted(act: BannerActions, view = portalView({}, { others: [otherMailbox(1)] })) {
      const tab = createTabState();
      const shadow = mountBanner(lifetime, tab, act);
      tab.set({ view, guard });
      await settle();
      return { tab, shadow };
    }

    it('ignores a page script’s clicks, keys and changes: no switch, confirm, silence, collapse or reload', async () => {
      const act = actions();
      const { tab, shadow } = await mounted(act);
      (shadow.querySelector('[data-switch-to]') as HTMLElement).click();
      (shadow.querySelector('[data-action="collapse"]') as HTMLElement).click();
      const checkbox = shadow.querySelector('input[type=checkbox]') as HTMLInputElement;
      checkbox.click();
      expect(checkbox.checked).toBe(false);
      checkbox.checked = true;
      checkbox.dispatchEvent(new Event('change', { bubbles: true }));
      const dialog = shadow.querySelector('[role="alertdialog"]') as HTMLElement;
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      (shadow.querySelector('[data-action="confirm-send"]') as HTMLElement).click();
      (shadow.querySelector('[data-action="cancel-send"]') as HTMLElement).click();
      for (const action of Object.values(act)) expect(action).not.toHaveBeenCalled();

      // The silence box keeps the user's answer (none), whatever the script made it show.
      click(shadow.querySelector('[data-action="confirm-send"]'), userClick());
      expect(act.confirmSend).toHaveBeenCalledWith(false);

      tab.set({ guard: null, view: portalView({}, { stale: { address: null, name: 'MSS' } }) });
      await settle();
      (shadow.querySelector('[data-action="notice"]') as HTMLElement).click();
      expect(act.reload).not.toHaveBeenCalled();
    });

    it('acts on the user’s own events', async () => {
      const act = actions();
      const { shadow } = await mounted(act);
      click(shadow.querySelector('[data-switch-to]'), userClick());
      expect(act.switchTo).toHaveBeenCalledWith('service1@chu.fr');
      click(shadow.querySelector('[data-action="collapse"]'), userClick());
      expect(act.setCollapsed).toHaveBeenCalledWith(true);
      click(shadow.querySelector('#repere-bal-guard-silence'), userClick());
      await settle();
      const dialog = shadow.querySelector('[role="alertdialog"]') as HTMLElement;
      dialog.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
      expect(act.confirmSend).toHaveBeenCalledWith(true);
    });

    it('refuses even a trusted click once a label in its tree could have forwarded it', async () => {
      const act = actions();
      const { shadow } = await mounted(act);
      const target = shadow.querySelector('[data-switch-to]') as HTMLElement;
      target.id = 'forwarded';
      shadow.append(Object.assign(document.createElement('label'), { htmlFor: 'forwarded' }));
      click(target, userClick());
      expect(act.switchTo).not.toHaveBeenCalled();
    });
  });
});
