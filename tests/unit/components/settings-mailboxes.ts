/** Mailboxes as the settings view gives them, for tests of the extension pages: a service unless told otherwise. */
import type { SettingsView } from '@/utils/protocol/messages';

export type SettingsMailbox = SettingsView['mailboxes'][number];

export function settingsMailbox(address: string, name: string, more: Partial<SettingsMailbox> = {}): SettingsMailbox {
  return {
    address,
    name,
    displayName: name,
    label: null,
    kind: 'organisational',
    kindSource: 'inferred',
    colour: '#0072B2',
    textColour: '#FFFFFF',
    watched: true,
    confirmBeforeSend: true,
    sound: false,
    unread: 0,
    portalDefault: false,
    locked: [],
    ...more,
  };
}
