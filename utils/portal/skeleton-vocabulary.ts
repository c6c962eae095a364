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
/**
 * Words of the structure of a webmail page (ids, classes, field names, paths), in the
 * portal's renderings and in common markup: a token made only of these (or of the
 * contract's words, roles, tags, ARIA values, short numbers) is shown; any other is
 * replaced by a hash (utils/portal/skeleton.ts).
 */
export const STRUCTURE_WORDS = set(
  'account accounts acct actif active action actions alert app attachment attachments author avatar badge bandeau bar base ' +
    'big blank bleue body bold boite bottom bouton brand btn button cancel card center chip classic close col cols compose ' +
    'composer compte comptes connexion container content corps count counter courant csrf css current danger default ' +
    'defaut description destinataires disabled dossier dossiers dropdown droite ecrire editor empty en entete envoyer envoyes erreur error ' +
    'etiquette favicon field fields folder folders footer form fr frame from gauche grid grow hdr header hidden hide hint ' +
    'icon icons id identifiant img image images info inner input item items jeton js kvp label lang large layout left ' +
    'link links list liste login logo logout mail mails main medimail middle modal muted name nav nb new nonlus notif ' +
    'nom notify nouveau ok open option options outer overlay pager pane panel param parent password pill popup portail ' +
    'prenom primary ' +
    'quitter rail reader reception recherche referrer right robots root row rows search secret select selected selecteur self send ' +
    'settings sheet show sidebar signin slogan small static status subject submit success switch tab tabs target text ' +
    'title titre to toggle token tooltip top topbar tree ui unopen unread user valider viewport visible warning who wrap ' +
    'wrapper write',
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
/** Other attributes of HTML and SVG: their names are shown, their values masked. */
const OTHER_ATTRS = set(
  'srcdoc sandbox allow integrity nonce usemap ismap shape coords download ping hreflang media sizes srcset ' +
    'accept-charset formmethod formtarget formenctype formnovalidate datetime xmlns xmlns:xlink version d x y cx cy r ' +
    'rx ry x1 y1 x2 y2 points transform opacity ' +
    // Event handlers: their names are the browser's, their values any code (shown as a length).
    'onclick ondblclick onchange onsubmit onreset onload onunload onerror onfocus onblur oninput onkeydown onkeyup ' +
    'onkeypress onmousedown onmouseup onmouseover onmouseout onselect',
);
/** Attribute names always shown (any other is shown when it is made of the structure's words). */
export const KNOWN_ATTRS = new Set([
  ...OTHER_ATTRS,
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

/** What a keyword attribute's token must look like to be shown (then checked against the page's words). */
export const KEYWORD = /^[A-Za-z_][\w+./-]{0,40}$/;
export const NUMBER = /^\(?\d{1,6}\)?$/;
export const NUMBER_VALUE = /^-?\d{1,6}(?:\.\d{1,6})?(?:px|%|em)?$/;
