/*
 * The portal's own script, with the simulator's `scriptAdditions` variation: after load it
 * adds what real webmails' scripts add (a skip link, tooltips, a live region), then
 * re-renders the folder list and the account area in place (new nodes, same markup).
 * Written against the plain DOM, so that the variation suite runs it on generated pages
 * too (tests/support/variation-suite.ts).
 */
(function () {
  'use strict';
  function add() {
    var body = document.body;
    if (!body) return;
    var skip = document.createElement('a');
    skip.href = '#contenu';
    skip.className = 'lien-evitement';
    skip.textContent = 'Aller au contenu';
    body.insertBefore(skip, body.firstChild);
    var live = document.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.className = 'annonces';
    body.appendChild(live);
    var tooltip = document.createElement('div');
    tooltip.setAttribute('role', 'tooltip');
    tooltip.className = 'infobulle';
    tooltip.hidden = true;
    tooltip.textContent = 'Aide';
    body.appendChild(tooltip);
    var area = document.querySelector('[data-sim-part="account"]');
    if (area) {
      var hint = document.createElement('span');
      hint.setAttribute('role', 'tooltip');
      hint.className = 'infobulle';
      hint.hidden = true;
      hint.textContent = 'Votre compte';
      area.appendChild(hint);
    }
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
