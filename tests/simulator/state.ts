/**
 * The simulated Medimail back end: users, mailboxes, sessions, messages, faults.
 * Pure in-memory state, reset at will by the control API; both renderings share it.
 */
import { randomBytes } from 'node:crypto';
import { type AccountSeed, DEMO_SEED, type PortalSeed } from './seed';
import { NO_VARIATIONS, type Variations } from './variations';

export type Folder = 'inbox' | 'sent';

export interface Message {
  key: string;
  folder: Folder;
  from: string;
  fromName: string;
  to: string;
  subject: string;
  /** The text body, shown line by line when the message has no HTML body. */
  body: string;
  /** An HTML body, shown inline in its place after the portal's sanitising. */
  html?: string;
  date: Date;
  unread: boolean;
}

export interface Mailbox extends AccountSeed {
  messages: Message[];
}

export interface User {
  login: string;
  password: string;
  displayName: string;
  /** Addresses this login may use; the first is the personal mailbox. */
  accounts: string[];
  defaultAccount: string;
  receptionNotices: Set<string>;
  /** Logins since the default account last changed: the guide's first-login quirk. */
  loginsSinceDefaultChange: number;
}

export interface Session {
  id: string;
  login: string;
  active: string;
  csrf: string;
  createdAt: number;
}

export interface SentRecord {
  from: string;
  to: string;
  subject: string;
  login: string;
  sessionId: string;
  at: string;
}

/**
 * What goes wrong with webmail requests: a 500 page, a slow answer, a page without its
 * header, a page cut short, a redirect elsewhere, a page padded to a huge size, an
 * answer that starts and never ends.
 */
export type FaultKind = 'error' | 'slow' | 'no-header' | 'garbled' | 'redirect' | 'huge' | 'endless';

/** The `huge` fault's page size: by default more than any page reader should accept, at most what a test can afford. */
export const HUGE_PAGE_BYTES = { default: 12_000_000, max: 50_000_000 } as const;

export interface Fault {
  kind: FaultKind;
  /** Epoch ms after which the fault ends (when set). */
  until?: number;
  /** Requests still affected (when set). */
  remaining?: number;
  delayMs: number;
  /** `redirect`: where webmail requests are sent. */
  target?: string;
  /** `huge`: the size, in bytes, pages are padded to. */
  sizeBytes?: number;
}

export interface FaultOptions {
  forMs?: number;
  count?: number;
  delayMs?: number;
  target?: string;
  sizeBytes?: number;
}

export type LoginResult = { ok: true; session: Session; honouredDefault: boolean } | { ok: false; error: string };

export const LOGIN_ERRORS = {
  notAnAddress: 'Le login doit être une adresse mail valide.',
  failed: "Echec de l'authentification.",
  invalidSession: 'Session invalide',
} as const;

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PAGE_SIZE = 20;

function token(): string {
  return randomBytes(16).toString('hex');
}

export class PortalState {
  users = new Map<string, User>();
  mailboxes = new Map<string, Mailbox>();
  sessions = new Map<string, Session>();
  /** Ids of sessions that existed and were expired: they earn « Session invalide ». */
  staleSessions = new Set<string>();
  sent: SentRecord[] = [];
  requests = new Map<string, number>();
  /**
   * What browsers reported breaking the strict Content-Security-Policy (`strictCsp`), as
   * they sent it: the server's log, kept through a reset (a report may come after it).
   */
  cspReports: unknown[] = [];
  fault: Fault | undefined;
  /** The guide's quirk: the default account is not honoured at the first login. */
  firstLoginQuirk = true;
  /**
   * Whether the chooser (page and panel) shows each account's unread count. Off, it
   * shows addresses and names only, as a deployment may (docs/portal-contract.md,
   * point 3); the inbox's own count in the folder list stays.
   */
  chooserCounts = true;
  /** How the portal varies its pages, with no stranger involved (tests/simulator/variations.ts). */
  variations: Variations = { ...NO_VARIATIONS };
  /** Pages answered since the last reset: each draws its own variation. */
  private pageCounter = 0;
  private messageCounter = 0;

  constructor(private readonly seed: PortalSeed = DEMO_SEED) {
    this.reset();
  }

  reset(): void {
    this.users.clear();
    this.mailboxes.clear();
    this.sessions.clear();
    this.staleSessions.clear();
    this.sent = [];
    this.requests.clear();
    this.fault = undefined;
    this.firstLoginQuirk = true;
    this.chooserCounts = true;
    this.variations = { ...NO_VARIATIONS };
    this.pageCounter = 0;
    this.messageCounter = 0;
    for (const account of this.seed.accounts) {
      this.mailboxes.set(account.address, { ...account, messages: [] });
    }
    for (const user of this.seed.users) {
      this.users.set(user.login, {
        login: user.login,
        password: user.password,
        displayName: user.displayName,
        accounts: [...user.accounts],
        defaultAccount: user.defaultAccount,
        receptionNotices: new Set(user.receptionNotices),
        loginsSinceDefaultChange: 0,
      });
    }
    const now = Date.now();
    for (const seeded of this.seed.messages) {
      this.store(seeded.to, {
        folder: 'inbox',
        from: seeded.from,
        fromName: seeded.fromName,
        to: seeded.to,
        subject: seeded.subject,
        body: seeded.body,
        date: new Date(now - seeded.minutesAgo * 60_000),
        unread: seeded.unread,
      });
    }
  }

  /** A new page's request number, from which it draws its variation. */
  nextPage(): number {
    this.pageCounter += 1;
    return this.pageCounter;
  }

  // --- sessions -------------------------------------------------------------------

  login(login: string, password: string): LoginResult {
    const address = login.trim().toLowerCase();
    if (!ADDRESS.test(address)) return { ok: false, error: LOGIN_ERRORS.notAnAddress };
    const user = this.users.get(address);
    if (!user || user.password !== password) return { ok: false, error: LOGIN_ERRORS.failed };
    const honouredDefault = !this.firstLoginQuirk || user.loginsSinceDefaultChange > 0;
    user.loginsSinceDefaultChange += 1;
    const session: Session = {
      id: token(),
      login: user.login,
      active: honouredDefault ? user.defaultAccount : (user.accounts[0] as string),
      csrf: token(),
      createdAt: Date.now(),
    };
    this.sessions.set(session.id, session);
    return { ok: true, session, honouredDefault };
  }

  logout(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  expireSessions(): number {
    const count = this.sessions.size;
    for (const id of this.sessions.keys()) this.staleSessions.add(id);
    this.sessions.clear();
    return count;
  }

  userOf(session: Session): User {
    const user = this.users.get(session.login);
    if (!user) throw new Error(`session for unknown user ${session.login}`);
    return user;
  }

  accountsOf(user: User): Mailbox[] {
    return user.accounts.map((address) => this.mailbox(address));
  }

  mailbox(address: string): Mailbox {
    const mailbox = this.mailboxes.get(address.toLowerCase());
    if (!mailbox) throw new Error(`unknown mailbox ${address}`);
    return mailbox;
  }

  switchAccount(session: Session, address: string): boolean {
    const target = address.trim().toLowerCase();
    if (!this.userOf(session).accounts.includes(target)) return false;
    session.active = target;
    return true;
  }

  // --- account management ---------------------------------------------------------

  saveAccountSettings(login: string, defaultAccount: string | undefined, notices: string[]): void {
    const user = this.users.get(login);
    if (!user) throw new Error(`unknown user ${login}`);
    const allowed = (address: string) => user.accounts.includes(address);
    if (defaultAccount && allowed(defaultAccount) && defaultAccount !== user.defaultAccount) {
      user.defaultAccount = defaultAccount;
      user.loginsSinceDefaultChange = 0;
    }
    user.receptionNotices = new Set(notices.filter(allowed));
  }

  // --- messages -------------------------------------------------------------------

  unreadCount(address: string, folder: Folder = 'inbox'): number {
    return this.mailbox(address).messages.filter((m) => m.folder === folder && m.unread).length;
  }

  list(address: string, folder: Folder, page: number): { messages: Message[]; page: number; pages: number } {
    const all = this.mailbox(address)
      .messages.filter((m) => m.folder === folder)
      .sort((a, b) => b.date.getTime() - a.date.getTime());
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const current = Math.min(Math.max(1, page), pages);
    return { messages: all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
  }

  open(address: string, key: string): Message | undefined {
    const message = this.mailbox(address).messages.find((m) => m.key === key);
    if (message) message.unread = false;
    return message;
  }

  send(session: Session, draft: { to: string; subject: string; body: string }): SentRecord {
    const from = this.mailbox(session.active);
    const record: SentRecord = {
      from: from.address,
      to: draft.to.trim().toLowerCase(),
      subject: draft.subject,
      login: session.login,
      sessionId: session.id,
      at: new Date().toISOString(),
    };
    this.sent.push(record);
    this.store(from.address, {
      folder: 'sent',
      from: from.address,
      fromName: from.name,
      to: record.to,
      subject: draft.subject,
      body: draft.body,
      date: new Date(),
      unread: false,
    });
    if (this.mailboxes.has(record.to)) {
      this.deliver({
        to: record.to,
        from: from.address,
        fromName: from.name,
        subject: draft.subject,
        body: draft.body,
      });
    }
    return record;
  }

  /** Delivers messages to a mailbox, and the portal's reception notices to personal inboxes. */
  deliver(input: {
    to: string;
    from?: string;
    fromName?: string;
    subject?: string;
    body?: string;
    html?: string;
    count?: number;
  }): Message[] {
    const target = this.mailbox(input.to);
    const delivered: Message[] = [];
    const count = Math.max(1, Math.min(500, input.count ?? 1));
    for (let i = 0; i < count; i += 1) {
      const sample = SAMPLE_MESSAGES[
        (this.messageCounter + i) % SAMPLE_MESSAGES.length
      ] as (typeof SAMPLE_MESSAGES)[number];
      delivered.push(
        this.store(target.address, {
          folder: 'inbox',
          from: input.from ?? sample.from,
          fromName: input.fromName ?? sample.fromName,
          to: target.address,
          subject: input.subject ?? sample.subject,
          body: input.body ?? sample.body,
          html: input.html,
          date: new Date(),
          unread: true,
        }),
      );
    }
    if (target.kind === 'organisational') this.sendReceptionNotices(target, delivered.length);
    return delivered;
  }

  private sendReceptionNotices(target: Mailbox, count: number): void {
    for (const user of this.users.values()) {
      if (!user.accounts.includes(target.address) || !user.receptionNotices.has(target.address)) continue;
      this.store(user.accounts[0] as string, {
        folder: 'inbox',
        from: 'ne-pas-repondre@medimail.mipih.fr',
        fromName: 'Medimail',
        to: user.accounts[0] as string,
        subject: `Notification de réception : ${count} nouveau(x) message(s) pour ${target.address}`,
        body: `La boîte aux lettres ${target.address} a reçu ${count} nouveau(x) message(s).`,
        date: new Date(),
        unread: true,
      });
    }
  }

  private store(address: string, message: Omit<Message, 'key'>): Message {
    this.messageCounter += 1;
    const stored: Message = { ...message, key: `${this.messageCounter.toString(36)}${randomBytes(3).toString('hex')}` };
    this.mailbox(address).messages.push(stored);
    return stored;
  }

  // --- faults and observability ---------------------------------------------------

  setFault(kind: FaultKind, options: FaultOptions = {}): Fault {
    this.fault = {
      kind,
      until: options.forMs !== undefined ? Date.now() + options.forMs : undefined,
      remaining: options.count,
      delayMs: options.delayMs ?? 3000,
      target: kind === 'redirect' ? options.target : undefined,
      sizeBytes: kind === 'huge' ? (options.sizeBytes ?? HUGE_PAGE_BYTES.default) : undefined,
    };
    if (this.fault.until === undefined && this.fault.remaining === undefined) {
      this.fault.until = Date.now() + 60_000;
    }
    return this.fault;
  }

  /** The fault that applies to the current webmail request, consuming one use of it. */
  takeFault(): Fault | undefined {
    const fault = this.fault;
    if (!fault) return undefined;
    if (fault.until !== undefined && Date.now() > fault.until) {
      this.fault = undefined;
      return undefined;
    }
    if (fault.remaining !== undefined) {
      if (fault.remaining <= 0) {
        this.fault = undefined;
        return undefined;
      }
      fault.remaining -= 1;
    }
    return fault;
  }

  countRequest(key: string): void {
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  snapshot() {
    const unread: Record<string, number> = {};
    for (const address of this.mailboxes.keys()) unread[address] = this.unreadCount(address);
    return {
      sessions: [...this.sessions.values()].map((s) => ({ id: s.id, login: s.login, active: s.active })),
      users: [...this.users.values()].map((u) => ({
        login: u.login,
        defaultAccount: u.defaultAccount,
        receptionNotices: [...u.receptionNotices],
      })),
      sent: this.sent,
      unread,
      requests: Object.fromEntries(this.requests),
      cspReports: this.cspReports,
      fault: this.fault ?? null,
      firstLoginQuirk: this.firstLoginQuirk,
      chooserCounts: this.chooserCounts,
      variations: this.variations,
    };
  }
}

const SAMPLE_MESSAGES = [
  {
    from: 'dr.lefevre@chu-exemple.mssante.fr',
    fromName: 'Dr Antoine Lefèvre',
    subject: 'Compte rendu de consultation',
    body: 'Bonjour,\n\nVeuillez trouver ci-joint le compte rendu de consultation.\n\nCordialement.',
  },
  {
    from: 'labo.biologie@clinique-exemple.mssante.fr',
    fromName: 'Laboratoire de biologie',
    subject: "Résultats d'analyses disponibles",
    body: 'Les résultats sont disponibles sur le serveur de résultats.',
  },
  {
    from: 'secretariat.radiologie@ch-exemple.mssante.fr',
    fromName: 'Secrétariat de radiologie',
    subject: 'Demande de rendez-vous IRM',
    body: 'Merci de nous indiquer vos disponibilités pour un rendez-vous.',
  },
  {
    from: 'pharmacie@ch-exemple.mssante.fr',
    fromName: 'Pharmacie hospitalière',
    subject: 'Rupture de stock : alternative proposée',
    body: 'Une alternative thérapeutique est proposée dans la note jointe.',
  },
] as const;
