import { randomBytes } from 'node:crypto';
/**
 * The Medimail portal simulator: one HTTP server on loopback, one rendering per
 * instance, the state shared by nothing else. `startSimulator` is what tests use;
 * `cli.ts` runs it by hand. Faults set through the control API are applied here, to
 * webmail requests only (never to static files or the control API itself).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alt } from './alt';
import { classic } from './classic';
import { CONTROL_PREFIX, handleControl } from './control';
import { html } from './html';
import { json, page, type Rendering, type Reply, type RequestContext, redirect } from './http';
import type { PortalSeed } from './seed';
import { HUGE_PAGE_BYTES, PortalState } from './state';
import { Look } from './variations';

export type RenderingName = 'classic' | 'alt';

export const RENDERINGS: Record<RenderingName, Rendering> = { classic, alt };

/** Static files of each rendering, by URL path. */
const STATIC_FILES: Record<RenderingName, Record<string, string>> = {
  classic: {
    '/static/classic.css': 'classic.css',
    '/static/classic.js': 'classic.js',
    '/static/medimail.svg': 'medimail.svg',
    '/static/favicon.svg': 'favicon.svg',
    '/static/variations.js': 'variations.js',
  },
  alt: {
    '/assets/app.css': 'app.css',
    '/assets/app.js': 'app.js',
    '/assets/logo.svg': 'logo.svg',
    '/assets/variations.js': 'variations.js',
  },
};

const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Enough for a control delivery of 200,000 characters of HTML, however JSON escapes them. */
const MAX_BODY = 2_000_000;

/** A reply sent whole, or (the `endless` fault) begun and never finished. */
type Outcome = Reply | { endless: Reply };

export interface SimulatorOptions {
  rendering?: RenderingName;
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: PortalSeed;
  /**
   * Pages served under a strict Content-Security-Policy (no inline style or script, scripts
   * by nonce), as a hospital may deploy it; the browsers' reports are kept in the state.
   */
  strictCsp?: boolean;
}

export interface Simulator {
  /** The origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  origin: string;
  rendering: Rendering;
  state: PortalState;
  /** Absolute URL of a path on this simulator. */
  at(path: string): string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function serverError(): Reply {
  return page(
    html`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur - Medimail</title></head>
<body><h1>Erreur interne du serveur</h1><p>Le service est momentanément indisponible. Veuillez réessayer plus tard.</p></body></html>`,
    500,
  );
}

/** A page cut short and ended with junk, as a broken proxy would deliver it. */
function garble(reply: Reply): Reply {
  if (reply.status !== 200) return reply;
  return { ...reply, body: `${reply.body.slice(0, Math.floor(reply.body.length * 0.4))}<div class="\u0000\uFFFD<<` };
}

/** A page padded with a comment at its end to `sizeBytes` bytes, as a runaway server would send it. */
function pad(reply: Reply, sizeBytes: number): Reply {
  const opening = '\n<!-- ';
  const closing = ' -->\n';
  const filler = sizeBytes - Buffer.byteLength(reply.body) - opening.length - closing.length;
  if (filler <= 0) return reply;
  return { ...reply, body: `${reply.body}${opening}${'x'.repeat(filler)}${closing}` };
}

/** The first half of a page, cut before a tag, so that what trickles after it falls between tags. */
function beginningOf(body: string): string {
  return body.slice(0, Math.max(0, body.lastIndexOf('<', Math.floor(body.length / 2))));
}

/**
 * The `endless` fault: the headers and the beginning of the page, then a space each
 * second, until the client goes away or the simulator closes (which destroys sockets).
 */
function sendEndless(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.write(beginningOf(reply.body));
  const drip = setInterval(() => res.write(' '), 1000);
  res.on('close', () => clearInterval(drip));
}

/** Where browsers send what broke the strict policy. */
const CSP_REPORT_PATH = '/csp-report';

/** A page under the strict policy: its scripts carry this reply's nonce, nothing inline is allowed. */
function underStrictCsp(reply: Reply): Reply {
  if (!String(reply.headers['content-type'] ?? '').startsWith('text/html')) return reply;
  const nonce = randomBytes(16).toString('base64');
  const policy = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    `script-src 'nonce-${nonce}'`,
    `report-uri ${CSP_REPORT_PATH}`,
  ].join('; ');
  return {
    ...reply,
    headers: { ...reply.headers, 'content-security-policy': policy },
    body: reply.body.replace(/<script(?=[\s>])/gi, `<script nonce="${nonce}"`),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request's variation: drawn once, whatever page type the rendering answers with. */
export function lookPerRequest(state: PortalState): RequestContext['look'] {
  let look: Look | undefined;
  return (pageType) => {
    if (look?.page !== pageType) look = new Look(state.variations, pageType, state.nextPage());
    return look;
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const renderingName = options.rendering ?? 'classic';
  const rendering = RENDERINGS[renderingName];
  const state = new PortalState(options.seed);
  const assetsDir = new URL('./assets/', import.meta.url);

  async function handle(req: IncomingMessage): Promise<Outcome> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = method === 'POST' ? await readBody(req) : '';

    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return json({ error: 'loopback only' }, 403);
      let body: unknown = {};
      if (rawBody) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          return json({ error: 'body is not JSON' }, 400);
        }
      }
      return handleControl(state, method, url.pathname, body);
    }

    const file = STATIC_FILES[renderingName][url.pathname];
    if (file) {
      const body = await readFile(new URL(file, assetsDir), 'utf8');
      return {
        status: 200,
        headers: { 'content-type': CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'text/plain' },
        body,
      };
    }
    if (url.pathname === '/favicon.ico') return { status: 404, headers: {}, body: '' };
    if (url.pathname === CSP_REPORT_PATH && method === 'POST') {
      try {
        state.cspReports.push(JSON.parse(rawBody));
      } catch {
        state.cspReports.push({ unreadable: rawBody.slice(0, 200) });
      }
      return { status: 204, headers: {}, body: '' };
    }

    const m = url.searchParams.get('m');
    state.countRequest(`${method} ${url.pathname}${m ? `?m=${m}` : ''}`);
    const fault = state.takeFault();
    if (fault?.kind === 'error') return serverError();
    if (fault?.kind === 'redirect' && fault.target) return redirect(fault.target);
    if (fault?.kind === 'slow') await sleep(fault.delayMs);

    const sessionId = cookieValue(req, rendering.cookieName);
    const session = sessionId ? state.sessions.get(sessionId) : undefined;
    const ctx: RequestContext = {
      method,
      url,
      form: new URLSearchParams(
        req.headers['content-type']?.includes('application/x-www-form-urlencoded') ? rawBody : '',
      ),
      state,
      session,
      staleSession: !session && sessionId !== undefined && state.staleSessions.has(sessionId),
      fault,
      look: lookPerRequest(state),
    };
    const reply = options.strictCsp ? underStrictCsp(rendering.handle(ctx)) : rendering.handle(ctx);
    switch (fault?.kind) {
      case 'garbled':
        return garble(reply);
      case 'huge':
        return pad(reply, fault.sizeBytes ?? HUGE_PAGE_BYTES.default);
      case 'endless':
        return { endless: reply };
      default:
        return reply;
    }
  }

  const server = createServer((req, res) => {
    handle(req).then(
      (outcome) => ('endless' in outcome ? sendEndless(res, outcome.endless) : send(res, outcome)),
      (error: unknown) => {
        console.error('[simulateur]', error);
        if (!res.headersSent) send(res, serverError());
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    rendering,
    state,
    at: (path) => new URL(path, origin).toString(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
