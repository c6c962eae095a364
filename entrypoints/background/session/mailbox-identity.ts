/**
 * Who is the active mailbox, from what the label shows and what has been learnt.
 * The guide's rule: the user's first and last name means the personal mailbox; a
 * service's name or address means an organisational one. Names are mapped to
 * addresses through the chooser's display names and through the login address
 * (« Noémie Gallorini » ↔ noemie.gallorini@…). The user's own correction always wins.
 */

import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import { fold } from '@/utils/portal/text';
import type { MailboxKind } from '@/utils/protocol/shapes';

export interface ActiveIdentity {
  kind: MailboxKind;
  /** The active mailbox's address, when it could be told. */
  address: string | null;
}

/** Words that are not names (« de », « la »…) are left out of name matching. */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'd', 'l', 'van', 'von', 'da', 'di']);

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

/**
 * Whether a person's name fits an address's local part: every word of the name
 * (particles aside) is in it, or stands there as its initial; two words at least.
 * « Noémie Gallorini » fits noemie.gallorini@ and n.gallorini@, not mss@.
 */
export function nameMatchesAddress(name: string, address: string): boolean {
  const nameWords = words(name).filter((word) => !PARTICLES.has(word));
  if (nameWords.length < 2) return false;
  const local = address.split('@')[0] ?? '';
  const localWords = words(local);
  const joined = localWords.join('');
  return nameWords.every(
    (word) => joined.includes(word) || localWords.some((part) => part.length === 1 && part === word[0]),
  );
}

/** Words that name a service, not a person: « Secrétariat de cardiologie » is no one's name. */
const SERVICE_WORDS = new Set(
  'secretariat service services pole unite consultation consultations bloc urgences urgence laboratoire labo pharmacie accueil direction cabinet centre departement equipe cellule bureau hopital clinique standard admissions medecine chirurgie cardiologie pediatrie radiologie maternite mss bal contact'.split(
    ' ',
  ),
);

export function looksLikePersonName(name: string): boolean {
  return !words(name).some((word) => SERVICE_WORDS.has(word));
}

/** The kind of a newly learnt mailbox. */
export function inferKind(
  address: string,
  displayName: string | null,
  loginAddress: string | null,
  mailboxes: readonly MailboxRecord[],
): MailboxKind {
  if (loginAddress) return address === loginAddress ? 'personal' : 'organisational';
  const personalTaken = mailboxes.some((m) => m.kind === 'personal' && m.address !== address);
  if (!personalTaken && displayName && looksLikePersonName(displayName) && nameMatchesAddress(displayName, address)) {
    return 'personal';
  }
  return 'organisational';
}

export function resolveActive(
  label: { text: string; address: string | null } | null,
  mailboxes: readonly MailboxRecord[],
  loginAddress: string | null,
): ActiveIdentity {
  if (!label) return { kind: 'unknown', address: null };
  const byAddress = (address: string) => mailboxes.find((m) => m.address === address);

  if (label.address) {
    const known = byAddress(label.address);
    if (known && (known.kindSource === 'user' || known.kind !== 'unknown')) {
      return { kind: known.kind, address: known.address };
    }
    // A label that shows an address is a service's (the personal one shows a name).
    return { kind: label.address === loginAddress ? 'personal' : 'organisational', address: label.address };
  }

  const text = fold(label.text);
  const named = mailboxes.filter((m) => fold(m.label) === text || fold(m.displayName) === text);
  if (named.length === 1) {
    const [mailbox] = named as [MailboxRecord];
    return { kind: mailbox.kind, address: mailbox.address };
  }
  if (loginAddress && nameMatchesAddress(label.text, loginAddress)) return { kind: 'personal', address: loginAddress };
  const personal = mailboxes.find((m) => m.kind === 'personal');
  if (personal && nameMatchesAddress(label.text, personal.address))
    return { kind: 'personal', address: personal.address };
  // The person's name is known and the label shows another name: a service not learnt yet.
  if (personal?.displayName && fold(personal.displayName) !== text) return { kind: 'organisational', address: null };
  return { kind: 'unknown', address: null };
}
