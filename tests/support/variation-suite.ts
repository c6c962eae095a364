/**
 * The generated-variation suite: does the banner hold as the portal really varies?
 * A seeded generator draws renderings (the simulator's ordinary-variation switches,
 * tests/simulator/variations.ts, in every combination × both renderings × hostile mail
 * or not); for each, a person logs in, opens « Gérer votre compte Medimail » once (the
 * frame is learnt there), then visits the inbox, a plain message, a message imitating
 * the portal, the compose page, the chooser page and the account page. Every page view
 * is classified as the user would judge it:
 * - *wrong*: the banner names another mailbox than the server's active one, offers a
 *   mailbox the login does not have, the page's reading takes a link that is not the
 *   portal's own menu's or folder list's, or a switch from the page lands elsewhere;
 * - *unsure*: the banner says it cannot tell (or does not know the mailbox);
 * - *right*: it names the server's active mailbox, and a switch from the page lands
 *   where asked.
 * The pages come from the simulator's own renderings called in-process (no server), are
 * parsed with the DOMParser given, the portal's variation script is run on them, and
 * they are read and judged by the extension's own code: the readers (utils/portal), the
 * menu pages' agreement, the background's observation step with its re-learning, the
 * switcher's form fields. `npm test` runs it (tests/unit/variations.test.ts) and
 * `npm run variations` prints the table (bench/variations.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { readDiscoveredPages } from '../../entrypoints/background/session/discovered-pages';
import { frameFor } from '../../entrypoints/background/session/discovery';
import { recordLogin } from '../../entrypoints/background/session/login';
import { applyObservation } from '../../entrypoints/background/session/observation';
import type { Observation } from '../../entrypoints/background/session/observation-types';
import {
  DEFAULT_POLL_STATE,
  DEFAULT_PORTAL_STATE,
  DEFAULT_SETTINGS,
  type StoredState,
} from '../../entrypoints/background/storage/store';
import { type ChooserEntryInPage, chooserFormFields } from '../../utils/portal/chooser';
import { readMenuPage } from '../../utils/portal/menu-pages';
import { findPortalChooser, type MenuPage, parsePortalHtml, readPortalPage } from '../../utils/portal/page';
import { DEFAULT_PROFILE, type SelectorProfile } from '../../utils/portal/profile';
import type { PortalView } from '../../utils/protocol/shapes';
import { allAttacks, fakeAccountMenu, HOSTILE_SUBJECTS } from '../simulator/attacks';
import type { Rendering, RequestContext } from '../simulator/http';
import { DEMO } from '../simulator/seed';
import { lookPerRequest, RENDERINGS, type RenderingName } from '../simulator/server';
import { PortalState, type Session } from '../simulator/state';
import { NO_VARIATIONS, VARIATION_SWITCHES, type Variations } from '../simulator/variations';
import { seededRandom } from './seeded-random';

export const SUITE_ORIGIN = 'http://127.0.0.1:8790';

export interface GeneratedRendering {
  index: number;
  rendering: RenderingName;
  variations: Variations;
  /** Subjects and senders imitating the interface in the inbox, and every imitation in the imitating message. */
  hostile: boolean;
}

/**
 * `count` renderings from `seed`: every combination of the switches (alone, together,
 * none) on both renderings, with and without hostile mail, in turn, each with a seed of
 * its own for what varies from page to page.
 */
function generateRenderings(count: number, seed = 2026): GeneratedRendering[] {
  const random = seededRandom(seed);
  const combinations = 2 ** VARIATION_SWITCHES.length;
  return Array.from({ length: count }, (_, index) => {
    const combination = index % combinations;
    const switches = Object.fromEntries(
      VARIATION_SWITCHES.map((name, bit) => [name, (combination & (1 << bit)) !== 0]),
    ) as Record<(typeof VARIATION_SWITCHES)[number], boolean>;
    return {
      index,
      rendering: Math.floor(index / combinations) % 2 === 0 ? 'classic' : 'alt',
      variations: { ...NO_VARIATIONS, ...switches, seed: Math.floor(random() * 2 ** 31) },
      hostile: Math.floor(index / (2 * combinations)) % 2 === 1,
    };
  });
}

type PageViewName =
  | 'inbox'
  | 'message'
  | 'imitating-message'
  | 'compose'
  | 'chooser'
  | 'account'
  /** The imitating message on a page the portal served without its header (the `no-header` fault): the imitation is the only menu. */
  | 'imitating-without-header';

/** The pages a switch is tried from (the menu's own pages are where the chooser is). */
const SWITCHED_FROM: ReadonlySet<PageViewName> = new Set(['inbox', 'message', 'imitating-message', 'compose']);
type Verdict = 'right' | 'unsure' | 'wrong';

interface ViewResult {
  view: PageViewName;
  verdict: Verdict;
  /** Why, for a view that is not right. */
  why: string | null;
}

export interface RenderingResult {
  generated: GeneratedRendering;
  /** Whether the frame was learnt when the account page was opened. */
  learnt: boolean;
  views: ViewResult[];
}

/** The portal of one generated rendering, answered in-process as its server would. */
export class InProcessPortal {
  readonly state: PortalState;
  readonly rendering: Rendering;
  readonly session: Session;

  constructor(generated: Pick<GeneratedRendering, 'rendering' | 'variations'>) {
    this.state = new PortalState();
    this.state.variations = generated.variations;
    this.state.firstLoginQuirk = false;
    this.rendering = RENDERINGS[generated.rendering];
    const login = this.state.login(DEMO.login, DEMO.password);
    if (!login.ok) throw new Error(login.error);
    this.session = login.session;
  }

  request(
    method: 'GET' | 'POST',
    url: string,
    form: [string, string][] = [],
    fault?: RequestContext['fault'],
  ): { url: string; html: string } {
    let target = new URL(url, SUITE_ORIGIN);
    let verb = method;
    let fields = new URLSearchParams(form);
    for (let hops = 0; hops < 5; hops += 1) {
      const ctx: RequestContext = {
        method: verb,
        url: target,
        form: fields,
        state: this.state,
        session: this.session,
        staleSession: false,
        fault,
        look: lookPerRequest(this.state),
      };
      const reply = this.rendering.handle(ctx);
      const location = reply.headers.location;
      if (reply.status < 300 || reply.status >= 400 || typeof location !== 'string') {
        return { url: target.toString(), html: reply.body };
      }
      target = new URL(location, target);
      verb = 'GET';
      fields = new URLSearchParams();
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/**
 * The extension's view of the portal: the background's stored state, in memory, its
 * observation step, and its reading of the menu's pages a tab fetched (with the parser
 * given, as the background's own DOMParser would).
 */
class ExtensionModel {
  constructor(
    private readonly parser: DOMParser,
    private readonly profile: SelectorProfile,
  ) {}

  readonly state: StoredState = structuredClone({
    settings: DEFAULT_SETTINGS,
    portal: DEFAULT_PORTAL_STATE,
    poll: DEFAULT_POLL_STATE,
    mailboxes: [],
  });
  now = 1_800_000_000_000;

  get frame() {
    return frameFor(this.state.portal, SUITE_ORIGIN);
  }

  readDiscovered(pages: { url: string; html: string; reachedBy: MenuPage | null }[]) {
    const { parser } = this;
    return readDiscoveredPages(pages, {
      profile: this.profile,
      frame: this.frame,
      kept: { chooserUrl: this.state.portal.chooserUrl, manageUrl: this.state.portal.manageUrl },
      readHtml: async (html, url, profile, context) =>
        readMenuPage(parsePortalHtml(html, url, parser), profile, { ...context, pageUrl: url }),
    });
  }

  see(reading: Observation['reading'], discovered: Observation['discovered'] = null): PortalView {
    this.now += 1000;
    return applyObservation(
      this.state,
      { reading, observedAt: this.now, pageOrigin: SUITE_ORIGIN, discovered },
      this.now,
    ).result.view;
  }
}

/** Runs the portal's variation script (tests/simulator/assets/variations.js) on a parsed page, timers at once. */
function runPortalScript(doc: Document, source: string): void {
  const run = new Function('document', 'setTimeout', source) as (
    doc: Document,
    setTimeout: (callback: () => void) => void,
  ) => void;
  run(doc, (callback) => callback());
}

const PORTAL_SCRIPT = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../simulator/assets/variations.js'),
  'utf8',
);

const MENU_PATHS: Record<RenderingName, { account: string; chooser: string | null; compose: string }> = {
  classic: { account: '/?m=compte', chooser: '/?m=comptes', compose: '/?m=nouveau' },
  alt: { account: '/app/parametres', chooser: null, compose: '/app/ecrire' },
};

/** A link a believed reading holds that the portal's own menu and folder list do not: an imitation's. */
function foreignLinks(reading: Observation['reading'], rendering: RenderingName): string | null {
  if (reading.trust !== 'frame') return null;
  const paths = MENU_PATHS[rendering];
  const own = new Set([paths.chooser, paths.account, RENDERINGS[rendering].inboxPath].filter((p) => p !== null));
  const links = [reading.chooserUrl, reading.manageUrl, reading.inboxUrl].filter((url) => url !== null);
  return links.map((url) => new URL(url).pathname + new URL(url).search).find((path) => !own.has(path)) ?? null;
}

interface ReadPage {
  doc: Document;
  url: string;
}

/** One generated rendering, visited (see the module header). */
async function visitRendering(
  generated: GeneratedRendering,
  parser: DOMParser,
  profile: SelectorProfile = DEFAULT_PROFILE,
): Promise<RenderingResult> {
  const portal = new InProcessPortal(generated);
  const extension = new ExtensionModel(parser, profile);
  const accounts = portal.state.userOf(portal.session).accounts;
  const open = (path: string, withoutHeader = false): ReadPage => {
    const page = portal.request('GET', path, [], withoutHeader ? { kind: 'no-header', delayMs: 0 } : undefined);
    const doc = parsePortalHtml(page.html, page.url, parser);
    if (generated.variations.scriptAdditions) runPortalScript(doc, PORTAL_SCRIPT);
    return { doc, url: page.url };
  };
  // The chooser page, read once for every switch of this rendering (it is the same page each time).
  const chooserPages = new Map<string, ReadPage>();
  const openChooser = (url: string) => {
    const page = chooserPages.get(url) ?? open(url);
    chooserPages.set(url, page);
    return page;
  };
  const read = (page: ReadPage) => readPortalPage(page.doc, profile, { pageUrl: page.url, frame: extension.frame });

  // The mail: a plain message, an imitating one, and (hostile) subjects and senders imitating the interface.
  const attackOptions = {
    attacker: 'http://127.0.0.1:9/',
    realAddresses: accounts.filter((address) => address !== DEMO.login),
    displayName: DEMO.displayName,
  };
  const random = seededRandom(generated.variations.seed);
  const active = accounts[Math.floor(random() * accounts.length)] as string;
  const deliver = (input: Parameters<PortalState['deliver']>[0]) => portal.state.deliver(input)[0]?.key as string;
  if (generated.hostile) {
    for (const subject of HOSTILE_SUBJECTS) deliver({ to: active, subject, fromName: subject });
  }
  const plain = deliver({ to: active });
  const imitating = deliver({
    to: active,
    subject: 'Changer de compte',
    html: generated.hostile ? allAttacks(attackOptions) : fakeAccountMenu(attackOptions),
  });

  // The login, then the account page opened once: the tab hands it and the other menu
  // page to the background, which learns the frame where they agree.
  recordLogin(extension.state, DEMO.login, extension.now);
  portal.state.switchAccount(portal.session, active);
  extension.see(read(open(portal.rendering.inboxPath)));
  const accountPage = open(MENU_PATHS[generated.rendering].account);
  const accountReading = read(accountPage);
  extension.see(accountReading);
  if (accountReading.menuPage) {
    const other = accountReading.chooserUrl ?? accountPage.url;
    const fetched = [accountPage.url, other].map((url) => ({ ...portal.request('GET', url), reachedBy: null }));
    extension.see(accountReading, await extension.readDiscovered(fetched));
  }
  const learnt = extension.frame !== null;

  const views: [PageViewName, string][] = [
    ['inbox', portal.rendering.inboxPath],
    ['message', portal.rendering.messagePath(plain)],
    ['imitating-message', portal.rendering.messagePath(imitating)],
    ['compose', MENU_PATHS[generated.rendering].compose],
    ['account', MENU_PATHS[generated.rendering].account],
  ];
  const chooserPath = MENU_PATHS[generated.rendering].chooser;
  if (chooserPath) views.push(['chooser', chooserPath]);
  if (generated.hostile) views.push(['imitating-without-header', portal.rendering.messagePath(imitating)]);

  const results: ViewResult[] = [];
  for (const [i, [view, path]] of views.entries()) results.push(await visit(view, path, i));
  return { generated, learnt, views: results };

  async function visit(view: PageViewName, path: string, i: number): Promise<ViewResult> {
    const truth = portal.session.active;
    const page = open(path, view === 'imitating-without-header');
    const seen = await seeAndRelearn(page, read, portal, extension);
    const offered = seen.view.others.map((mailbox) => mailbox.address);
    const fake = offered.find((address) => !accounts.includes(address));
    if (fake) return { view, verdict: 'wrong', why: `propose ${fake}` };
    const taken = foreignLinks(seen.reading, generated.rendering);
    if (taken) return { view, verdict: 'wrong', why: `prend le lien ${taken} d'une imitation` };
    const shown = seen.view.active.address;
    if (shown !== null && shown !== truth) return { view, verdict: 'wrong', why: `nomme ${shown} au lieu de ${truth}` };
    if (seen.view.unsure || shown === null) {
      return { view, verdict: 'unsure', why: seen.reading.problems.join(' ; ') || 'boîte inconnue' };
    }
    if (!SWITCHED_FROM.has(view)) return { view, verdict: 'right', why: null };
    // A switch from this page, to the next of the login's accounts, must land there.
    const target = accounts[(accounts.indexOf(truth) + 1 + i) % accounts.length] as string;
    const landed = switchFrom(page, seen.reading.chooserUrl, target, portal, profile, extension, openChooser);
    portal.state.switchAccount(portal.session, truth);
    if (landed === 'unavailable') return { view, verdict: 'unsure', why: `aucune entrée pour ${target}` };
    if (landed !== target) return { view, verdict: 'wrong', why: `changement vers ${target} arrivé sur ${landed}` };
    return { view, verdict: 'right', why: null };
  }
}

/**
 * A page seen as a tab sees it: read, reported, and, when the background asks, the
 * menu's pages fetched for it to read, and the page read again with the frame they taught.
 */
async function seeAndRelearn(
  page: ReadPage,
  read: (page: ReadPage) => Observation['reading'],
  portal: InProcessPortal,
  extension: ExtensionModel,
) {
  let reading = read(page);
  let view = extension.see(reading);
  if (view.discovery) {
    const { chooserUrl, manageUrl } = view.discovery;
    const fetched = (
      [
        [chooserUrl, 'chooser'],
        [manageUrl, 'account'],
      ] as const
    ).flatMap(([url, reachedBy]) => (url ? [{ ...portal.request('GET', url), reachedBy }] : []));
    const before = JSON.stringify(extension.frame);
    // The answer to the report is the tab's view, until the page is read again with a new frame.
    view = extension.see(reading, await extension.readDiscovered(fetched));
    if (JSON.stringify(extension.frame) !== before) {
      reading = read(page);
      view = extension.see(reading);
    }
  }
  return { reading, view };
}

/** Switches as the content script does: the chooser on this page, else the chooser page; returns where it landed. */
function switchFrom(
  page: ReadPage,
  chooserUrl: string | null,
  target: string,
  portal: InProcessPortal,
  profile: SelectorProfile,
  extension: ExtensionModel,
  openChooser: (url: string) => ReadPage,
): string | 'unavailable' {
  const inPage = findPortalChooser(page.doc, profile, { pageUrl: page.url, frame: extension.frame });
  let entry: ChooserEntryInPage | undefined = inPage?.entries.find((e) => e.address === target);
  if (!entry && chooserUrl) {
    const chooserPage = openChooser(chooserUrl);
    entry = findPortalChooser(chooserPage.doc, profile, {
      pageUrl: chooserPage.url,
      reachedBy: 'chooser',
    })?.entries.find((e) => e.address === target);
  }
  if (!entry) return 'unavailable';
  if (entry.action.kind === 'link') portal.request('GET', entry.action.href);
  else portal.request('POST', entry.action.action, chooserFormFields(entry.action));
  return portal.session.active;
}

/** The suite: `count` renderings from `seed`, each with a parser of its own, released after. */
export async function runSuite(count: number, seed?: number): Promise<RenderingResult[]> {
  const results: RenderingResult[] = [];
  for (const generated of generateRenderings(count, seed)) {
    const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    results.push(await visitRendering(generated, new window.DOMParser() as unknown as DOMParser));
    await window.happyDOM.close();
  }
  return results;
}

export interface SuiteSummary {
  renderings: number;
  learnt: number;
  views: number;
  wrong: ViewResult[];
  benign: { views: number; unsure: number };
  imitating: { views: number; unsure: number };
  /** Views where the imitation was the only menu: never believed (right would mean the header came back). */
  withoutHeader: { views: number; believed: number };
  /** Per switch (on alone or with others) and rendering: views, right, unsure, wrong. */
  rows: { name: string; views: number; right: number; unsure: number; wrong: number }[];
}

export function summarise(results: readonly RenderingResult[]): SuiteSummary {
  const all = results.flatMap((result) => result.views.map((view) => ({ result, view })));
  const count = (verdict: Verdict, list = all) => list.filter(({ view }) => view.verdict === verdict).length;
  const imitatingViews: ReadonlySet<PageViewName> = new Set(['imitating-message', 'imitating-without-header']);
  const benign = all.filter(({ view }) => !imitatingViews.has(view.view));
  const imitating = all.filter(({ view }) => view.view === 'imitating-message');
  const withoutHeader = all.filter(({ view }) => view.view === 'imitating-without-header');
  const row = (name: string, keep: (generated: GeneratedRendering) => boolean) => {
    const list = all.filter(({ result }) => keep(result.generated));
    return {
      name,
      views: list.length,
      right: count('right', list),
      unsure: count('unsure', list),
      wrong: count('wrong', list),
    };
  };
  const noSwitch = (generated: GeneratedRendering) => VARIATION_SWITCHES.every((name) => !generated.variations[name]);
  return {
    renderings: results.length,
    learnt: results.filter((result) => result.learnt).length,
    views: all.length,
    wrong: all.filter(({ view }) => view.verdict === 'wrong').map(({ view }) => view),
    benign: { views: benign.length, unsure: count('unsure', benign) },
    imitating: { views: imitating.length, unsure: count('unsure', imitating) },
    withoutHeader: {
      views: withoutHeader.length,
      believed: count('right', withoutHeader) + count('wrong', withoutHeader),
    },
    rows: [
      row('aucune variation', noSwitch),
      ...VARIATION_SWITCHES.map((name) => row(name, (generated) => generated.variations[name])),
      row('toutes ensemble', (generated) => VARIATION_SWITCHES.every((name) => generated.variations[name])),
      row('rendu classic', (generated) => generated.rendering === 'classic'),
      row('rendu alt', (generated) => generated.rendering === 'alt'),
      row('courrier hostile', (generated) => generated.hostile),
    ],
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)} %`);

/** The suite's table, as `npm run variations` prints it. */
export function formatSummary(summary: SuiteSummary): string {
  const lines = [
    `Variations générées : ${summary.renderings} rendus, ${summary.views} pages vues, cadre appris sur ${summary.learnt}`,
    '',
    `${'variation'.padEnd(20)} ${'pages'.padStart(6)} ${'justes'.padStart(7)} ${'incertaines'.padStart(12)} ${'fausses'.padStart(8)}`,
    ...summary.rows.map(
      (row) =>
        `${row.name.padEnd(20)} ${String(row.views).padStart(6)} ${String(row.right).padStart(7)} ${String(row.unsure).padStart(12)} ${String(row.wrong).padStart(8)}`,
    ),
    '',
    `fausses : ${summary.wrong.length}`,
    `incertaines, pages ordinaires : ${percent(summary.benign.unsure, summary.benign.views)} (objectif : 2 % au plus)`,
    `incertaines, message imitant le portail : ${percent(summary.imitating.unsure, summary.imitating.views)}`,
    `message imitant le portail sur une page sans en-tête : cru ${summary.withoutHeader.believed} fois sur ${summary.withoutHeader.views}`,
  ];
  return lines.join('\n');
}
