/*
 * The portal's own script, with the simulator's `scriptAdditions` variation: after load it
 * adds what real webmails' scripts add (a skip link, tooltips, a live region), then
 * re-renders the folder list and the account area in place (new nodes, same markup).
 * Written against the plain DOM, so that the variation suite runs it on generated pages
 * too (tests/support/variation-suite.ts).
 */
(function () {
  'use strict';
  function element(tag, className, text, attributes) {
    var made = document.createElement(tag);
    made.className = className;
    made.textContent = text;
    Object.keys(attributes).forEach(function (name) {
      made.setAttribute(name, attributes[name]);
    });
    return made;
  }
  function add() {
    var body = document.body;
    if (!body) return;
    body.insertBefore(element('a', 'lien-evitement', 'Aller au contenu', { href: '#contenu' }), body.firstChild);
    body.appendChild(element('div', 'annonces', '', { 'aria-live': 'polite' }));
    body.appendChild(element('div', 'infobulle', 'Aide', { role: 'tooltip', hidden: '' }));
    var area = document.querySelector('[data-sim-part="account"]');
    if (area) area.appendChild(element('span', 'infobulle', 'Votre compte', { role: 'tooltip', hidden: '' }));
  }
  function rerender() {
    ['folders', 'account'].forEach(function (part) {
      var old = document.querySelector('[data-sim-part="' + part + '"]');
      if (old && old.parentNode) old.parentNode.replaceChild(old.cloneNode(true), old);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add);
  else add();
  setTimeout(rerender, 300);
})();
