/**
 * Messages as the contract's point 9 describes them, in both renderings: an HTML body
 * shown inline after the portal's sanitising (the attack library's imitations intact,
 * no script, no event attribute), text bodies as before, subjects and sender names as
 * text. The body's place is each rendering's own (`#corps > #kvp_content`, `.reader-body`):
 * this is the simulator's promise to the attack tests, not something the extension reads.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AttackerSite, startAttackerSite } from './attacker';
import { allAttacks, FAKE_ADDRESSES, FAKE_INBOX_UNREAD, HOSTILE_SUBJECTS } from './attacks';
import { allByText, control, fold, PortalClient, type PortalPage, textOf } from './client';
import { DEMO } from './seed';
import { type RenderingName, type Simulator, startSimulator } from './server';

const BODY_PLACE: Record<RenderingName, string> = { classic: '#corps > #kvp_content', alt: '.reader-body' };

const SCRIPTED = `<script>window.pirate = 1</script><img src="x" onerror="window.pirate = 2">
<p class="marque" style="color: red" onclick="window.pirate = 3" onmouseover="window.pirate = 4">Bonjour</p>`;

/** An href as a browser reads it: ASCII tabs and newlines dropped, surrounding white space trimmed. */
function scheme(href: string): string {
  return (
    /^([a-z]+):/.exec(
      href
        .replace(/[\t\n\r]/g, '')
        .trim()
        .toLowerCase(),
    )?.[1] ?? ''
  );
}

describe.each(['classic', 'alt'] as const)('message bodies, %s rendering', (rendering) => {
  let sim: Simulator;
  let site: AttackerSite;
  let client: PortalClient;

  beforeAll(async () => {
    [sim, site] = await Promise.all([startSimulator({ rendering }), startAttackerSite()]);
  });
  afterAll(async () => {
    await Promise.all([sim.close(), site.close()]);
  });
  beforeEach(async () => {
    await control(sim, 'reset');
    client = new PortalClient(sim);
    await client.login(DEMO.colleague, DEMO.password);
  });

  async function openDelivered(fields: Record<string, string>): Promise<{ page: PortalPage; body: Element }> {
    const delivered = await control(sim, 'deliver', { to: DEMO.colleague, ...fields });
    expect(delivered.status).toBe(200);
    const page = await client.get(sim.rendering.messagePath(delivered.json.keys?.[0] ?? ''));
    const body = page.doc.querySelector(BODY_PLACE[rendering]);
    if (!body) throw new Error('no message body in the page');
    return { page, body };
  }

  it('shows an HTML body inline with its links, forms, tables and classes, without scripts or event attributes', async () => {
    const attacks = allAttacks({ attacker: site.url, realAddresses: Object.values(DEMO.services) });
    const { page, body } = await openDelivered({ html: `${attacks}${SCRIPTED}`, subject: 'Piège' });

    expect(body.querySelectorAll('script')).toHaveLength(0);
    expect([...page.doc.querySelectorAll('script')].some((script) => textOf(script).includes('pirate'))).toBe(false);
    const handlers = [...body.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)),
    );
    expect(handlers).toEqual([]);

    const marked = body.querySelector('p.marque');
    expect(textOf(marked)).toBe('Bonjour');
    expect(marked?.getAttribute('style')).toBe('color: red');
    expect(body.querySelector('img')?.getAttribute('src')).toBe('x');

    expect(allByText(body, 'h2', 'Changer de compte')).toHaveLength(1);
    expect(allByText(body, 'h2', 'Gestion des comptes de connexion')).toHaveLength(1);
    expect(allByText(body, 'a', `Boîte de réception (${FAKE_INBOX_UNREAD})`)).toHaveLength(3);
    expect(body.querySelector('[role=treeitem]')).not.toBeNull();
    expect(body.querySelector('#etiquette.etiquette-bleue')?.getAttribute('aria-haspopup')).toBe('true');
    expect(textOf(body.querySelector('#etiquette'))).toBe(FAKE_ADDRESSES[1]);
    expect(body.querySelector('base')?.getAttribute('href')).toBe(site.url);

    const links = [...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
    expect(links.filter((href) => href.startsWith(site.origin)).length).toBeGreaterThan(10);
    expect(links.filter((href) => scheme(href) === 'javascript')).toHaveLength(5);
    expect(links.filter((href) => ['data', 'vbscript'].includes(scheme(href)))).toHaveLength(2);

    const forms = [...body.querySelectorAll('form')];
    expect(forms.every((form) => form.getAttribute('action')?.startsWith(site.origin))).toBe(true);
    const switching = forms.filter(
      (form) => form.querySelector('input[type=hidden][name=compte]')?.getAttribute('value') === DEMO.services.cardio,
    );
    expect(switching.length).toBeGreaterThanOrEqual(2);
    for (const form of switching) {
      expect(form.getAttribute('method')).toBe('post');
      expect(form.querySelector('input[name=target]')?.getAttribute('value')).toBe(DEMO.services.cardio);
      expect(allByText(form, 'input[type=submit], button', 'Accéder')).toHaveLength(1);
    }
    expect(body.querySelector('form input[type=password]')).not.toBeNull();

    const table = [...body.querySelectorAll('table')].find((t) => allByText(t, 'th', 'Compte par défaut').length > 0);
    expect(allByText(table as Element, 'th', 'Notif de réception vers compte de connexion')).toHaveLength(1);
    const ticked = table?.querySelector('input[type=checkbox][checked]');
    expect(ticked?.getAttribute('value')).toBe(FAKE_ADDRESSES[0]);
    expect(textOf(table?.querySelector(`label[for="${ticked?.getAttribute('id')}"]`))).toBe(
      'Définir comme compte par défaut',
    );
  });

  it('keeps the text body of a message without HTML, as text', async () => {
    const { body } = await openDelivered({ body: 'Première ligne\nSeconde <b>ligne</b>' });
    expect(textOf(body)).toContain('Première ligne');
    expect(textOf(body)).toContain('Seconde <b>ligne</b>');
    expect(body.querySelector('b')).toBeNull();
  });

  it('shows subjects and sender names as text, in the list and in the message', async () => {
    const subject = `<b>${HOSTILE_SUBJECTS[0]}</b>`;
    const fromName = `<img src=x>${HOSTILE_SUBJECTS[3]}`;
    const { page } = await openDelivered({ subject, fromName, html: '<p>corps</p>' });
    expect(fold(page.doc.body.textContent)).toContain(fold(subject));
    expect(fold(page.doc.body.textContent)).toContain(fold(fromName));
    expect(page.doc.querySelector('img[src=x]')).toBeNull();
    expect(allByText(page.doc, 'b', HOSTILE_SUBJECTS[0])).toHaveLength(0);
    const inbox = await client.get(sim.rendering.inboxPath);
    expect(fold(inbox.doc.body.textContent)).toContain(fold(subject));
    expect(inbox.doc.querySelector('img[src=x]')).toBeNull();
  });

  it('takes HTML bodies of up to 200,000 characters, however JSON escapes them', async () => {
    const longest = await control(sim, 'deliver', { to: DEMO.colleague, html: '\u0001'.repeat(200_000) });
    expect(longest.status).toBe(200);
    const tooLong = await control(sim, 'deliver', { to: DEMO.colleague, html: 'x'.repeat(200_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatch(/html/);
  });
});
