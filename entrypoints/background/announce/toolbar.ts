/**
 * The badge (badge.ts decides it) put on the toolbar button: its text, colour and
 * tooltip. The button's API is `action` in MV3 and `browserAction` in Firefox's MV2,
 * which WXT's types do not unite, hence the casts.
 */
import { browser } from 'wxt/browser';
import type { Badge } from './badge';

/** What is used of the toolbar button's API. */
type ToolbarButton = {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
};

export function createToolbarBadge(): (badge: Badge) => Promise<void> {
  const toolbar = ((browser as unknown as { action?: ToolbarButton }).action ??
    (browser as unknown as { browserAction: ToolbarButton }).browserAction) as ToolbarButton;
  return async (badge) => {
    await toolbar.setBadgeText({ text: badge.text });
    await toolbar.setBadgeBackgroundColor({ color: badge.colour });
    await toolbar.setTitle({ title: badge.title });
  };
}
