/**
 * One reading of a portal page: what kind of page it is and everything the extension
 * needs from it, as plain data (it travels to the background and into diagnostics).
 * It never throws: a reader that fails leaves its part empty and says why in `problems`.
 */
import { readAccountTable } from './account-table';
import { readChooser } from './chooser';
import { findSendControls } from './compose';
import { findInboxLink, readInboxUnread } from './inbox';
import { findLabel } from './label';
import { findLoginForm } from './login';
import { findAccountMenu, linkTarget } from './menu';
import type { SelectorProfile } from './profile';

export interface ChooserEntryReading {
  address: string;
  name: string | null;
  unread: number | null;
  current: boolean;
}

export interface PortalPageReading {
  kind: 'login' | 'webmail' | 'unknown';
  label: { text: string; address: string | null } | null;
  chooserUrl: string | null;
  manageUrl: string | null;
  /** The chooser, when this page holds it (a panel, or the chooser page itself). */
  chooser: ChooserEntryReading[] | null;
  accountTable: { address: string; isDefault: boolean | null; notices: boolean | null }[] | null;
  inboxUnread: number | null;
  /** Where the « Boîte de réception » link leads (a page that changes nothing when read). */
  inboxUrl: string | null;
  sendControls: number;
  problems: string[];
}

function attempt<T>(problems: string[], what: string, read: () => T, empty: T): T {
  try {
    return read();
  } catch (error) {
    problems.push(`${what} : ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    return empty;
  }
}

/**
 * `isChooserPage`: this document was reached through the « Changer de compte » link,
 * so the chooser may fill the whole page. `pageUrl`: where this document is; when the
 * menu's chooser link leads here, this is the chooser page.
 */
export function readPortalPage(
  doc: Document,
  profile: SelectorProfile,
  options: { isChooserPage?: boolean; pageUrl?: string } = {},
): PortalPageReading {
  const problems: string[] = [];
  const menu = attempt(problems, 'menu du compte', () => findAccountMenu(doc, profile), null);
  const label = attempt(problems, 'étiquette', () => findLabel(doc, profile, menu), null);
  const withoutFragment = (url: string) => url.split('#')[0];
  const isChooserPage =
    options.isChooserPage ||
    (options.pageUrl !== undefined &&
      menu?.chooserUrl != null &&
      withoutFragment(menu.chooserUrl) === withoutFragment(options.pageUrl));
  const chooser = attempt(
    problems,
    'sélecteur de compte',
    () =>
      readChooser(doc, profile, {
        wholePage: isChooserPage,
        exclude: [menu?.container, label?.element].filter((e): e is Element => e instanceof Object),
      }),
    null,
  );
  const accountTable = attempt(problems, 'tableau des comptes', () => readAccountTable(doc, profile), null);
  const inboxUnread = attempt(problems, 'boîte de réception', () => readInboxUnread(doc, profile), null);
  const inboxUrl = attempt(
    problems,
    'lien de la boîte de réception',
    () => linkTarget(findInboxLink(doc, profile)),
    null,
  );
  const sendControls = attempt(problems, 'bouton Envoyer', () => findSendControls(doc, profile).length, 0);
  const loginForm = attempt(problems, 'formulaire de connexion', () => findLoginForm(doc), null);

  const kind = loginForm && !menu ? 'login' : menu || label || inboxUnread !== null ? 'webmail' : 'unknown';
  if (kind === 'webmail' && !label) problems.push('étiquette de la boîte active introuvable');
  if (kind === 'webmail' && !menu) problems.push('menu « Changer de compte » introuvable');
  if (kind === 'unknown') problems.push('page non reconnue comme une page du webmail');

  return {
    kind,
    label: label ? { text: label.text, address: label.address } : null,
    chooserUrl: menu?.chooserUrl ?? null,
    manageUrl: menu?.manageUrl ?? null,
    chooser: chooser
      ? chooser.entries.map(({ address, name, unread, current }) => ({ address, name, unread, current }))
      : null,
    accountTable,
    inboxUnread,
    inboxUrl,
    sendControls,
    problems,
  };
}

/** Parses fetched portal HTML so that relative links resolve against where it came from. */
export function parsePortalHtml(html: string, url: string, parser: DOMParser = new DOMParser()): Document {
  const doc = parser.parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    (doc.head ?? doc.documentElement).prepend(base);
  }
  return doc;
}
