/**
 * The main rendering, modelled on what public code of 2020 shows of the production
 * webmail at https://medimail.mipih.fr/: everything under `/` with `?m=…`, a login form
 * POSTed to `/` with `login` and `password`, the message list in a table with
 * `tr.unopen` / `tr.open` rows and `td.middle` cells, `#pagination` « Page X sur Y »,
 * messages at `/?m=open&idk=…` with `#corps` / `#kvp_content` (an HTML body shown there
 * inline, after `sanitise.ts`). The chooser is a page, with an unread count per account
 * unless the control API hides them (`chooser-counts`).
 * Without a live session, webmail pages answer with the login form itself.
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
import type { PageType } from './variations';

const COOKIE = 'MEDIMAILSESSID';
const INBOX = '/?m=liste&f=1&o=date&p=1';

function label(mailbox: Mailbox): string {
  return mailbox.labelShows === 'address' ? mailbox.address : mailbox.name;
}

function layout(
  ctx: RequestContext,
  session: Session,
  title: string,
  main: SafeHtml,
  pageType: PageType,
  folder = 0,
): Reply {
  const { state } = ctx;
  const look = ctx.look(pageType);
  const active = state.mailbox(session.active);
  const unread = state.unreadCount(active.address);
  const withHeader = ctx.fault?.kind !== 'no-header';
  const account = withHeader
    ? html`<div id="${look.id('compte')}" data-sim-part="account">
      <a${look.linkAttributes('#', { id: look.id('etiquette'), class: 'etiquette-bleue', onclick: 'return basculerMenuCompte(event)' })}>${label(active)}</a>
      <ul id="${look.id('menu_compte')}" style="display:none">
        <li><a${look.linkAttributes('/?m=comptes')}>${look.text('Changer de compte')}</a></li>
        <li><a${look.linkAttributes('/?m=compte')}>${look.text('Gérer votre compte Medimail')}</a></li>
        <li><a${look.linkAttributes('/?m=deconnexion')}>${look.text('Déconnexion')}</a></li>
      </ul>
    </div>`
    : html``;
  const header = withHeader
    ? html`<div id="${look.id('bandeau')}">
    <a href="${INBOX}" id="${look.id('logo')}"><img src="/static/medimail.svg" alt="" width="28" height="28"> Medimail</a>
    <span class="slogan">Messagerie sécurisée de santé</span>
    ${look.inHeader()}
    ${look.accountAreaMoved ? '' : account}
  </div>`
    : html``;
  const inbox = look.text('Boîte de réception');
  return page(html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title} - Medimail</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/classic.css">
</head>
<body>
  ${look.wrapAll(html`${look.aboveHeader()}
  ${header}
  ${look.belowHeader()}
  <div id="${look.id('page')}">
    <div id="${look.id('gauche')}">
      ${look.accountAreaMoved ? account : ''}
      <a class="bouton" href="/?m=nouveau">Nouveau message</a>
      <ul id="${look.id('dossiers')}" data-sim-part="folders">
        <li class="${folder === 1 ? 'dossier actif' : 'dossier'}"><a href="${INBOX}">${inbox}${unread > 0 ? ` (${unread})` : ''}</a></li>
        <li class="${folder === 2 ? 'dossier actif' : 'dossier'}"><a href="/?m=liste&amp;f=2&amp;o=date&amp;p=1">Messages envoyés</a></li>
      </ul>
    </div>
    <div id="${look.id('droite')}">${look.wrapContent(main)}</div>
  </div>
  ${look.atEnd()}`)}
  <script src="/static/classic.js"></script>
  ${look.scripts('/static/variations.js')}
</body>
</html>`);
}

function loginPage(error?: string): Reply {
  return page(html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Medimail - Connexion</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/classic.css">
</head>
<body class="connexion">
  <div id="boite_connexion">
    <h1><img src="/static/medimail.svg" alt="" width="40" height="40"> Medimail</h1>
    <p>Messagerie sécurisée de santé</p>
    ${error ? html`<div class="erreur">${error}</div>` : ''}
    <form method="post" action="/" id="form_connexion">
      <label for="login">Adresse mail</label>
      <input type="text" name="login" id="login" autocomplete="username" autofocus>
      <label for="password">Mot de passe</label>
      <input type="password" name="password" id="password" autocomplete="current-password">
      <input type="submit" value="Connexion" class="bouton">
    </form>
  </div>
</body>
</html>`);
}

function messageList(ctx: RequestContext, session: Session, folderId: number): Reply {
  const folder = folderId === 2 ? 'sent' : 'inbox';
  const pageNumber = Number.parseInt(ctx.url.searchParams.get('p') ?? '1', 10) || 1;
  const { messages, page: current, pages } = ctx.state.list(session.active, folder, pageNumber);
  const look = ctx.look('list');
  const title = folder === 'inbox' ? 'Boîte de réception' : 'Messages envoyés';
  const notice =
    ctx.url.searchParams.get('envoye') === '1' ? html`<div class="info">Votre message a été envoyé.</div>` : '';
  const rows = messages.map(
    (m) => html`<tr class="${m.unread ? 'unopen' : 'open'}">
        <td class="left"><input type="checkbox" name="sel[]" value="${m.key}"></td>
        <td class="middle" onclick="ouvrirMessage('${m.key}')">${folder === 'inbox' ? m.fromName : m.to}</td>
        <td class="middle" onclick="ouvrirMessage('${m.key}')">${m.subject}</td>
        <td class="right">${frenchDate(m.date)}</td>
      </tr>`,
  );
  const prev = current > 1 ? html`<a href="/?m=liste&amp;f=${folderId}&amp;o=date&amp;p=${current - 1}">&lt;</a>` : '';
  const next =
    current < pages ? html`<a href="/?m=liste&amp;f=${folderId}&amp;o=date&amp;p=${current + 1}">&gt;</a>` : '';
  return layout(
    ctx,
    session,
    title,
    html`<h2>${title}</h2>${notice}
    <table id="${look.id('liste_messages')}" class="liste">
      <thead><tr><th></th><th>${folder === 'inbox' ? 'Expéditeur' : 'Destinataire'}</th><th>Objet</th><th>Date</th></tr></thead>
      <tbody>${rows.length ? rows : html`<tr><td colspan="4" class="vide">Aucun message</td></tr>`}</tbody>
    </table>
    <div id="${look.id('pagination')}">${prev} Page ${current} sur ${pages} ${next}</div>`,
    'list',
    folderId,
  );
}

function messageView(ctx: RequestContext, session: Session): Reply {
  const message = ctx.state.open(session.active, ctx.url.searchParams.get('idk') ?? '');
  const look = ctx.look('message');
  if (!message)
    return layout(
      ctx,
      session,
      'Message introuvable',
      html`<div class="erreur">Ce message n'existe pas.</div>`,
      'message',
    );
  return layout(
    ctx,
    session,
    message.subject,
    html`<h2>${message.subject}</h2>
    <div id="${look.id('kvp_param')}">
      <p><strong>De :</strong> ${message.fromName} &lt;${message.from}&gt;</p>
      <p><strong>À :</strong> ${message.to}</p>
      <p><strong>Date :</strong> ${frenchDate(message.date)}</p>
      <p>Aucune pièce jointe</p>
    </div>
    <div id="${look.id('corps')}"><div id="${look.id('kvp_content')}">${mailBody(message, (line) => html`${line}<br>`)}</div></div>`,
    'message',
    message.folder === 'inbox' ? 1 : 2,
  );
}

function compose(ctx: RequestContext, session: Session): Reply {
  const look = ctx.look('compose');
  const original = ctx.state.open(session.active, ctx.url.searchParams.get('reponse') ?? '');
  return layout(
    ctx,
    session,
    'Nouveau message',
    html`<h2>Nouveau message</h2>
    <form method="post" action="/?m=envoyer" id="${look.id('form_nouveau')}">
      <input type="hidden" name="jeton" value="${session.csrf}">
      <p><label for="${look.id('destinataires')}">À</label> <input type="text" name="destinataires" id="${look.id('destinataires')}" size="60"></p>
      <p><label for="${look.id('objet')}">Objet</label> <input type="text" name="objet" id="${look.id('objet')}" size="60"></p>
      <p><textarea name="message" id="${look.id('message')}" rows="14" cols="80" aria-label="Message"></textarea></p>
      <p><input type="submit" value="${look.text('Envoyer')}" class="bouton"> <a href="${INBOX}">Annuler</a></p>
    </form>${original ? html`<div class="message_origine"><p>Message d'origine : ${original.subject}</p>${mailBody(original, (line) => html`${line}<br>`)}</div>` : ''}`,
    'compose',
  );
}

function chooser(ctx: RequestContext, session: Session): Reply {
  const { state } = ctx;
  const look = ctx.look('chooser');
  const rows = state.accountsOf(state.userOf(session)).map((mailbox) => {
    const unread = state.unreadCount(mailbox.address);
    const current = mailbox.address === session.active;
    return html`<tr${current ? html` class="courant"` : ''}>
        <td>${mailbox.name}${current ? ' (compte actif)' : ''}</td>
        <td>${mailbox.address}</td>
        ${state.chooserCounts ? html`<td class="nonlus">${unread}</td>` : ''}
        <td><form method="post" action="/?m=comptes">
          <input type="hidden" name="jeton" value="${session.csrf}">
          <input type="hidden" name="compte" value="${mailbox.address}">
          <input type="submit" value="Accéder" class="bouton">
        </form></td>
      </tr>`;
  });
  return layout(
    ctx,
    session,
    'Changer de compte',
    html`<h2>${look.text('Changer de compte')}</h2>
    <p>Sélectionnez le compte sur lequel vous souhaitez travailler.</p>
    <table class="liste comptes">
      <thead><tr><th>Compte</th><th>Adresse</th>${state.chooserCounts ? html`<th>Non lus</th>` : ''}<th></th></tr></thead>
      <tbody>${rows}</tbody>
    </table>`,
    'chooser',
  );
}

function accountManagement(ctx: RequestContext, session: Session, saved = false): Reply {
  const { state } = ctx;
  const user = state.userOf(session);
  const look = ctx.look('account');
  const rows = state.accountsOf(user).map(
    (mailbox, i) => html`<tr>
          <td>${mailbox.address}</td>
          <td><input type="checkbox" name="defaut" value="${mailbox.address}" id="${look.id(`defaut_${i}`)}" class="defaut"${user.defaultAccount === mailbox.address ? html` checked` : ''}> <label for="${look.id(`defaut_${i}`)}">${look.text('Définir comme compte par défaut')}</label></td>
          <td><input type="checkbox" name="notif" value="${mailbox.address}" id="${look.id(`notif_${i}`)}" title="Notif de réception vers compte de connexion"${user.receptionNotices.has(mailbox.address) ? html` checked` : ''}></td>
        </tr>`,
  );
  return layout(
    ctx,
    session,
    'Gestion de votre compte Medimail',
    html`<h2>Gestion de votre compte Medimail</h2>
    ${saved ? html`<div class="info">Vos modifications ont été enregistrées.</div>` : ''}
    <fieldset class="cartouche">
      <legend>Informations personnelles</legend>
      <p>${user.displayName} – ${user.login}</p>
    </fieldset>
    <fieldset class="cartouche">
      <legend>Gestion des comptes de connexion</legend>
      <p>Ce cartouche contient l'ensemble des comptes auxquels vous avez accès. Sélectionnez un compte, il sera ouvert par défaut lors d'un accès via le Webmail.</p>
      <p>Il est possible que le compte par défaut ne soit pas pris en compte à la première connexion, une ré-authentification est alors nécessaire.</p>
      <form method="post" action="/?m=compte">
        <input type="hidden" name="jeton" value="${session.csrf}">
        <table id="${look.id('liste_messages')}" class="liste">
          <tr><th></th><th>${look.text('Compte par défaut')}</th><th>Notif de réception vers compte de connexion</th></tr>
          ${rows}
        </table>
        <p><input type="submit" value="Enregistrer" class="bouton"></p>
      </form>
    </fieldset>`,
    'account',
  );
}

function forbidden(ctx: RequestContext, session: Session): Reply {
  const reply = layout(
    ctx,
    session,
    'Erreur',
    html`<div class="erreur">Jeton de sécurité invalide. Veuillez recommencer.</div>`,
    'list',
  );
  return { ...reply, status: 403 };
}

export const classic: Rendering = {
  name: 'classic',
  cookieName: COOKIE,
  loginPath: '/',
  inboxPath: INBOX,
  messagePath: (key) => `/?m=open&idk=${encodeURIComponent(key)}`,
  replyPath: (key) => `/?m=nouveau&reponse=${encodeURIComponent(key)}`,
  handle(ctx) {
    const { method, url, form, state, session } = ctx;
    if (url.pathname !== '/') return page(html`<h1>Page introuvable</h1>`, 404);
    const m = url.searchParams.get('m');

    if (method === 'POST' && m === null) {
      const result = state.login(form.get('login') ?? '', form.get('password') ?? '');
      if (!result.ok) return loginPage(result.error);
      return redirect(INBOX, [sessionCookie(COOKIE, result.session.id)]);
    }
    if (!session) return loginPage(ctx.staleSession ? LOGIN_ERRORS.invalidSession : undefined);
    if (m === 'deconnexion') {
      state.logout(session.id);
      return redirect('/', [clearedCookie(COOKIE)]);
    }
    if (method === 'POST') {
      if (form.get('jeton') !== session.csrf) return forbidden(ctx, session);
      if (m === 'comptes') {
        state.switchAccount(session, form.get('compte') ?? '');
        return redirect(INBOX);
      }
      if (m === 'envoyer') {
        state.send(session, {
          to: form.get('destinataires') ?? '',
          subject: form.get('objet') ?? '',
          body: form.get('message') ?? '',
        });
        return redirect(`${INBOX}&envoye=1`);
      }
      if (m === 'compte') {
        const defaults = form.getAll('defaut');
        state.saveAccountSettings(session.login, defaults[defaults.length - 1], form.getAll('notif'));
        return accountManagement(ctx, session, true);
      }
    }
    switch (m) {
      case 'liste':
        return messageList(ctx, session, url.searchParams.get('f') === '2' ? 2 : 1);
      case 'open':
        return messageView(ctx, session);
      case 'nouveau':
        return compose(ctx, session);
      case 'comptes':
        return chooser(ctx, session);
      case 'compte':
        return accountManagement(ctx, session);
      default:
        return redirect(INBOX);
    }
  },
};
