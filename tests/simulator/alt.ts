/**
 * The second rendering: the same portal and the same texts, with other markup, ids,
 * classes, paths and field names. The label is a button, the menu holds a button
 * (not a link) « Changer de compte » that opens the account chooser as a panel in
 * place (its unread counts hidden when the control API says so), and the page's script
 * switches accounts without a page load (it swaps the application's content). Without a
 * live session, webmail pages redirect to `/connexion`. A message's HTML body is shown
 * inline, sanitised as in the classic rendering. Nothing here may be needed by the
 * extension.
 */
import { html, type SafeHtml } from './html';
import {
  clearedCookie,
  frenchDate,
  page,
  type Rendering,
  type Reply,
  type RequestContext,
  redirect,
  sessionCookie,
} from './http';
import { mailBody } from './sanitise';
import { LOGIN_ERRORS, type Mailbox, type Session } from './state';
import type { Look, PageType } from './variations';

const COOKIE = 'sid';
const INBOX = '/app/dossiers/reception';
const SENT = '/app/dossiers/envoyes';

function label(mailbox: Mailbox): string {
  return mailbox.labelShows === 'address' ? mailbox.address : mailbox.name;
}

function initials(text: string): string {
  const letters = text
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.slice(0, 2).join('');
}

function appContent(ctx: RequestContext, session: Session, main: SafeHtml, current: string, look: Look): SafeHtml {
  const { state } = ctx;
  const active = state.mailbox(session.active);
  const unread = state.unreadCount(active.address);
  const shown = label(active);
  const withHeader = ctx.fault?.kind !== 'no-header';
  const who = withHeader
    ? html`<div class="who" data-sim-part="account">
        <button type="button" class="who-chip" aria-haspopup="true" aria-expanded="false" aria-controls="${look.id('who-menu')}">
          <span class="who-avatar" aria-hidden="true">${initials(shown)}</span>
          <span class="who-name">${shown}</span>
        </button>
        <div class="who-menu" id="${look.id('who-menu')}" role="menu" hidden>
          <button type="button" role="menuitem" class="js-open-accounts">${look.text('Changer de compte')}</button>
          <a role="menuitem"${look.linkAttributes('/app/parametres')}>${look.text('Gérer votre compte Medimail')}</a>
          <a role="menuitem"${look.linkAttributes('/app/quitter')}>${look.text('Se déconnecter')}</a>
        </div>
      </div>`
    : html``;
  const topbar = withHeader
    ? html`<header class="topbar">
      <a class="brand" href="${INBOX}"><img src="/assets/logo.svg" alt="" width="24" height="24"><span>Medimail</span></a>
      <span class="grow"></span>
      ${look.inHeader()}
      ${look.accountAreaMoved ? '' : who}
    </header>`
    : html``;
  const folderLink = (href: string, name: string, count: number) =>
    html`<li><a href="${href}"${current === href ? html` aria-current="page"` : ''}><span>${name}</span>${count > 0 ? html` <span class="pill">${count}</span>` : ''}</a></li>`;
  return html`${look.aboveHeader()}${topbar}${look.belowHeader()}
    <div class="frame">
      <nav class="rail" aria-label="Dossiers">
        ${look.accountAreaMoved ? who : ''}
        <a class="write" href="/app/ecrire">Écrire un message</a>
        <ul class="folder-list" data-sim-part="folders">
          ${folderLink(INBOX, look.text('Boîte de réception'), unread)}
          ${folderLink(SENT, 'Envoyés', 0)}
        </ul>
      </nav>
      <main class="pane">${look.wrapContent(main)}</main>
    </div>`;
}

function chooserSheet(ctx: RequestContext, session: Session, look: Look): SafeHtml {
  const { state } = ctx;
  const items = state.accountsOf(state.userOf(session)).map((mailbox) => {
    const unread = state.unreadCount(mailbox.address);
    const current = mailbox.address === session.active;
    return html`<li>
        <button type="submit" name="target" value="${mailbox.address}" class="acct"${current ? html` aria-current="true"` : ''}>
          <span class="acct-name">${mailbox.name}</span>
          <span class="acct-mail">${mailbox.address}</span>
          ${state.chooserCounts ? html`<span class="acct-unread" title="messages non lus">${unread}</span>` : ''}
        </button>
      </li>`;
  });
  return html`<div class="sheet" id="${look.id('sheet-accounts')}" role="dialog" aria-modal="true" aria-labelledby="${look.id('sheet-accounts-title')}" hidden>
    <div class="sheet-body">
      <h2 id="${look.id('sheet-accounts-title')}">${look.text('Changer de compte')}</h2>
      <form method="post" action="/app/compte-actif" class="js-switch">
        <input type="hidden" name="_csrf" value="${session.csrf}">
        <ul class="acct-list">${items}</ul>
      </form>
      <button type="button" class="js-close-accounts">Fermer</button>
    </div>
  </div>`;
}

function shell(
  ctx: RequestContext,
  session: Session,
  title: string,
  main: SafeHtml,
  pageType: PageType,
  current = '',
): Reply {
  const look = ctx.look(pageType);
  return page(html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Messagerie Medimail</title>
<link rel="icon" href="/assets/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
${look.wrapAll(html`<div id="${look.id('root')}" class="app">${appContent(ctx, session, main, current, look)}</div>
${ctx.fault?.kind === 'no-header' ? '' : chooserSheet(ctx, session, look)}
${look.atEnd()}`)}
<script src="/assets/app.js"></script>
${look.scripts('/assets/variations.js')}
</body>
</html>`);
}

function loginPage(error?: string): Reply {
  return page(html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Connexion · Messagerie Medimail</title>
<link rel="icon" href="/assets/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="signin">
<main class="signin-card">
  <img src="/assets/logo.svg" alt="" width="48" height="48">
  <h1>Connexion à Medimail</h1>
  ${error ? html`<p class="alert" role="alert">${error}</p>` : ''}
  <form method="post" action="/connexion">
    <div class="field"><label for="f-mail">Identifiant (adresse mail)</label><input id="f-mail" name="identifiant" type="email" autocomplete="username" required></div>
    <div class="field"><label for="f-secret">Mot de passe</label><input id="f-secret" name="secret" type="password" autocomplete="current-password" required></div>
    <button type="submit" class="primary">Se connecter</button>
  </form>
</main>
</body>
</html>`);
}

function messageList(ctx: RequestContext, session: Session, folder: 'inbox' | 'sent'): Reply {
  const href = folder === 'inbox' ? INBOX : SENT;
  const pageNumber = Number.parseInt(ctx.url.searchParams.get('page') ?? '1', 10) || 1;
  const { messages, page: current, pages } = ctx.state.list(session.active, folder, pageNumber);
  const title = folder === 'inbox' ? 'Boîte de réception' : 'Envoyés';
  const items = messages.map(
    (m) => html`<li class="${m.unread ? 'mail is-new' : 'mail'}">
        <a href="/app/messages/${m.key}">
          <span class="mail-from">${folder === 'inbox' ? m.fromName : m.to}</span>
          <span class="mail-subject">${m.subject}</span>
          <time datetime="${m.date.toISOString()}">${frenchDate(m.date)}</time>
        </a>
      </li>`,
  );
  const sent =
    ctx.url.searchParams.get('ok') === 'envoi' ? html`<p class="toast" role="status">Message envoyé.</p>` : '';
  return shell(
    ctx,
    session,
    title,
    html`<h1 class="pane-title">${title}</h1>${sent}
      ${items.length ? html`<ol class="mails">${items}</ol>` : html`<p class="empty">Aucun message.</p>`}
      <nav class="pager" aria-label="Pagination">${current} / ${pages}</nav>`,
    'list',
    href,
  );
}

function messageView(ctx: RequestContext, session: Session, key: string): Reply {
  const message = ctx.state.open(session.active, key);
  if (!message)
    return shell(ctx, session, 'Introuvable', html`<p class="alert">Ce message n'existe pas.</p>`, 'message');
  return shell(
    ctx,
    session,
    message.subject,
    html`<article class="reader">
      <h1>${message.subject}</h1>
      <dl class="meta"><dt>De</dt><dd>${message.fromName} (${message.from})</dd><dt>À</dt><dd>${message.to}</dd><dt>Reçu le</dt><dd>${frenchDate(message.date)}</dd></dl>
      <div class="reader-body">${mailBody(message, (line) => html`<p>${line}</p>`)}</div>
    </article>`,
    'message',
  );
}

function compose(ctx: RequestContext, session: Session): Reply {
  const look = ctx.look('compose');
  const original = ctx.state.open(session.active, ctx.url.searchParams.get('reponse') ?? '');
  return shell(
    ctx,
    session,
    'Nouveau message',
    html`<h1 class="pane-title">Nouveau message</h1>
    <form method="post" action="/app/ecrire" class="composer">
      <input type="hidden" name="_csrf" value="${session.csrf}">
      <div class="field"><label for="${look.id('c-to')}">Destinataires</label><input id="${look.id('c-to')}" name="to" type="text"></div>
      <div class="field"><label for="${look.id('c-subject')}">Objet</label><input id="${look.id('c-subject')}" name="subject" type="text"></div>
      <div class="field"><label for="${look.id('c-body')}">Message</label><textarea id="${look.id('c-body')}" name="body" rows="12"></textarea></div>
      <div class="actions"><button type="submit" class="primary"><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d="M1 7h12M8 2l5 5-5 5" stroke="currentColor" fill="none"/></svg> ${look.text('Envoyer')}</button></div>
    </form>${original ? html`<section class="quoted" aria-label="Message d'origine"><h2>${original.subject}</h2><div class="reader-body">${mailBody(original, (line) => html`<p>${line}</p>`)}</div></section>` : ''}`,
    'compose',
  );
}

function accountManagement(ctx: RequestContext, session: Session, saved = false): Reply {
  const { state } = ctx;
  const user = state.userOf(session);
  const look = ctx.look('account');
  const rows = state.accountsOf(user).map(
    (mailbox) => html`<tr>
          <th scope="row">${mailbox.address}</th>
          <td><label class="opt"><input type="checkbox" name="default" value="${mailbox.address}"${user.defaultAccount === mailbox.address ? html` checked` : ''}> ${look.text('Définir comme compte par défaut')}</label></td>
          <td><input type="checkbox" name="notify" value="${mailbox.address}" aria-label="Notif de réception vers compte de connexion"${user.receptionNotices.has(mailbox.address) ? html` checked` : ''}></td>
        </tr>`,
  );
  return shell(
    ctx,
    session,
    'Paramètres',
    html`<h1 class="pane-title">Gestion de votre compte Medimail</h1>
    ${saved ? html`<p class="toast" role="status">Modifications enregistrées.</p>` : ''}
    <section class="card" aria-labelledby="${look.id('acc-title')}">
      <h2 id="${look.id('acc-title')}">Gestion des comptes de connexion</h2>
      <p class="hint">Ce cartouche contient l'ensemble des comptes auxquels vous avez accès. Sélectionnez un compte, il sera ouvert par défaut lors d'un accès via le Webmail.</p>
      <p class="hint">Il est possible que le compte par défaut ne soit pas pris en compte à la première connexion, une ré-authentification est alors nécessaire.</p>
      <form method="post" action="/app/parametres">
        <input type="hidden" name="_csrf" value="${session.csrf}">
        <table class="grid">
          <thead><tr><td></td><th scope="col">${look.text('Compte par défaut')}</th><th scope="col">Notif de réception vers compte de connexion</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>
        <button type="submit" class="primary">Enregistrer les modifications</button>
      </form>
    </section>`,
    'account',
  );
}

export const alt: Rendering = {
  name: 'alt',
  cookieName: COOKIE,
  loginPath: '/connexion',
  inboxPath: INBOX,
  messagePath: (key) => `/app/messages/${encodeURIComponent(key)}`,
  replyPath: (key) => `/app/ecrire?reponse=${encodeURIComponent(key)}`,
  handle(ctx) {
    const { method, url, form, state, session } = ctx;
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === '/connexion') {
      if (method === 'POST') {
        const result = state.login(form.get('identifiant') ?? '', form.get('secret') ?? '');
        if (!result.ok) return loginPage(result.error);
        return redirect(INBOX, [sessionCookie(COOKIE, result.session.id)]);
      }
      if (session) return redirect(INBOX);
      return loginPage(url.searchParams.get('motif') === 'session' ? LOGIN_ERRORS.invalidSession : undefined);
    }
    if (path !== '/' && !path.startsWith('/app')) return page(html`<h1>Page introuvable</h1>`, 404);
    if (!session) return redirect(ctx.staleSession ? '/connexion?motif=session' : '/connexion');
    if (path === '/app/quitter') {
      state.logout(session.id);
      return redirect('/connexion', [clearedCookie(COOKIE)]);
    }
    if (method === 'POST') {
      if (form.get('_csrf') !== session.csrf) return page(html`<p class="alert">Jeton invalide.</p>`, 403);
      if (path === '/app/compte-actif') {
        state.switchAccount(session, form.get('target') ?? '');
        return redirect(INBOX);
      }
      if (path === '/app/ecrire') {
        state.send(session, {
          to: form.get('to') ?? '',
          subject: form.get('subject') ?? '',
          body: form.get('body') ?? '',
        });
        return redirect(`${INBOX}?ok=envoi`);
      }
      if (path === '/app/parametres') {
        const defaults = form.getAll('default');
        state.saveAccountSettings(session.login, defaults[defaults.length - 1], form.getAll('notify'));
        return accountManagement(ctx, session, true);
      }
    }
    if (path === INBOX) return messageList(ctx, session, 'inbox');
    if (path === SENT) return messageList(ctx, session, 'sent');
    if (path === '/app/ecrire') return compose(ctx, session);
    if (path === '/app/parametres') return accountManagement(ctx, session);
    const opened = /^\/app\/messages\/([a-z0-9]+)$/.exec(path);
    if (opened?.[1]) return messageView(ctx, session, opened[1]);
    return redirect(INBOX);
  },
};
