/**
 * A small browser-like HTTP client for the simulator's own tests: a cookie jar,
 * redirects followed (and recorded), pages parsed into a DOM, forms submitted as a
 * browser would. It finds things by their texts and roles, as the contract says,
 * so one test runs unchanged on both renderings.
 */
import { Window } from 'happy-dom';
import type { Simulator } from './server';
import type { PortalState } from './state';

export interface PortalPage {
  url: string;
  status: number;
  /** Every URL redirected through before this page. */
  redirects: string[];
  doc: Document;
  html: string;
}

/** Texts are compared case-insensitively with white space folded (the contract's rule). */
export function fold(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}

export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The elements matching `selector` whose own text (or value, for inputs) contains `text`. */
export function allByText(root: ParentNode, selector: string, text: string): Element[] {
  const wanted = fold(text);
  return [...root.querySelectorAll(selector)].filter((element) => {
    const shown = element.tagName === 'INPUT' ? (element as HTMLInputElement).value : element.textContent;
    return fold(shown).includes(wanted);
  });
}

export function byText(root: ParentNode, selector: string, text: string): Element {
  const [first] = allByText(root, selector, text);
  if (!first) throw new Error(`no ${selector} with text « ${text} »`);
  return first;
}

export class PortalClient {
  private readonly cookies = new Map<string, string>();
  private readonly window = new Window();

  constructor(readonly sim: Simulator) {}

  get cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(path: string): Promise<PortalPage> {
    return this.request(this.sim.at(path), { method: 'GET' });
  }

  async post(path: string, fields: URLSearchParams): Promise<PortalPage> {
    return this.request(this.sim.at(path), { method: 'POST', body: fields });
  }

  /** Submits `form` as a browser would: its fields, the submitter's value, then overrides. */
  async submit(
    page: PortalPage,
    form: Element,
    submitter?: Element,
    overrides: Record<string, string | string[]> = {},
  ): Promise<PortalPage> {
    const fields = new URLSearchParams();
    for (const input of form.querySelectorAll('input, textarea, select')) {
      const name = input.getAttribute('name');
      if (!name) continue;
      const type = input.getAttribute('type') ?? 'text';
      if (type === 'submit' || type === 'button') continue;
      if ((type === 'checkbox' || type === 'radio') && !(input as HTMLInputElement).checked) continue;
      fields.append(name, (input as HTMLInputElement).value);
    }
    const submitterName = submitter?.getAttribute('name');
    if (submitterName) fields.append(submitterName, submitter?.getAttribute('value') ?? '');
    for (const [name, value] of Object.entries(overrides)) {
      fields.delete(name);
      for (const item of Array.isArray(value) ? value : [value]) fields.append(name, item);
    }
    const action = new URL(form.getAttribute('action') ?? page.url, page.url).toString();
    const method = (form.getAttribute('method') ?? 'get').toUpperCase();
    if (method === 'GET') return this.request(`${action.split('?')[0]}?${fields}`, { method: 'GET' });
    return this.request(action, { method: 'POST', body: fields });
  }

  /** Logs in through the login page's form (the one with a password field). */
  async login(login: string, password: string): Promise<PortalPage> {
    const start = await this.get('/');
    const form = start.doc.querySelector('input[type=password]')?.closest('form');
    if (!form) throw new Error('no login form on the portal home');
    const textField = form.querySelector('input[type=text], input[type=email]');
    const passwordField = form.querySelector('input[type=password]');
    return this.submit(start, form, undefined, {
      [textField?.getAttribute('name') ?? 'login']: login,
      [passwordField?.getAttribute('name') ?? 'password']: password,
    });
  }

  private async request(url: string, init: { method: string; body?: URLSearchParams }): Promise<PortalPage> {
    const redirects: string[] = [];
    let current = url;
    let method = init.method;
    let body = init.body;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await fetch(current, {
        method,
        body,
        redirect: 'manual',
        headers: {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = header.split(';');
        const [name = '', ...value] = pair.split('=');
        const expired = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
        if (expired) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        redirects.push(current);
        current = new URL(location, current).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      const html = await response.text();
      const doc = new this.window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      return { url: current, status: response.status, redirects, doc, html };
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** What the control API's state read-out returns (the snapshot, through JSON). */
export type SimulatorSnapshot = ReturnType<PortalState['snapshot']>;

export interface ControlReply {
  ok?: boolean;
  error?: string;
  keys?: string[];
  unread?: number;
  expired?: number;
}

/** The control API, over HTTP as any test suite would drive it. */
export async function control(
  sim: Simulator,
  route: string,
  body: unknown = {},
): Promise<{ status: number; json: ControlReply }> {
  const response = await fetch(sim.at(`/__control/${route}`), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, json: (await response.json()) as ControlReply };
}

/** Shows or hides the chooser's unread counts (docs/portal-contract.md, point 3); reset shows them. */
export async function setChooserCounts(sim: Simulator, shown: boolean): Promise<void> {
  const { status, json } = await control(sim, 'chooser-counts', { shown });
  if (status !== 200) throw new Error(`chooser-counts: ${status} ${json.error ?? ''}`);
}

export async function controlState(sim: Simulator): Promise<SimulatorSnapshot> {
  const response = await fetch(sim.at('/__control/state'));
  return (await response.json()) as SimulatorSnapshot;
}
