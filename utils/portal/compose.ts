/**
 * The compose form's « Envoyer » control: a submit button or input, or any button-like
 * element, whose text (or value) is « Envoyer ». The send guard stands in front of it.
 */

import { linkTarget } from './menu';
import { queryHintAll, type SelectorProfile } from './profile';
import { isEntryText, shownText, startsWithAny } from './text';

const SEND_CANDIDATES = 'button, input[type=submit], input[type=button], input[type=image], [role=button]';

function isSendControl(element: Element, profile: SelectorProfile): boolean {
  if (!element.matches(SEND_CANDIDATES)) return false;
  const text = shownText(element) || element.getAttribute('aria-label') || element.getAttribute('title') || '';
  return startsWithAny(text, profile.texts.send);
}

/** The send control that `target` (an event's target) is, or sits in. */
export function sendControlAt(target: EventTarget | null, profile: SelectorProfile): Element | null {
  if (!target || typeof (target as Element).closest !== 'function') return null;
  const candidate = (target as Element).closest(SEND_CANDIDATES);
  return candidate && isSendControl(candidate, profile) ? candidate : null;
}

/** A form that sends mail: it holds a send control (or is named by a hint). */
export function isComposeForm(form: HTMLFormElement, profile: SelectorProfile): boolean {
  if (queryHintAll(form.ownerDocument, profile.hints.composeForm).includes(form)) return true;
  return [...form.querySelectorAll(SEND_CANDIDATES)].some((el) => isSendControl(el, profile));
}

export function findSendControls(doc: Document, profile: SelectorProfile): Element[] {
  return [...doc.querySelectorAll(SEND_CANDIDATES)].filter((el) => isSendControl(el, profile));
}

/**
 * The words of a link to a new message. The contract names none (only « Envoyer » on the
 * form), so these are the usual ones; the compatibility check is the only reader, and only
 * on the menu's own pages, where no mail is shown.
 */
const COMPOSE_LINK_TEXTS = ['Nouveau message', 'Écrire un message', 'Rédiger un message', 'Écrire', 'Rédiger'];

/** The page's one link to a new message on its own origin, or null (none, or several: not told apart). */
export function findComposeLink(doc: Document, pageUrl: string): string | null {
  const links = [...doc.querySelectorAll('a[href]')].filter((link) => isEntryText(shownText(link), COMPOSE_LINK_TEXTS));
  if (links.length !== 1) return null;
  return linkTarget(links[0] as Element, pageUrl);
}
