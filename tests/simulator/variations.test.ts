/**
 * The simulator's variations (tests/simulator/variations.ts), switched through the
 * control API on both renderings: each changes the pages as a real portal does, alone or
 * with the others, from one request to the next, and reset turns them all off.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { control, controlState, PortalClient, type PortalPage } from './client';
import { DEMO } from './seed';
import { type RenderingName, type Simulator, startSimulator } from './server';
import { VARIATION_SWITCHES } from './variations';

const ACCOUNT_PAGE: Record<RenderingName, string> = { classic: '/?m=compte', alt: '/app/parametres' };

/** Ids of the page that are not the login form's. */
const ids = (page: PortalPage) => [...page.doc.querySelectorAll('[id]')].map((el) => el.id);
const bodyTags = (page: PortalPage) => [...(page.doc.body?.children ?? [])].map((el) => el.className || el.tagName);

describe.each<RenderingName>(['classic', 'alt'])('variations, %s rendering', (rendering) => {
  let sim: Simulator;
  let client: PortalClient;
  beforeAll(async () => {
    sim = await startSimulator({ rendering });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.state.reset();
    client = new PortalClient(sim);
    await client.login(DEMO.login, DEMO.password);
  });

  it('refuses a bad body, reports the switches, and turns them all off on reset', async () => {
    expect((await control(sim, 'variations', { notices: 'yes' })).status).toBe(400);
    expect((await control(sim, 'variations', { sparkles: true })).status).toBe(400);
    const set = await control(sim, 'variations', { notices: true, generatedIds: true, seed: 3 });
    expect(set.status).toBe(200);
    expect((await controlState(sim)).variations).toMatchObject({ notices: true, generatedIds: true, seed: 3 });
    await control(sim, 'reset');
    expect(Object.values((await controlState(sim)).variations).filter((value) => value === true)).toEqual([]);
  });

  it('shows notices on the mail pages only, never on the menu’s own pages', async () => {
    await control(sim, 'variations', { notices: true, seed: 11 });
    const texts = [];
    for (let i = 0; i < 6; i += 1) texts.push((await client.get(sim.rendering.inboxPath)).doc.body?.textContent ?? '');
    expect(texts.some((text) => text.includes('maintenance est prévue'))).toBe(true);
    const account = await client.get(ACCOUNT_PAGE[rendering]);
    expect(account.doc.body?.textContent).not.toContain('maintenance');
    expect(account.doc.body?.textContent).not.toContain('Votre boîte est pleine');
  });

  it('makes its ids afresh at each request, references kept consistent', async () => {
    await control(sim, 'variations', { generatedIds: true, seed: 5 });
    const first = await client.get(sim.rendering.inboxPath);
    const second = await client.get(sim.rendering.inboxPath);
    expect(ids(first)).not.toEqual(ids(second));
    expect(ids(first).every((id) => /\d{2,}|[0-9a-f]{6,}/.test(id))).toBe(true);
    const compose = await client.get(rendering === 'classic' ? '/?m=nouveau' : '/app/ecrire');
    for (const label of compose.doc.querySelectorAll('label[for]'))
      expect(compose.doc.getElementById(label.getAttribute('for') ?? '')).not.toBeNull();
  });

  it('wraps each page type differently', async () => {
    const plain = bodyTags(await client.get(sim.rendering.inboxPath));
    await control(sim, 'variations', { wrappers: true });
    const list = bodyTags(await client.get(sim.rendering.inboxPath));
    const account = bodyTags(await client.get(ACCOUNT_PAGE[rendering]));
    expect(list).not.toEqual(plain);
    expect(list[0]).toContain('gabarit-liste');
    expect(account[0]).toContain('gabarit-parametres');
  });

  it('adds the portal’s script that adds elements after load, and writes the texts as a portal may', async () => {
    await control(sim, 'variations', { scriptAdditions: true, textVariants: true, seed: 9 });
    const pages = [];
    for (let i = 0; i < 8; i += 1) pages.push(await client.get(sim.rendering.inboxPath));
    expect(pages[0]?.html).toContain('variations.js');
    const entries = pages.map(
      (page) => page.html.match(/G[ée]rer\s+votre\s+compte Medimail|GÉRER VOTRE COMPTE MEDIMAIL/)?.[0],
    );
    expect(new Set(entries).size).toBeGreaterThan(1);
  });

  it('moves the account area on the mail pages, or words its menu otherwise, beyond ordinary variation', async () => {
    await control(sim, 'variations', { relocatedMenu: true });
    const inbox = await client.get(sim.rendering.inboxPath);
    const account = await client.get(ACCOUNT_PAGE[rendering]);
    const areaParent = (page: PortalPage) =>
      page.doc.querySelector('[data-sim-part="account"]')?.parentElement?.outerHTML.slice(0, 40);
    expect(areaParent(inbox)).not.toBe(areaParent(account));
    await control(sim, 'variations', { relocatedMenu: false, unknownWording: true });
    const reworded = await client.get(sim.rendering.inboxPath);
    expect(reworded.html).not.toContain('Changer de compte');
    expect(reworded.html).toContain('Mon compte Medimail');
  });

  it('combines every switch and still serves a working webmail: log in, switch, send', async () => {
    const all = Object.fromEntries(VARIATION_SWITCHES.map((name) => [name, true]));
    await control(sim, 'variations', { ...all, seed: 2026 });
    const inbox = await client.get(sim.rendering.inboxPath);
    expect(inbox.status).toBe(200);
    expect(inbox.doc.querySelector('[data-sim-part="folders"]')).not.toBeNull();
    expect((await controlState(sim)).sessions).toHaveLength(1);
  });
});
