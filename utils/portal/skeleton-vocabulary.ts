/**
 * The word lists of the page skeleton (utils/portal/skeleton.ts): which tags, roles and
 * attribute values are the page's structure and may be shown, how each attribute's value
 * is judged, and what a code token looks like. Plain data.
 */

/** Contract texts beyond the profile (docs/portal-contract.md, points 1 and 4). */
export const EXTRA_TEXTS = [
  'Gestion de votre compte Medimail',
  'Gestion des comptes de connexion',
  "Echec de l'authentification.",
  'Session invalide',
  'Le login doit être une adresse mail valide.',
];

const set = (list: string) => new Set(list.split(' '));
/** Common words of a webmail's interface: a class or path holding one is not taken for personal data. */
export const UI_WORDS = set(
  'page pages date dates dossier dossiers message messages liste listes objet menu comptes nouveau envoyes ' +
    'brouillons corbeille recherche parametres accueil fermer valider annuler enregistrer suivant precedent ' +
    'pagination expediteur destinataire destinataires informations personnelles cartouche',
);
export const TAGS = set(
  'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite ' +
    'code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font ' +
    'footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend ' +
    'li link main map mark marquee menu meta meter nav nobr noscript object ol optgroup option output p param picture ' +
    'pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub ' +
    'summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr svg g path ' +
    'circle rect line polyline polygon ellipse text tspan defs use symbol clippath lineargradient radialgradient stop ' +
    'mask pattern image foreignobject desc marker filter switch math mi mn mo mrow msup msub mfrac',
);
export const ROLES = set(
  'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox ' +
    'complementary contentinfo definition deletion dialog directory document emphasis feed figure form generic grid ' +
    'gridcell group heading img insertion link list listbox listitem log main marquee math menu menubar menuitem ' +
    'menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation progressbar radio ' +
    'radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong ' +
    'subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem',
);
export const ARIA_VALUES = set(
  'true false mixed undefined page step location date time menu listbox tree grid dialog polite assertive off on ' +
    'none ascending descending other horizontal vertical both additions removals text all inline list spelling grammar',
);
export const URL_ATTRS = set('href src action formaction poster cite xlink:href');
export const TEXT_ATTRS = set(
  'title alt placeholder value label content summary abbr aria-label aria-description aria-roledescription ' +
    'aria-valuetext aria-placeholder',
);
export const IDREF_ATTRS = set(
  'for form list headers aria-labelledby aria-describedby aria-controls aria-owns aria-activedescendant ' +
    'aria-details aria-errormessage aria-flowto popovertarget',
);
export const CODE_ATTRS = set('name target slot is');
export const KEYWORD_ATTRS = set(
  'type method enctype rel lang dir charset http-equiv autocomplete inputmode scope colspan rowspan width height ' +
    'size maxlength minlength min max step tabindex checked selected disabled hidden readonly required multiple ' +
    'autofocus novalidate open defer async draggable spellcheck contenteditable loading decoding crossorigin ' +
    'referrerpolicy accept span start reversed wrap rows cols translate popover enterkeyhint align valign border ' +
    'viewbox fill stroke stroke-width',
);
/** Attribute names always shown (any other is shown when it looks like code). */
export const KNOWN_ATTRS = new Set([
  ...URL_ATTRS,
  ...TEXT_ATTRS,
  ...IDREF_ATTRS,
  ...CODE_ATTRS,
  ...KEYWORD_ATTRS,
  'role',
  'style',
]);
/** Elements listed without their content. */
export const OPAQUE = set('script style iframe');

/** What a token must look like to be shown as code (then checked against the page's words). */
export const CODE = /^[A-Za-z_][\w-]{0,40}$/;
export const FIELD = /^[A-Za-z_][\w-]{0,40}(?:\[\w{0,20}\])*$/;
export const NAME = /^[A-Za-z_][\w:.-]{0,40}$/;
export const SEGMENT = /^[\w.~-]{1,60}$/;
export const KEYWORD = /^[A-Za-z_][\w+./-]{0,40}$/;
export const ROUTE = /^[a-z_]{2,20}$/;
export const NUMBER = /^\(?\d{1,6}\)?$/;
export const NUMBER_VALUE = /^-?\d{1,6}(?:\.\d{1,6})?(?:px|%|em)?$/;
