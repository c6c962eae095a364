/**
 * Who is logged in. A login form submitted on the portal's login page starts a new
 * session, but the address typed is only claimed, since a form can be submitted with
 * any address (a fake one in a message, SECURITY.md): it becomes the login address
 * once the portal shows it as a person's own mailbox (label or chooser), and only then
 * are the kinds nobody confirmed inferred again from it. Pure functions over the
 * stored state, with the clock passed in.
 */

import type { StoredState } from '@/entrypoints/background/storage/store';
import type { ChooserEntry, MailboxKind, PageReadingPayload } from '@/utils/protocol/shapes';
import { looksLikePersonName, nameMatchesAddress } from './mailbox-identity';
import { defaultColour } from './mailboxes';

/**
 * A login form was submitted on the portal's login page: a new session starts. The
 * address typed is only claimed: it tells the personal mailbox once the portal shows
 * it as such (see confirmClaimedLogin), since a form can be submitted with any address.
 */
export function recordLogin(
  state: StoredState,
  claimedAddress: string,
  now: number,
): { state: StoredState; result: null } {
  const { portal } = state;
  // Someone else on this workstation: the previous person's accounts are not shown, nor
  // their default taken for this person's, until the chooser is read. With no login
  // confirmed (a claim lost as its page unloaded), accounts that do not hold the address
  // typed are someone else's too.
  const accounts = portal.sessionAccounts;
  const samePerson =
    portal.loginAddress === claimedAddress ||
    (portal.loginAddress === null && (accounts === null || accounts.includes(claimedAddress)));
  if (!samePerson) portal.sessionAccounts = [];
  portal.claimedLogin = { address: claimedAddress, at: now };
  portal.loginSeq += 1;
  portal.loginAt = now;
  portal.pendingLogin = true;
  portal.loginFirstLabel = null;
  portal.expectedSwitch = null;
  portal.failedSwitch = null;
  return { state, result: null };
}

/** Whether a believed reading (or the chooser its discovery read) shows the claimed login address as a person's own mailbox. */
function confirmsLogin(
  reading: PageReadingPayload | null,
  claimed: string,
  discoveredChooser: readonly ChooserEntry[] | null,
): boolean {
  const isPersonFor = (name: string | null | undefined) =>
    typeof name === 'string' && looksLikePersonName(name) && nameMatchesAddress(name, claimed);
  if (isPersonFor(reading?.label?.text)) return true;
  return [...(reading?.chooser ?? []), ...(discoveredChooser ?? [])].some(
    (entry) => entry.address === claimed && isPersonFor(entry.name),
  );
}

/** Re-infers the kinds nobody confirmed, once the login address is known. */
function reinferKinds(state: StoredState): void {
  const login = state.portal.loginAddress;
  if (!login) return;
  for (const mailbox of state.mailboxes) {
    if (mailbox.kindSource === 'user') continue;
    const kind: MailboxKind = mailbox.address === login ? 'personal' : 'organisational';
    if (kind !== mailbox.kind) {
      const hadDefaultColour = mailbox.colour === defaultColour(mailbox.kind, state.mailboxes);
      mailbox.kind = kind;
      if (hadDefaultColour || kind === 'personal') mailbox.colour = defaultColour(kind, state.mailboxes);
      if (mailbox.confirmBeforeSend === null) mailbox.watched = kind === 'organisational';
    }
  }
}

/**
 * The claimed login address counts once a believed page (or the chooser read for it)
 * shows it as the person's own mailbox; the kinds are then inferred again.
 */
export function confirmClaimedLogin(
  state: StoredState,
  reading: PageReadingPayload | null,
  discoveredChooser: readonly ChooserEntry[] | null,
): void {
  const { portal } = state;
  const claim = portal.claimedLogin;
  if (!claim || !confirmsLogin(reading, claim.address, discoveredChooser)) return;
  portal.loginAddress = claim.address;
  portal.claimedLogin = null;
  reinferKinds(state);
}
