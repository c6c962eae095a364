/**
 * The simulator's control API, for tests only and only on loopback: deliver mail,
 * expire sessions, inject faults, set the default account, show or hide the chooser's
 * unread counts, vary the pages as a real portal does (tests/simulator/variations.ts),
 * reset, read the state.
 * Every body is validated; a bad one is answered 400 with the reason.
 */
import { z } from 'zod';
import { json, type Reply } from './http';
import { HUGE_PAGE_BYTES, type PortalState } from './state';
import { NO_VARIATIONS, VARIATION_SWITCHES, type Variations } from './variations';

export const CONTROL_PREFIX = '/__control';

const deliverBody = z.object({
  to: z.string().email(),
  from: z.string().email().optional(),
  fromName: z.string().optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  /** An HTML body, shown inline after the portal's sanitising. */
  html: z.string().max(200_000).optional(),
  count: z.number().int().min(1).max(500).optional(),
});

const faultBody = z
  .object({
    kind: z.enum(['error', 'slow', 'no-header', 'garbled', 'redirect', 'huge', 'endless', 'none']),
    forMs: z.number().int().min(0).optional(),
    count: z.number().int().min(1).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** `redirect`: where to send webmail requests. */
    target: z.url({ protocol: /^https?$/ }).optional(),
    /** `huge`: the size of padded pages. */
    sizeBytes: z.number().int().min(1).max(HUGE_PAGE_BYTES.max).optional(),
  })
  .refine((fault) => fault.kind !== 'redirect' || fault.target !== undefined, {
    message: 'a redirect needs a target (an http or https URL)',
    path: ['target'],
  });

const defaultAccountBody = z.object({ login: z.string().email(), address: z.string().email() });
const quirkBody = z.object({ enabled: z.boolean() });
const chooserCountsBody = z.object({ shown: z.boolean() });
/** Switches not named keep their value; `reset: true` first turns every one off. */
const variationsBody = z.strictObject({
  reset: z.boolean().optional(),
  ...Object.fromEntries(VARIATION_SWITCHES.map((name) => [name, z.boolean().optional()])),
  relocatedMenu: z.boolean().optional(),
  unknownWording: z.boolean().optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown): { ok: true; value: T } | { ok: false; reply: Reply } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reply: json({ error: z.prettifyError(result.error) }, 400) };
}

export function handleControl(state: PortalState, method: string, path: string, body: unknown): Reply {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length) || '/'}`;
  switch (route) {
    case 'GET /state':
      return json(state.snapshot());
    case 'POST /reset':
      state.reset();
      return json({ ok: true });
    case 'POST /expire-sessions':
      return json({ ok: true, expired: state.expireSessions() });
    case 'POST /deliver': {
      const input = parse(deliverBody, body);
      if (!input.ok) return input.reply;
      if (!state.mailboxes.has(input.value.to.toLowerCase()))
        return json({ error: `unknown mailbox ${input.value.to}` }, 404);
      const delivered = state.deliver(input.value);
      return json({ ok: true, keys: delivered.map((m) => m.key), unread: state.unreadCount(input.value.to) });
    }
    case 'POST /fault': {
      const input = parse(faultBody, body);
      if (!input.ok) return input.reply;
      const { kind, ...options } = input.value;
      if (kind === 'none') {
        state.fault = undefined;
        return json({ ok: true, fault: null });
      }
      return json({ ok: true, fault: state.setFault(kind, options) });
    }
    case 'POST /default-account': {
      const input = parse(defaultAccountBody, body);
      if (!input.ok) return input.reply;
      const user = state.users.get(input.value.login.toLowerCase());
      if (!user?.accounts.includes(input.value.address.toLowerCase()))
        return json({ error: 'unknown login or account' }, 404);
      state.saveAccountSettings(user.login, input.value.address.toLowerCase(), [...user.receptionNotices]);
      return json({ ok: true });
    }
    case 'POST /first-login-quirk': {
      const input = parse(quirkBody, body);
      if (!input.ok) return input.reply;
      state.firstLoginQuirk = input.value.enabled;
      return json({ ok: true });
    }
    case 'POST /variations': {
      const input = parse(variationsBody, body);
      if (!input.ok) return input.reply;
      const { reset, ...switches } = input.value as { reset?: boolean } & Partial<Variations>;
      state.variations = { ...(reset ? NO_VARIATIONS : state.variations), ...switches };
      return json({ ok: true, variations: state.variations });
    }
    case 'POST /chooser-counts': {
      const input = parse(chooserCountsBody, body);
      if (!input.ok) return input.reply;
      state.chooserCounts = input.value.shown;
      return json({ ok: true });
    }
    default:
      return json({ error: `unknown control route ${route}` }, 404);
  }
}
