/* The second rendering's script: menu, in-place account chooser, switching without a page load.
   Elements are found by their classes: ids may be generated afresh at each request
   (the simulator's `generatedIds` variation). */
(function () {
  'use strict';
  var sheet = document.querySelector('.sheet');

  function closeMenu() {
    var chip = document.querySelector('.who-chip');
    var menu = document.querySelector('.who-menu');
    if (chip && menu) {
      chip.setAttribute('aria-expanded', 'false');
      menu.hidden = true;
    }
  }
  function openSheet() {
    closeMenu();
    sheet.hidden = false;
    var first = sheet.querySelector('button');
    if (first) first.focus();
  }
  function closeSheet() {
    sheet.hidden = true;
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var chip = target.closest('.who-chip');
    if (chip) {
      var menu = document.querySelector('.who-menu');
      var open = chip.getAttribute('aria-expanded') === 'true';
      chip.setAttribute('aria-expanded', String(!open));
      menu.hidden = open;
      return;
    }
    if (target.closest('.js-open-accounts')) return openSheet();
    if (target.closest('.js-close-accounts')) return closeSheet();
    if (!target.closest('.who')) closeMenu();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      closeMenu();
      if (sheet) closeSheet();
      return;
    }
    var t = event.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (!typing && event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      window.location.href = '/app/ecrire';
    }
  });

  /* The sending shortcut: Ctrl+Entrée (⌘+Entrée) in the composer sends it, by form.submit(),
     which fires no submit event (as many webmails do). */
  document.addEventListener('keydown', function (event) {
    var form = event.target instanceof Element ? event.target.closest('form.composer') : null;
    if (form && (event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      form.submit();
    }
  });

  /* One default account at a time. */
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.name === 'default' && box.checked) {
      document.querySelectorAll('input[name="default"]').forEach(function (other) {
        if (other !== box) other.checked = false;
      });
    }
  });

  /* Switching in place: POST the chooser's form, then swap the application's content. */
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-switch')) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form, event.submitter));
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          return { url: response.url, text: text };
        });
      })
      .then(function (result) {
        var next = new DOMParser().parseFromString(result.text, 'text/html');
        var root = next.querySelector('.app');
        var nextSheet = next.querySelector('.sheet');
        if (!root || !nextSheet) {
          window.location.href = result.url;
          return;
        }
        document.querySelector('.app').innerHTML = root.innerHTML;
        sheet.innerHTML = nextSheet.innerHTML;
        closeSheet();
        document.title = next.title;
        history.pushState(null, '', result.url);
      })
      .catch(function () {
        form.submit();
      });
  });
})();
