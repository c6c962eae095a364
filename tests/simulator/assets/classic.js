/* The classic portal's own script: the label's menu, opening a message, a shortcut.
   The label and its menu are found by the label's handler, not by ids (ids may be
   generated afresh at each request: the simulator's `generatedIds` variation). */
function etiquetteCompte() {
  return document.querySelector('a[onclick^="return basculerMenuCompte"]');
}
function menuCompte(etiquette) {
  return etiquette && etiquette.parentNode ? etiquette.parentNode.querySelector('ul') : null;
}
function basculerMenuCompte(event) {
  event.preventDefault();
  var menu = menuCompte(event.currentTarget || etiquetteCompte());
  if (menu) menu.style.display = menu.style.display === 'none' ? 'block' : 'none';
  return false;
}
function ouvrirMessage(cle) {
  window.location.href = '/?m=open&idk=' + encodeURIComponent(cle);
}
document.addEventListener('click', function (event) {
  var etiquette = etiquetteCompte();
  var menu = menuCompte(etiquette);
  if (menu && etiquette && !etiquette.contains(event.target) && !menu.contains(event.target)) {
    menu.style.display = 'none';
  }
});
/* One default account at a time, as the table's checkboxes are exclusive on the server. */
document.addEventListener('change', function (event) {
  var cible = event.target;
  if (cible.classList && cible.classList.contains('defaut') && cible.checked) {
    document.querySelectorAll('input.defaut').forEach(function (autre) {
      if (autre !== cible) autre.checked = false;
    });
  }
});
/* The portal's keyboard shortcut: « n » opens a new message (outside text fields). */
document.addEventListener('keydown', function (event) {
  var t = event.target;
  var saisie = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
  if (!saisie && event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey) {
    window.location.href = '/?m=nouveau';
  }
});
/* The portal's sending shortcut: Ctrl+Entrée (⌘+Entrée) in the compose form sends it, by
   form.submit(), which fires no submit event (as many webmails do). */
document.addEventListener('keydown', function (event) {
  var form = event.target && event.target.closest && event.target.closest('form');
  if (form && (event.ctrlKey || event.metaKey) && event.key === 'Enter' && /m=envoyer/.test(form.getAttribute('action') || '')) {
    event.preventDefault();
    form.submit();
  }
});
