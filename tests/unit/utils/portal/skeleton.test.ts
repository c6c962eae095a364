/**
 * The redacted page skeleton for support (issue 14): on every saved page it keeps the
 * structure and the contract's texts, and none of the page's personal data; personal
 * data planted everywhere a page can hold it never comes out; hostile pages are bounded.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BANNER_TAG } from '@/entrypoints/portal.content/banner';
import { CONNECTED_ATTRIBUTE } from '@/entrypoints/portal.content/index';
import { readChooser } from '@/utils/portal/chooser';
import { findLabel } from '@/utils/portal/label';
import { findAccountMenus } from '@/utils/portal/menu';
import { OWN_MARK } from '@/utils/portal/own-marks';
import { findPortalInterface, readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { pageSkeleton, SKELETON_MAX_DEPTH, SKELETON_MAX_LINES } from '@/utils/portal/skeleton';
import { EXTRA_TEXTS } from '@/utils/portal/skeleton-vocabulary';
import { addressesIn, fold, isEntryText, tidy } from '@/utils/portal/text';
import { FIXTURE_ORIGIN, type FixtureRendering, learntFrame, loadPageAt, pageFrom } from './fixtures';

const P = DEFAULT_PROFILE;
/** The profile's texts and the few other texts of the contract (titles, login errors). */
const CONTRACT_TEXTS = [...Object.values(P.texts).flat(), ...EXTRA_TEXTS];

const PAGES = (['classic', 'alt', 'other'] as const).flatMap((rendering) =>
  readdirSync(`tests/fixtures/portal/${rendering}`).map((file) => [rendering, file.replace(/\.html$/, '')] as const),
);

/** Where each rendering shows a message's subject and sender (in lists and in the message view). */
const SUBJECTS_AND_SENDERS: Record<FixtureRendering, string> = {
  classic: 'td.middle, #kvp_param p, #droite > h2',
  alt: '.mail-from, .mail-subject, dl.meta dd, article.reader h1',
  other: '.list p',
};

/** A token shown as its hash. */
const H = '«h:[0-9a-z]+»';

const elementLines = (skeleton: string) => skeleton.split('\n').filter((line) => !line.trimStart().startsWith('<!--'));

/** Not the portal's words nor a count: the texts the skeleton must hide. */
const isPersonal = (text: string) => text !== '' && !/^\(?\d{1,6}\)?$/.test(text) && !isEntryText(text, CONTRACT_TEXTS);

/** Every text node of the page that a person reads (scripts and styles left out). */
function shownTexts(doc: Document): string[] {
  const texts: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('script, style')) texts.push(tidy(node.nodeValue));
  }
  return texts;
}

/** The page's personal data, collected from the page itself. */
function personalData(doc: Document, rendering: FixtureRendering, url: string): string[] {
  const hrefs = [...doc.querySelectorAll('[href], [action], [value]')].flatMap((el) =>
    ['href', 'action', 'value'].map((name) => decodeURIComponent(el.getAttribute(name) ?? '')),
  );
  const addresses = addressesIn(`${doc.documentElement.outerHTML} ${hrefs.join(' ')}`);
  const reading = readPortalPage(doc, P, { pageUrl: url, frame: learntFrame(rendering) });
  const chooser = readChooser(doc, P, { pageUrl: url, wholePage: true });
  // The label beside each menu of the page, believed or not (a page the frame does not fit shows one too).
  const labels = findAccountMenus(doc, P, url).map((menu) => findLabel(doc, P, menu)?.text);
  const names = [
    reading.label?.text,
    ...labels,
    ...(reading.chooser ?? []).map((entry) => entry.name),
    ...(chooser?.entries ?? []).map((entry) => entry.name),
  ];
  const messages = [...doc.querySelectorAll(SUBJECTS_AND_SENDERS[rendering])].map((el) => tidy(el.textContent));
  return [...addresses, ...names, ...messages].filter((t): t is string => typeof t === 'string' && isPersonal(t));
}

describe.each(PAGES)('the skeleton of %s/%s', (rendering, name) => {
  const { doc, url } = loadPageAt(rendering, name);
  const skeleton = pageSkeleton(doc, P, url);
  const folded = fold(skeleton);

  it('lists every element, in one line each, under a header naming the page', () => {
    const [header] = skeleton.split('\n');
    expect(header).toMatch(/^<!-- Repère BAL : squelette de page \(structure seule, textes masqués\) — /);
    expect(header).toContain(FIXTURE_ORIGIN);
    const lines = elementLines(skeleton);
    const dropped = doc.querySelectorAll('script *, style *, iframe *').length;
    expect(lines).toHaveLength(1 + doc.documentElement.querySelectorAll('*').length - dropped);
    expect(lines[0]).toMatch(/^html\b/);
    expect(lines.some((line) => /^ {2}body\b/.test(line))).toBe(doc.body !== null);
  });

  it('keeps the contract texts the page shows', () => {
    const reading = readPortalPage(doc, P, { pageUrl: url, frame: learntFrame(rendering) });
    if (reading.trust !== 'none') expect(folded).toContain('"changer de compte"');
    if (reading.manageUrl) expect(folded).toContain(fold('"gérer votre compte medimail"'));
    if (reading.accountTable) {
      expect(skeleton).toMatch(/\n *th\b\S* "Compte par défaut"\n/);
      expect(skeleton).toMatch(/\n *th\b\S* "Notif de réception vers compte de connexion"\n/);
      expect(skeleton).toContain('"Définir comme compte par défaut"');
    }
    if (reading.inboxUnread !== null) expect(folded).toContain(fold('"boîte de réception'));
    if (name === 'compose') expect(folded).toMatch(/"envoyer"|\[value=envoyer\]/);
  });

  it('shows none of the page’s personal data', () => {
    const personal = personalData(doc, rendering, url);
    if (!/^login|session|garbled|no-header/.test(name)) expect(personal.length).toBeGreaterThan(0);
    for (const text of personal) expect(folded, text).not.toContain(fold(text));
    // Nor any other text the page shows that is not the portal's words or a count.
    for (const text of shownTexts(doc).filter(isPersonal)) {
      if (text.length >= 4) expect(skeleton, text).not.toContain(`"${text}"`);
      if (text.includes(' ') && text.length >= 8) expect(folded, text).not.toContain(fold(text));
    }
  });
});

const NAME = 'Jeanne Dupont-Martin';
const ADDRESS = 'jeanne.dupont@chu-exemple.fr';
const SUBJECT = 'Résultats IRM patient 1984-03-12';
const NIR = 'NIR 2 84 03 75 123 456 78';
const PLANTED = [NAME, ADDRESS, SUBJECT, NIR];

/** Every piece of a planted string that must not come out: itself, lower-cased, and its parts of 5 characters or more. */
const pieces = PLANTED.flatMap((text) => [text, ...text.split(/\s+/), ...text.split(/[^\p{L}\p{N}]+/u)]).filter(
  (piece) => piece.length > 4,
);

function planted(rendering: 'classic' | 'alt'): { doc: Document; url: string } {
  const { doc, url } = loadPageAt(rendering, 'inbox-service-name');
  const e = encodeURIComponent;
  const label = findPortalInterface(doc, P, { pageUrl: url, frame: learntFrame(rendering) }).label?.element;
  expect(label).toBeTruthy();
  (label as Element).textContent = NAME;
  const [sender, subject] = doc.querySelectorAll(SUBJECTS_AND_SENDERS[rendering]);
  (sender as Element).textContent = `${NAME} <${ADDRESS}>`;
  (subject as Element).textContent = SUBJECT;
  doc.title = `${SUBJECT} — ${NAME}`;
  doc.head.insertAdjacentHTML('beforeend', `<meta name="author" content="${NAME}">`);
  doc.body.insertAdjacentHTML(
    'beforeend',
    `<!-- ${NAME} ${ADDRESS} ${NIR} -->
    <section id="${ADDRESS}" class="${NAME} jeanne-dupont dossier-19840312" title="${NAME}" aria-label="${SUBJECT}"
      data-patient="${NIR}" data-jeanne-dupont="1" onclick="ouvrir('${ADDRESS}')">
      <p class="Dupont_Martin" id="msg-${ADDRESS}">${NAME} &lt;${ADDRESS}&gt;</p>
      <p>${SUBJECT}</p><p data-nir="${NIR}">${NIR}</p>
      <img alt="${NAME}" src="/photos/${e(NAME)}.jpg?patient=${e(ADDRESS)}&amp;nir=${e(NIR)}">
      <a href="/dossiers/${ADDRESS}/jeanne-dupont-martin?nom=dupont&amp;sujet=${e(SUBJECT)}#${e(NAME)}" title="${ADDRESS}">x</a>
      <a href="mailto:${ADDRESS}?subject=${e(SUBJECT)}">${ADDRESS}</a>
      <a href="https://annuaire.example/${e(NAME)}/${e(ADDRESS)}">annuaire</a>
      <form action="/patients/${e(NAME)}?id=${e(NIR)}" name="jeanne_dupont">
        <input name="nom" value="${NAME}" placeholder="${ADDRESS}"><input type="hidden" name="nir" value="${NIR}">
        <input type="password" name="mdp" value="123456"><textarea name="note">${SUBJECT}</textarea>
        <select name="patient"><option value="${ADDRESS}" label="${NAME}">${NAME}</option></select>
      </form>
      <iframe src="/apercu/${e(ADDRESS)}?fichier=${e(SUBJECT)}" title="${SUBJECT}">${NAME}</iframe>
      <script>var patient = "${NAME}", mail = "${ADDRESS}";</script>
      <style>.x::after { content: "${NIR}"; }</style>
      <jeanne-dupont role="${NAME}" aria-describedby="${ADDRESS}"></jeanne-dupont>
      <svg aria-label="${NAME}"><title>${SUBJECT}</title><text>${NAME}</text></svg>
    </section>`,
  );
  return { doc, url };
}

describe.each(['classic', 'alt'] as const)('personal data planted in a %s page', (rendering) => {
  const { doc, url } = planted(rendering);
  const skeleton = pageSkeleton(doc, P, url);
  const lower = skeleton.toLowerCase();

  it('never comes out: not whole, not lower-cased, not in parts', () => {
    expect(pieces).toEqual(expect.arrayContaining(['Jeanne', 'Dupont', 'Martin', 'exemple', 'patient', '1984-03-12']));
    for (const piece of pieces) expect(lower, piece).not.toContain(piece.toLowerCase());
    expect(skeleton).not.toContain('123456');
    expect(skeleton).not.toContain('19840312');
  });

  it('still shows where each thing was, and the page around it', () => {
    const lines = elementLines(skeleton);
    expect(lines).toHaveLength(1 + doc.documentElement.querySelectorAll('*').length);
    expect(skeleton).toMatch(/meta\[name=author\]\[content=«20 car\.»\]/);
    expect(skeleton).toMatch(new RegExp(`section#${H}(\\.${H}){4}\\[title=«20 car\\.»\\]`));
    expect(skeleton).toMatch(new RegExp(`\\[${H}=«25 car\\.»\\]\\[${H}=«1 car\\.»\\]`)); // data-patient, data-jeanne-dupont
    expect(skeleton).toContain('[onclick=«38 car.»]');
    expect(skeleton).toMatch(new RegExp(`img\\[alt=«20 car\\.»\\]\\[src=/${H}/${H}\\?${H}=…&${H}=…\\]`));
    expect(skeleton).toMatch(
      new RegExp(`a\\[href=/dossiers/${H}/${H}\\?nom=…&${H}=…#${H}\\]\\[title=«28 car\\.»\\] "#1"`),
    );
    expect(skeleton).toContain('a[href=mailto:«');
    expect(skeleton).toContain('a[href=«autre origine»] "#8"');
    expect(skeleton).toMatch(new RegExp(`form\\[action=/${H}/${H}\\?id=…\\]\\[name=${H}\\]`));
    expect(skeleton).toMatch(new RegExp(`input\\[type=password\\]\\[name=${H}\\]\\[value=«6 car\\.»\\]`));
    expect(skeleton).toMatch(new RegExp(`iframe\\[src=/${H}/${H}\\?${H}=…\\]\\[title=«32 car\\.»\\]\\n`));
    expect(skeleton).toMatch(/\n {6}script\n {6}style\n/);
    expect(skeleton).toMatch(new RegExp(`${H}\\[role=«20 car\\.»\\]\\[aria-describedby=${H}\\]`));
    expect(skeleton).toContain('"Changer de compte"');
    // The same token, the same hash: the section's id is what the custom element refers to.
    const sectionId = /section#(«h:\w+»)/.exec(skeleton)?.[1];
    expect(skeleton).toContain(`[aria-describedby=${sectionId}]`);
  });
});

describe('the skeleton’s rules', () => {
  const page = (body: string) =>
    pageSkeleton(pageFrom(`<html><head></head><body>${body}</body></html>`), P, `${FIXTURE_ORIGIN}/?m=liste`);

  it('keeps the contract’s texts and a count beside one, structure ids and classes, field names and types', () => {
    const skeleton = page(
      `<header id="top" class="entete"><nav role="navigation" aria-label="Menu principal">
        <a href="/?m=comptes">Changer de compte</a><span class="etiquette">Secrétariat cardio</span></nav></header>
      <a href="/?m=liste&f=1">BOÎTE DE RÉCEPTION (3)</a><a href="/app"><span>Boîte de réception</span> <span class="pill">12</span></a>
      <table><tr><td class="nonlus">(3)</td></tr></table>
      <form method="post" action="/?m=choix"><input type="hidden" name="token" value="abc"><button type="submit">Envoyer</button></form>`,
    );
    expect(skeleton).toContain(
      [
        '    header#top.entete',
        '      nav[role=navigation][aria-label=«14 car.»]',
        '        a[href=/?m=…] "Changer de compte"',
        '        span.etiquette "#18"',
        '    a[href=/?m=…&f=…] "BOÎTE DE RÉCEPTION (3)"',
        '    a[href=/app]',
        '      span "Boîte de réception"',
        '      span.pill "12"',
      ].join('\n'),
    );
    // A number beside no contract text is any number (a count, a date's part, a patient's).
    expect(skeleton).toContain('          td.nonlus "#3"');
    expect(skeleton).toContain(
      '    form[method=post][action=/?m=…]\n      input[type=hidden][name=token][value=«3 car.»]\n      button[type=submit] "Envoyer"',
    );
  });

  it('hashes ids and classes not made of the structure’s words, the same token to the same hash', () => {
    const skeleton = page(
      '<div id="msg-jean.dupont@chu.fr" class="ok Durand x-1984 a_b menu-item"><p class="une-classe Durand"></p></div>',
    );
    expect(skeleton).toMatch(new RegExp(`div#${H}\\.ok\\.${H}\\.${H}\\.a_b\\.menu-item\\n`));
    const durand = new RegExp(`div#${H}\\.ok\\.(${H})`).exec(skeleton)?.[1];
    expect(skeleton).toContain(`p.«h:`);
    expect(skeleton).toMatch(new RegExp(`p\\.${H}\\.${durand}$`));
    expect(skeleton.toLowerCase()).not.toMatch(/dupont|durand|1984|classe/);
  });

  it('shows a surname in no id, class, field name, query, path or page address, even one the page never shows', () => {
    const skeleton = pageSkeleton(
      pageFrom(
        `<html><head></head><body><div id="dupont" class="roy fiche-lin"><form action="/patients/Dupont/roy?nom=dupont&amp;ipp=778899">
          <input name="dupont_roy" value="Roy"><input name="lin[]"></form><a href="/recherche/roy?q=lin#dupont">x</a>
          <label for="dupont">x</label></div></body></html>`,
      ),
      P,
      `${FIXTURE_ORIGIN}/dossiers/dupont?m=recherche&q=Dupont%20Roy`,
    );
    expect(skeleton.toLowerCase()).not.toMatch(/dupont|roy|lin\b|fiche-lin|778899|patients/);
    expect(skeleton.split('\n')[0]).toMatch(new RegExp(`— ${FIXTURE_ORIGIN}/dossiers/${H}\\?m=…&q=… -->$`));
    expect(skeleton).toMatch(new RegExp(`div#(${H})\\.${H}\\.${H}`));
  });

  it('keeps no date of birth, social security or patient number, split across elements or in an attribute', () => {
    const skeleton = page(
      `<p>Né le <span>12</span>/<span>03</span>/<span>1957</span></p>
      <p><span>2</span> <span>57</span> <span>03</span> <span>75</span> <span>123</span> <span>456</span> <span>78</span></p>
      <table><tr data-patient="0123456789" data-ipp="778899" data-age="68"><td><input type="hidden" name="ipp" value="778899"></td>
      <td><input value="12/03/1957"></td><td title="1957">1 957</td></tr></table>`,
    );
    // Hashes are letters and digits: read what is left around them.
    const shown = skeleton.replace(new RegExp(H, 'g'), '«h»');
    for (const number of ['12', '03', '1957', '57', '75', '123', '456', '78', '0123456789', '778899', '68', '1 957'])
      expect(shown, number).not.toMatch(new RegExp(`(^|[^\\d])${number}([^\\d]|$)`));
  });

  it('drops comments and the content of scripts, styles and iframes', () => {
    const skeleton = page(
      '<!-- Jeanne --><script>var x = "Jeanne";</script><style>p{}</style><iframe srcdoc="<p>Jeanne</p>">Jeanne</iframe>',
    );
    expect(skeleton).not.toContain('Jeanne');
    expect(skeleton).toMatch(/script\n {4}style\n {4}iframe\[srcdoc=«13 car\.»\]$/);
  });
});

describe('odd and hostile pages', () => {
  const url = `${FIXTURE_ORIGIN}/`;

  it('cuts a page nested 10 000 deep at the depth limit, and says how much it cut', () => {
    // Straight from the parser: the test environment's own selectors recurse, and would overflow here.
    const doc = new DOMParser().parseFromString(
      `<html><head></head><body>${'<div>'.repeat(10_000)}Jeanne${'</div>'.repeat(10_000)}</body></html>`,
      'text/html',
    );
    const skeleton = pageSkeleton(doc, P, url);
    const lines = elementLines(skeleton);
    expect(Math.max(...lines.map((line) => line.search(/\S/)))).toBe(2 * (SKELETON_MAX_DEPTH - 1));
    const listed = lines.length - 3; // html, head, body
    expect(skeleton).toContain(`<!-- coupé : ${10_000 - listed} éléments au-delà de ${SKELETON_MAX_DEPTH} niveaux -->`);
    expect(skeleton).not.toContain('Jeanne');
  });

  it('cuts a page of 100 000 elements at the line limit, and says how much it cut', () => {
    const doc = pageFrom(
      `<html><head></head><body>${'<p class="Jeanne">Jeanne Dupont</p>'.repeat(100_000)}</body></html>`,
    );
    const skeleton = pageSkeleton(doc, P, url);
    expect(elementLines(skeleton)).toHaveLength(SKELETON_MAX_LINES);
    expect(skeleton).toContain(
      `<!-- coupé : ${SKELETON_MAX_LINES} éléments au plus, ${100_004 - SKELETON_MAX_LINES} autres omis -->`,
    );
    expect(skeleton).not.toContain('Jeanne');
  }, 60_000);

  it('never throws: no body, XML, SVG, a template, no root at all, an unreadable URL', () => {
    const parser = new DOMParser();
    const noBody = pageFrom('<html><head><title>Jeanne</title></head></html>');
    noBody.body?.remove();
    const docs = [
      noBody,
      parser.parseFromString('<dossier><Jeanne nom="Dupont">Jeanne Dupont</Jeanne></dossier>', 'application/xml'),
      parser.parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><text>Jeanne</text></svg>', 'image/svg+xml'),
      pageFrom('<template><p>Jeanne</p></template><iframe src="https://ailleurs.example/Jeanne"></iframe>'),
      document.implementation.createDocument(null, null, null),
    ];
    for (const doc of docs) {
      for (const pageUrl of [url, 'pas une adresse', 'file:///Jeanne']) {
        const skeleton = pageSkeleton(doc, P, pageUrl);
        expect(skeleton.split('\n')[0]).toMatch(/^<!-- Repère BAL : squelette de page/);
        expect(skeleton).not.toContain('Jeanne');
        expect(skeleton).not.toContain('squelette interrompu');
      }
    }
  });

  it('leaves out what the extension put in the page: its banner, its tab icon, its mark on the page', () => {
    const { doc, url: at } = loadPageAt('classic', 'inbox-service-name');
    const before = pageSkeleton(doc, P, at);
    doc.documentElement.setAttribute(CONNECTED_ATTRIBUTE, '0.1.0');
    const banner = doc.createElement(BANNER_TAG);
    banner.setAttribute('data-address', 'mss@esante-occitanie.fr');
    doc.body.prepend(banner);
    const icon = Object.assign(doc.createElement('link'), { rel: 'icon', href: 'data:image/svg+xml,%3Csvg%3E' });
    icon.setAttribute(OWN_MARK, '');
    doc.head.append(icon);
    expect(pageSkeleton(doc, P, at)).toBe(before);
  });
});
