/**
 * What the session's tests share: the portal's addresses and chooser, a page reading,
 * and a store on fake-indexeddb with a fixed clock through which pages are seen, logins
 * made and switches asked (entrypoints/background/session/observation.ts and the rest).
 */
import { recordSwitchRequest } from '@/entrypoints/background/session/active-mailbox';
import { recordLogin } from '@/entrypoints/background/session/login';
import { applyObservation } from '@/entrypoints/background/session/observation';
import type { Observation } from '@/entrypoints/background/session/observation-types';
import { RepereDb } from '@/entrypoints/background/storage/db';
import { Store } from '@/entrypoints/background/storage/store';
import type { PortalFrame } from '@/utils/portal/frame';
import type { PageReadingPayload } from '@/utils/protocol/shapes';

export const NOEMIE = 'noemie.gallorini@esante-occitanie.fr';
export const MSS = 'mss@esante-occitanie.fr';
export const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';
export const CHOOSER_URL = 'https://medimail.mipih.fr/?m=comptes';
export const MANAGE_URL = 'https://medimail.mipih.fr/?m=compte';
export const PORTAL_ORIGIN = 'https://medimail.mipih.fr';

export const CHOOSER = [
  { address: NOEMIE, name: 'Noémie Gallorini', unread: 1, current: true },
  { address: MSS, name: 'MSS eSanté Occitanie', unread: 2, current: false },
  { address: CARDIO, name: 'Secrétariat de cardiologie', unread: 0, current: false },
];

/** A frame as the menu's pages teach it (utils/portal/frame.ts): the menu and label in a header, the content beside it. */
export const FRAME: PortalFrame = {
  version: 2,
  steps: [
    { tag: 'div', role: null, id: 'bandeau', classes: [] },
    { tag: 'ul', role: null, id: null, classes: [] },
    { tag: 'li', role: null, id: null, classes: [] },
    { tag: 'a', role: null, id: null, classes: [] },
    { tag: 'a', role: null, id: 'etiquette', classes: [] },
    { tag: 'div', role: null, id: 'page', classes: [] },
  ],
  switchEntry: [0, 1, 2, 3],
  label: [0, 4],
  inboxLink: null,
  chooserPanel: null,
  content: [5],
};

/** A believed reading (`trust: 'frame'`) of a webmail page whose label shows `label`. */
export function reading(label: string | null, extra: Partial<PageReadingPayload> = {}): PageReadingPayload {
  return {
    kind: 'webmail',
    trust: 'frame',
    menuPage: null,
    label: label === null ? null : { text: label, address: label.includes('@') ? label : null },
    chooserUrl: CHOOSER_URL,
    manageUrl: MANAGE_URL,
    chooser: null,
    accountTable: null,
    inboxUnread: null,
    inboxUrl: 'https://medimail.mipih.fr/?m=liste&f=1&o=date&p=1',
    sendControls: 0,
    frame: null,
    problems: [],
    ...extra,
  };
}

let n = 0;
export function harness() {
  n += 1;
  const store = new Store(new RepereDb(`test-session-${n}-${Date.now()}`));
  let now = 1_000_000;
  return {
    store,
    tick: (ms: number) => {
      now += ms;
      return now;
    },
    get now() {
      return now;
    },
    see: async (observation: Partial<Observation> & { reading: PageReadingPayload }) =>
      (
        await store.update((state) =>
          applyObservation(
            state,
            { observedAt: now, pageOrigin: PORTAL_ORIGIN, discovered: null, ...observation },
            now,
          ),
        )
      ).result,
    login: (address: string) => store.update((state) => recordLogin(state, address, now)),
    requestSwitch: (address: string) => store.update((state) => recordSwitchRequest(state, address, now)),
  };
}
