/**
 * The keyboard shortcut (the manifest's `open-switcher` command): it opens the switcher
 * in a portal tab, the current one if it is on the portal, else the first, brought to
 * the front.
 */
import { browser } from 'wxt/browser';
import type { PortalTabs } from './portal-tabs';

const OPEN_SWITCHER_COMMAND = 'open-switcher';

export function listenToShortcut(tabs: PortalTabs): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SWITCHER_COMMAND) return;
    const portal = await tabs.all();
    const [current] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const target = portal.find((tab) => tab.id === current?.id) ?? portal[0];
    if (target?.id === undefined) return;
    await browser.tabs.update(target.id, { active: true });
    if (target.windowId !== undefined) await browser.windows.update(target.windowId, { focused: true });
    await tabs.tell(target.id, { name: 'to-content:open-switcher', payload: {} });
  });
}
