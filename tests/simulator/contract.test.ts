/**
 * The simulator keeps every point of docs/portal-contract.md, in both renderings. The
 * tests find things as the contract allows (texts, roles, forms), never by the
 * renderings' own markup, so the same test body runs on both.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allByText, byText, control, controlState, fold, PortalClient, type PortalPage, textOf } from './client';
import { DEMO, HOSTILE_SERVICE_NAME } from './seed';
import { type RenderingName, type Simulator, startSimulator } from './server';

const RENDERINGS: RenderingName[] = ['classic', 'alt'];

/**
 * The label: the innermost element whose whole text is `text`, outside forms, tables,
 * dialogs and hidden parts (where the chooser and lists also name accounts).
 */
function labelShowing(page: PortalPage, text: string): Element | undefined {
  const matches = [...page.doc.querySelectorAll('body *')].filter(
    (el) => fold(el.textContent) === fold(text) && !el.closest('form, table, main, [role=dialog], [hidden]'),
  );
  return matches.find((el) => !matches.some((other) => other !== el && el.contains(other)));
}

function logoutEntry(page: PortalPage): Element | undefined {
  return [...page.doc.querySelectorAll('a, button')].find((el) => /d[ée]connex|d[ée]connect/i.test(textOf(el)));
}

function isLoginPage(page: PortalPage): boolean {
  return page.doc.querySelector('form input[type=password]') !== null;
}

/** The chooser: the page behind the « Changer de compte » link, or the panel in place. */
async function openChooser(client: PortalClient, page: PortalPage): Promise<{ page: PortalPage; root: ParentNode }> {
  const entry = byText(page.doc, 'a, button', 'Changer de compte');
  const href = entry.getAttribute('href');
  if (entry.tagName === 'A' && href && href !== '#') {
    const chooserPage = await client.get(new URL(href, page.url).toString());
    return { page: chooserPage, root: chooserPage.doc };
  }
  const heading = allByText(page.doc, 'h1, h2, h3', 'Changer de compte')[0];
  const panel = heading?.closest('[role=dialog], dialog, section, aside');
  if (!panel) throw new Error('no chooser panel in the page');
  return { page, root: panel };
}

function chooserEntry(root: ParentNode, address: string) {
  const submitters = [...root.querySelectorAll('button, input[type=submit]')];
  for (const submitter of submitters) {
    const entry = submitter.closest('li, tr') ?? submitter;
    if (textOf(entry).toLowerCase().includes(address)) {
      const form = submitter.closest('form');
      if (form) return { entry, form, submitter };
    }
  }
  throw new Error(`no chooser entry for ${address}`);
}

async function switchTo(client: PortalClient, page: PortalPage, address: string): Promise<PortalPage> {
  const chooser = await openChooser(client, page);
  const { form, submitter } = chooserEntry(chooser.root, address);
  return client.submit(chooser.page, form, submitter);
}

function inboxCount(page: PortalPage): number | null {
  const link = byText(page.doc, 'a', 'Boîte de réception');
  const digits = /(\d+)/.exec(textOf(link));
  return digits ? Number(digits[1]) : null;
}

async function manageAccounts(client: PortalClient, page: PortalPage): Promise<PortalPage> {
  const link = byText(page.doc, 'a', 'Gérer votre compte Medimail');
  return client.get(new URL(link.getAttribute('href') ?? '', page.url).toString());
}

function accountTable(page: PortalPage): HTMLTableElement {
  const table = [...page.doc.querySelectorAll('table')].find(
    (t) =>
      allByText(t, 'th', 'Compte par défaut').length > 0 &&
      allByText(t, 'th', 'Notif de réception vers compte de connexion').length > 0,
  );
  if (!table) throw new Error('no account table');
  return table as HTMLTableElement;
}

function accountRow(table: HTMLTableElement, address: string): Element {
  const row = [...table.querySelectorAll('tr')].find((tr) => textOf(tr).toLowerCase().includes(address));
  if (!row) throw new Error(`no row for ${address}`);
  return row;
}

/** The checkbox of a row labelled « Définir comme compte par défaut » (by <label for>, wrapping label). */
function defaultCheckbox(row: Element): HTMLInputElement {
  for (const box of row.querySelectorAll('input[type=checkbox]')) {
    const id = box.getAttribute('id');
    const label = box.closest('label') ?? (id ? row.querySelector(`label[for="${id}"]`) : null);
    if (label && fold(label.textContent).includes(fold('Définir comme compte par défaut')))
      return box as HTMLInputElement;
  }
  throw new Error('no default checkbox');
}

function noticeCheckbox(row: Element): HTMLInputElement {
  const box = [...row.querySelectorAll('input[type=checkbox]')].find((b) => b !== defaultCheckbox(row));
  if (!box) throw new Error('no notice checkbox');
  return box as HTMLInputElement;
}

async function composeAndSend(
  client: PortalClient,
  page: PortalPage,
  to: string,
  subject: string,
): Promise<PortalPage> {
  const compose = await client.get(
    new URL(byText(page.doc, 'a', 'message').getAttribute('href') ?? '', page.url).toString(),
  );
  const send = byText(compose.doc, 'button, input[type=submit]', 'Envoyer');
  const form = send.closest('form');
  if (!form) throw new Error('no compose form');
  const fieldNamed = (...labels: string[]) => {
    const label = labels.flatMap((text) => allByText(compose.doc, 'label', text))[0];
    const id = label?.getAttribute('for');
    const field = id ? compose.doc.getElementById(id) : label?.querySelector('input');
    if (!field) throw new Error(`no field labelled ${labels.join(' or ')}`);
    return field.getAttribute('name') ?? '';
  };
  return client.submit(compose, form, send, { [fieldNamed('Destinataires', 'À')]: to, [fieldNamed('Objet')]: subject });
}

describe.each(RENDERINGS)('simulator, %s rendering', (rendering) => {
  let sim: Simulator;
  let client: PortalClient;

  beforeAll(async () => {
    sim = await startSimulator({ rendering });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await control(sim, 'reset');
    client = new PortalClient(sim);
  });

  describe('1. login', () => {
    it('refuses a login that is not an address', async () => {
      const page = await client.login('noemie', DEMO.password);
      expect(isLoginPage(page)).toBe(true);
      expect(fold(page.doc.body.textContent)).toContain(fold('Le login doit être une adresse mail valide.'));
    });

    it('refuses a wrong password', async () => {
      const page = await client.login(DEMO.login, 'mauvais');
      expect(isLoginPage(page)).toBe(true);
      expect(fold(page.doc.body.textContent)).toContain(fold("Echec de l'authentification."));
    });

    it('opens the webmail with a session cookie', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      expect(isLoginPage(page)).toBe(false);
      expect(client.cookieNames).toHaveLength(1);
      expect(byText(page.doc, 'a', 'Boîte de réception')).toBeTruthy();
    });

    it('sends any webmail request without a session to the login page', async () => {
      const page = await client.get(sim.rendering.inboxPath);
      expect(isLoginPage(page)).toBe(true);
      const state = await controlState(sim);
      expect(state.sessions).toHaveLength(0);
    });

    it('says « Session invalide » once the session has expired', async () => {
      await client.login(DEMO.login, DEMO.password);
      await control(sim, 'expire-sessions');
      const page = await client.get(sim.rendering.inboxPath);
      expect(isLoginPage(page)).toBe(true);
      expect(fold(page.doc.body.textContent)).toContain(fold('Session invalide'));
    });

    it('logs out from the label menu', async () => {
      const inbox = await client.login(DEMO.colleague, DEMO.password);
      const logout = logoutEntry(inbox);
      const page = await client.get(new URL(logout?.getAttribute('href') ?? '', inbox.url).toString());
      expect(isLoginPage(page)).toBe(true);
      expect((await controlState(sim)).sessions).toHaveLength(0);
    });
  });

  describe('2. the label and its menu', () => {
    it('shows the first and last name on the personal mailbox', async () => {
      const page = await client.login(DEMO.colleague, DEMO.password);
      expect(labelShowing(page, 'Julien Martin')).toBeTruthy();
    });

    it("shows the service's address or name on an organisational mailbox", async () => {
      // Second login: the default account (mss@) is honoured, and its label shows the address.
      await new PortalClient(sim).login(DEMO.login, DEMO.password);
      const mss = await client.login(DEMO.login, DEMO.password);
      expect(labelShowing(mss, DEMO.services.mss)).toBeTruthy();
      const cardio = await switchTo(client, mss, DEMO.services.cardio);
      expect(labelShowing(cardio, 'Secrétariat de cardiologie')).toBeTruthy();
    });

    it('renders a service name with markup as text', async () => {
      const page = await switchTo(client, await client.login(DEMO.login, DEMO.password), DEMO.services.urgences);
      const label = labelShowing(page, HOSTILE_SERVICE_NAME);
      expect(label).toBeTruthy();
      expect(page.doc.querySelector('img[src=x]')).toBeNull();
      expect(page.doc.querySelector('b')).toBeNull();
    });

    it('holds « Changer de compte », « Gérer votre compte Medimail » and a logout entry', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      expect(allByText(page.doc, 'a, button', 'Changer de compte')).toHaveLength(1);
      expect(allByText(page.doc, 'a, button', 'Gérer votre compte Medimail')).toHaveLength(1);
      expect(logoutEntry(page)).toBeTruthy();
    });

    it('can serve pages without the header (fault)', async () => {
      const page = await client.login(DEMO.colleague, DEMO.password);
      await control(sim, 'fault', { kind: 'no-header', count: 1 });
      const broken = await client.get(page.url);
      expect(labelShowing(broken, 'Julien Martin')).toBeUndefined();
      expect(allByText(broken.doc, 'a, button', 'Changer de compte')).toHaveLength(0);
      const healed = await client.get(page.url);
      expect(labelShowing(healed, 'Julien Martin')).toBeTruthy();
    });
  });

  describe('3. switching through the account chooser', () => {
    it('lists every account with its address and unread count', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      const { root } = await openChooser(client, page);
      const state = await controlState(sim);
      for (const address of [DEMO.login, ...Object.values(DEMO.services)]) {
        const { entry } = chooserEntry(root, address);
        const rest = textOf(entry).toLowerCase().replace(address, '');
        expect(rest).toMatch(new RegExp(`(^|\\D)${state.unread[address]}(\\D|$)`));
      }
    });

    it('reading the chooser changes nothing on the server', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      const before = await controlState(sim);
      await openChooser(client, page);
      await openChooser(client, page);
      const after = await controlState(sim);
      expect(after.sessions).toEqual(before.sessions);
      expect(after.unread).toEqual(before.unread);
    });

    it('switches the active account with the form and its token, and lands on the inbox', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      const switched = await switchTo(client, page, DEMO.services.cardio);
      expect(labelShowing(switched, 'Secrétariat de cardiologie')).toBeTruthy();
      expect(switched.redirects.length).toBeGreaterThan(0);
      expect(inboxCount(switched)).toBe(1);
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.services.cardio);
    });

    it('refuses a switch without the right token and changes nothing', async () => {
      const page = await client.login(DEMO.login, DEMO.password);
      const chooser = await openChooser(client, page);
      const { form, submitter } = chooserEntry(chooser.root, DEMO.services.cardio);
      const tokenField = form.querySelector('input[type=hidden]:not([value*="@"])')?.getAttribute('name') ?? '';
      const refused = await client.submit(chooser.page, form, submitter, { [tokenField]: 'faux-jeton' });
      expect(refused.status).toBe(403);
      const active = (await controlState(sim)).sessions[0]?.active;
      expect(active).not.toBe(DEMO.services.cardio);
    });

    it('refuses a switch to an account the user may not use', async () => {
      const page = await client.login(DEMO.colleague, DEMO.password);
      const chooser = await openChooser(client, page);
      const { form, submitter } = chooserEntry(chooser.root, DEMO.services.cardio);
      const field =
        submitter.getAttribute('name') ?? form.querySelector('input[value*="@"]')?.getAttribute('name') ?? '';
      await client.submit(chooser.page, form, submitter, { [field]: DEMO.services.mss });
      expect((await controlState(sim)).sessions[0]?.active).toBe(DEMO.colleague);
    });
  });

  describe('4. account management', () => {
    it('shows « Gestion des comptes de connexion » with its table as in the guide', async () => {
      const page = await manageAccounts(client, await client.login(DEMO.login, DEMO.password));
      expect(fold(page.doc.body.textContent)).toContain(fold('Gestion de votre compte Medimail'));
      expect(fold(page.doc.body.textContent)).toContain(fold('Gestion des comptes de connexion'));
      const table = accountTable(page);
      const mss = accountRow(table, DEMO.services.mss);
      expect(defaultCheckbox(mss).checked).toBe(true);
      expect(noticeCheckbox(mss).checked).toBe(true);
      const personal = accountRow(table, DEMO.login);
      expect(defaultCheckbox(personal).checked).toBe(false);
      expect(noticeCheckbox(personal).checked).toBe(false);
    });

    it('saves the default account and the reception notices', async () => {
      const page = await manageAccounts(client, await client.login(DEMO.login, DEMO.password));
      const table = accountTable(page);
      defaultCheckbox(accountRow(table, DEMO.services.mss)).checked = false;
      defaultCheckbox(accountRow(table, DEMO.services.cardio)).checked = true;
      noticeCheckbox(accountRow(table, DEMO.services.bloc)).checked = true;
      const save = byText(page.doc, 'button, input[type=submit]', 'Enregistrer');
      const saved = await client.submit(page, table.closest('form') as Element, save);
      expect(defaultCheckbox(accountRow(accountTable(saved), DEMO.services.cardio)).checked).toBe(true);
      const user = (await controlState(sim)).users.find((u) => u.login === DEMO.login);
      expect(user?.defaultAccount).toBe(DEMO.services.cardio);
      expect(user?.receptionNotices.sort()).toEqual([DEMO.services.bloc, DEMO.services.mss].sort());
    });
  });

  describe('5. the default account at login', () => {
    it('is not honoured at the first login, then is (the guide’s quirk)', async () => {
      const first = await client.login(DEMO.login, DEMO.password);
      expect(labelShowing(first, DEMO.displayName)).toBeTruthy();
      const second = await new PortalClient(sim).login(DEMO.login, DEMO.password);
      expect(labelShowing(second, DEMO.services.mss)).toBeTruthy();
    });

    it('is honoured at once when the quirk is switched off, and follows the control API', async () => {
      await control(sim, 'first-login-quirk', { enabled: false });
      await control(sim, 'default-account', { login: DEMO.login, address: DEMO.services.bloc });
      const page = await client.login(DEMO.login, DEMO.password);
      expect(labelShowing(page, 'Bloc opératoire')).toBeTruthy();
    });
  });

  describe('6. reception notices', () => {
    it('e-mails the personal address when a noticed service mailbox receives mail', async () => {
      const before = (await controlState(sim)).unread[DEMO.login] ?? 0;
      await control(sim, 'deliver', { to: DEMO.services.mss, count: 2 });
      await control(sim, 'deliver', { to: DEMO.services.cardio });
      const after = (await controlState(sim)).unread[DEMO.login];
      expect(after).toBe(before + 1);
      await control(sim, 'first-login-quirk', { enabled: false });
      await control(sim, 'default-account', { login: DEMO.login, address: DEMO.login });
      const inbox = await client.login(DEMO.login, DEMO.password);
      expect(allByText(inbox.doc, 'body *', `pour ${DEMO.services.mss}`).length).toBeGreaterThan(0);
    });
  });

  describe('7. inbox and messages', () => {
    it('shows « Boîte de réception » with its unread count, and opening a message marks it read', async () => {
      const page = await client.login(DEMO.colleague, DEMO.password);
      await control(sim, 'deliver', { to: DEMO.colleague, subject: 'Avis urgent', count: 1 });
      const inbox = await client.get(page.url);
      expect(inboxCount(inbox)).toBe(1);
      const link = byText(inbox.doc, 'a, td', 'Avis urgent');
      const href =
        link.getAttribute('href') ?? `/?m=open&idk=${/'([a-z0-9]+)'/.exec(link.getAttribute('onclick') ?? '')?.[1]}`;
      const opened = await client.get(new URL(href, inbox.url).toString());
      expect(fold(opened.doc.body.textContent)).toContain(fold('Avis urgent'));
      expect(inboxCount(opened)).toBeNull();
      expect((await controlState(sim)).unread[DEMO.colleague]).toBe(0);
    });

    it('paginates long folders', async () => {
      await control(sim, 'deliver', { to: DEMO.colleague, count: 45 });
      const page = await client.login(DEMO.colleague, DEMO.password);
      expect(inboxCount(page)).toBe(45);
      expect(fold(page.doc.body.textContent)).toMatch(/1 (sur|\/) 3/);
    });
  });

  describe('8. compose', () => {
    it('sends from the active mailbox with « Envoyer » and delivers to simulated mailboxes', async () => {
      const page = await switchTo(client, await client.login(DEMO.login, DEMO.password), DEMO.services.cardio);
      const before = (await controlState(sim)).unread[DEMO.colleague] ?? 0;
      await composeAndSend(client, page, DEMO.colleague, 'Planning de garde');
      const state = await controlState(sim);
      expect(state.sent).toHaveLength(1);
      expect(state.sent[0]).toMatchObject({
        from: DEMO.services.cardio,
        to: DEMO.colleague,
        subject: 'Planning de garde',
        login: DEMO.login,
      });
      expect(state.unread[DEMO.colleague]).toBe(before + 1);
    });
  });

  describe('control API', () => {
    it('answers 500 pages for a number of requests, then recovers', async () => {
      await client.login(DEMO.colleague, DEMO.password);
      await control(sim, 'fault', { kind: 'error', count: 2 });
      expect((await client.get(sim.rendering.inboxPath)).status).toBe(500);
      expect((await client.get(sim.rendering.inboxPath)).status).toBe(500);
      expect((await client.get(sim.rendering.inboxPath)).status).toBe(200);
    });

    it('answers slowly for a while', async () => {
      await client.login(DEMO.colleague, DEMO.password);
      await control(sim, 'fault', { kind: 'slow', delayMs: 300, forMs: 10_000 });
      const started = performance.now();
      await client.get(sim.rendering.inboxPath);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      await control(sim, 'fault', { kind: 'none' });
    });

    it('garbles pages on demand', async () => {
      await client.login(DEMO.colleague, DEMO.password);
      await control(sim, 'fault', { kind: 'garbled', count: 1 });
      const garbled = await client.get(sim.rendering.inboxPath);
      expect(garbled.html).not.toContain('</html>');
    });

    it('counts requests per path, leaving out its own', async () => {
      await client.login(DEMO.colleague, DEMO.password);
      await client.get(sim.rendering.inboxPath);
      const { requests } = await controlState(sim);
      const total = Object.values(requests as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(3);
      expect(Object.keys(requests).some((key) => key.includes('__control'))).toBe(false);
    });

    it('refuses malformed bodies with a reason', async () => {
      const bad = await control(sim, 'deliver', { to: 'pas-une-adresse' });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toMatch(/to/);
      expect((await control(sim, 'deliver', { to: 'inconnu@example.org' })).status).toBe(404);
      expect((await control(sim, 'fault', { kind: 'explode' })).status).toBe(400);
    });

    it('resets everything', async () => {
      await client.login(DEMO.login, DEMO.password);
      await control(sim, 'deliver', { to: DEMO.services.mss, count: 3 });
      await control(sim, 'reset');
      const state = await controlState(sim);
      expect(state.sessions).toHaveLength(0);
      expect(state.unread[DEMO.services.mss]).toBe(2);
    });
  });
});
