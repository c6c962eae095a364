/**
 * The attacker's site: where attack bodies (attacks.ts) and the `redirect` fault send
 * links, forms and redirects. A local HTTP server on another origin than the portal's,
 * that records every request (so a test can prove the extension never went there) and
 * answers every path with an imitation of the classic rendering's account chooser,
 * fake addresses and counts included (so that an extension fooled into reading it
 * shows it).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_ADDRESSES, FAKE_UNREAD } from './attacks';
import { html } from './html';

interface AttackerRequest {
  method: string;
  /** The path and query string requested. */
  path: string;
}

export interface AttackerSite {
  /** The origin with a trailing slash, e.g. http://127.0.0.1:41235/ */
  url: string;
  origin: string;
  /** Absolute URL of a path on this site. */
  at(path: string): string;
  /** Every request received, in order. */
  requests: AttackerRequest[];
  close(): Promise<void>;
}

function chooserImitation(at: (path: string) => string): string {
  const rows = FAKE_ADDRESSES.map(
    (address) => html`<tr>
        <td>${address}</td>
        <td class="nonlus">${FAKE_UNREAD}</td>
        <td><form method="post" action="${at('/?m=comptes')}">
          <input type="hidden" name="compte" value="${address}">
          <input type="submit" value="Accéder" class="bouton">
        </form></td>
      </tr>`,
  );
  return String(html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Changer de compte - Medimail</title>
</head>
<body>
  <div id="bandeau">
    <a href="${at('/')}" id="logo">Medimail</a>
    <div id="compte">
      <a href="#" id="etiquette" class="etiquette-bleue">${FAKE_ADDRESSES[2]}</a>
      <ul id="menu_compte">
        <li><a href="${at('/?m=comptes')}">Changer de compte</a></li>
        <li><a href="${at('/?m=compte')}">Gérer votre compte Medimail</a></li>
        <li><a href="${at('/?m=deconnexion')}">Déconnexion</a></li>
      </ul>
    </div>
  </div>
  <div id="page"><div id="droite">
    <h2>Changer de compte</h2>
    <p>Sélectionnez le compte sur lequel vous souhaitez travailler.</p>
    <table class="liste comptes">
      <thead><tr><th>Adresse</th><th>Non lus</th><th></th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div></div>
</body>
</html>`);
}

/** Starts the attacker's site on 127.0.0.1, on a free port. */
export async function startAttackerSite(): Promise<AttackerSite> {
  const requests: AttackerRequest[] = [];
  let page = '';
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    // A form's body is read to its end, then the same page answers every request.
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const at = (path: string) => new URL(path, origin).toString();
  page = chooserImitation(at);
  return {
    url: `${origin}/`,
    origin,
    at,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
