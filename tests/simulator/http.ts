/** The small HTTP vocabulary shared by the simulator's server and its two renderings. */
import type { SafeHtml } from './html';
import type { Fault, PortalState, Session } from './state';
import type { Look, PageType } from './variations';

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export interface RequestContext {
  method: string;
  url: URL;
  /** Fields of an urlencoded form body (POST), each possibly repeated. */
  form: URLSearchParams;
  state: PortalState;
  /** The live session, when the request carries one. */
  session: Session | undefined;
  /** The request carried a session cookie that has expired: « Session invalide ». */
  staleSession: boolean;
  /** The fault applied to this request, if any (renderings honour `no-header`). */
  fault: Fault | undefined;
  /** This request's variation for a page of this type (the same one for every call of a request). */
  look(page: PageType): Look;
}

export interface Rendering {
  name: 'classic' | 'alt';
  cookieName: string;
  /** Where the home of the webmail is, for the CLI and for tests. */
  loginPath: string;
  inboxPath: string;
  /** Where a message of the active mailbox is read, by its key (as the control API returns it). */
  messagePath(key: string): string;
  /** Where a reply to that message is written: the compose form, the original shown below it (as many webmails do). */
  replyPath(key: string): string;
  handle(ctx: RequestContext): Reply;
}

export function page(body: SafeHtml | string, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: String(body),
  };
}

export function redirect(location: string, cookies: string[] = []): Reply {
  const headers: Reply['headers'] = { location, 'cache-control': 'no-store' };
  if (cookies.length) headers['set-cookie'] = cookies;
  return { status: 302, headers, body: '' };
}

export function sessionCookie(name: string, id: string): string {
  return `${name}=${id}; Path=/; HttpOnly`;
}

export function clearedCookie(name: string): string {
  return `${name}=; Path=/; HttpOnly; Max-Age=0`;
}

function text(body: string, status: number, type = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'content-type': type, 'cache-control': 'no-store' }, body };
}

export function json(value: unknown, status = 200): Reply {
  return text(JSON.stringify(value, null, 2), status, 'application/json; charset=utf-8');
}

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

export function frenchDate(date: Date): string {
  return DATE_FORMAT.format(date).replace(',', '');
}
