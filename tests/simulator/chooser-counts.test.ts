/**
 * The control API's `chooser-counts` switch, in both renderings: with the counts off,
 * the chooser (the classic page, the alt panel) still lists every account with its
 * address and name, and shows no unread count; the folder list's « Boîte de réception
 * (N) » keeps its count; reset shows the counts again, and the state read-out says which.
 * The extension's own reader agrees: every entry is read, none with a count.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPortalPage } from '../../utils/portal/page';
import { DEFAULT_PROFILE } from '../../utils/portal/profile';
import {
  allByText,
  byText,
  control,
  controlState,
  PortalClient,
  type PortalPage,
  setChooserCounts,
  textOf,
} from './client';
import { DEMO, DEMO_SEED } from './seed';
import { type RenderingName, type Simulator, startSimulator } from './server';

const RENDERINGS: RenderingName[] = ['classic', 'alt'];
const ACCOUNTS = [DEMO.login, ...Object.values(DEMO.services)];

/** The chooser: the page behind the « Changer de compte » link, or the panel in place. */
async function openChooser(client: PortalClient, page: PortalPage): Promise<{ page: PortalPage; root: Element }> {
  const entry = byText(page.doc, 'a, button', 'Changer de compte');
  const href = entry.getAttribute('href');
  if (entry.tagName === 'A' && href && href !== '#') {
    const chooserPage = await client.get(new URL(href, page.url).toString());
    return { page: chooserPage, root: chooserPage.doc.body };
  }
  const heading = allByText(page.doc, 'h1, h2, h3', 'Changer de compte')[0];
  const panel = heading?.closest('[role=dialog], dialog, section, aside');
  if (!panel) throw new Error('no chooser panel in the page');
  return { page, root: panel };
}

/** The text of the entry (row or item) holding the submit control for `address`. */
function entryText(root: Element, address: string): string {
  for (const submitter of root.querySelectorAll('button, input[type=submit]')) {
    const entry = submitter.closest('li, tr') ?? submitter;
    if (textOf(entry).toLowerCase().includes(address)) return textOf(entry);
  }
  throw new Error(`no chooser entry for ${address}`);
}

function inboxCount(page: PortalPage): number | null {
  const digits = /(\d+)/.exec(textOf(byText(page.doc, 'a', 'Boîte de réception')));
  return digits ? Number(digits[1]) : null;
}

describe.each(RENDERINGS)('simulator, %s rendering, chooser counts', (rendering) => {
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

  it('shows the counts by default, and says so in the state', async () => {
    expect((await controlState(sim)).chooserCounts).toBe(true);
    const { root } = await openChooser(client, await client.login(DEMO.login, DEMO.password));
    const { unread } = await controlState(sim);
    for (const address of ACCOUNTS) {
      const rest = entryText(root, address).toLowerCase().replace(address, '');
      expect(rest).toMatch(new RegExp(`(^|\\D)${unread[address]}(\\D|$)`));
    }
  });

  it('lists every account with its address and name and no count once switched off', async () => {
    await setChooserCounts(sim, false);
    expect((await controlState(sim)).chooserCounts).toBe(false);
    await control(sim, 'deliver', { to: DEMO.services.cardio, count: 4 });
    const page = await client.login(DEMO.login, DEMO.password);
    const chooser = await openChooser(client, page);
    expect(fold(entryText(chooser.root, DEMO.services.cardio))).toContain(fold('Secrétariat de cardiologie'));
    for (const address of ACCOUNTS) {
      // What the entry shows beyond its address and its name (which may hold digits).
      const name = DEMO_SEED.accounts.find((account) => account.address === address)?.name ?? '';
      const rest = fold(entryText(chooser.root, address)).replace(address, '').replace(fold(name), '');
      expect(rest, address).not.toMatch(/\d/);
    }
    // The extension's reader finds every entry, none with a count (on the chooser page,
    // or on the account page where the alt rendering's panel is believed).
    const manageHref = byText(page.doc, 'a', 'Gérer votre compte Medimail').getAttribute('href') ?? '';
    const manage = await client.get(new URL(manageHref, page.url).toString());
    const entries = [chooser.page, manage]
      .map((read) => readPortalPage(read.doc, DEFAULT_PROFILE, { pageUrl: read.url }).chooser)
      .find((found) => found !== null);
    expect(entries?.map((entry) => entry.address).sort()).toEqual([...ACCOUNTS].sort());
    expect(entries?.every((entry) => entry.unread === null)).toBe(true);
  });

  it('keeps the inbox count in the folder list', async () => {
    await setChooserCounts(sim, false);
    await control(sim, 'deliver', { to: DEMO.colleague, count: 3 });
    const page = await client.login(DEMO.colleague, DEMO.password);
    expect(inboxCount(page)).toBe(3);
  });

  it('shows the counts again after a reset, and refuses a malformed body', async () => {
    await setChooserCounts(sim, false);
    expect((await control(sim, 'chooser-counts', { shown: 'non' })).status).toBe(400);
    expect((await control(sim, 'chooser-counts', {})).status).toBe(400);
    await control(sim, 'reset');
    expect((await controlState(sim)).chooserCounts).toBe(true);
    const { root } = await openChooser(client, await client.login(DEMO.login, DEMO.password));
    expect(entryText(root, DEMO.services.mss).toLowerCase().replace(DEMO.services.mss, '')).toMatch(/\d/);
  });
});

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}
