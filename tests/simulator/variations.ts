/**
 * Ordinary variation: the ways a real server-rendered webmail changes its pages with no
 * stranger involved, as switches of the simulator (control API `POST /__control/variations`,
 * combinable, on both renderings). Each request draws its variation from the seed and a
 * request counter, so pages differ from one request to the next as a real portal's do.
 *
 * - `notices`: on the mail pages (list, message, compose) only, a maintenance notice
 *   above the header, a quota warning inside it, a flash message, a consent bar at the
 *   end, an extra toolbar on the message and compose pages;
 * - `generatedIds`: every id of the portal's own markup made afresh at each request
 *   (`ext-gen1234`, `j_idt45`, `ember123`, a hash, a uuid), references kept consistent;
 * - `wrappers`: each page type wraps the whole interface, and its content, in containers
 *   of its own (none, one or two levels);
 * - `scriptAdditions`: the portal's script adds a skip link, tooltips and a live region
 *   after load, then re-renders the folder list and the account area (new nodes);
 * - `textVariants`: the contract's texts with other white space, letter case and missing
 *   accents (« Gerer votre compte Medimail »), attributes in another order.
 * And two switches beyond ordinary variation: `relocatedMenu`, the account area (label
 * and menu) stands elsewhere on the mail pages than on the menu's own pages (IT pins it
 * with the profile's frame hints); `unknownWording`, the menu's entries say « Basculer
 * vers un autre compte » and « Mon compte Medimail », words the built-in profile does not
 * know (a message using the guide's words then holds the only menu the readers see).
 */
import { seededRandom } from '../support/seeded-random';
import { html, raw, type SafeHtml } from './html';

export const VARIATION_SWITCHES = ['notices', 'generatedIds', 'wrappers', 'scriptAdditions', 'textVariants'] as const;
type VariationSwitch = (typeof VARIATION_SWITCHES)[number];

export type Variations = Record<VariationSwitch | 'relocatedMenu' | 'unknownWording', boolean> & { seed: number };

export const NO_VARIATIONS: Variations = {
  notices: false,
  generatedIds: false,
  wrappers: false,
  scriptAdditions: false,
  textVariants: false,
  relocatedMenu: false,
  unknownWording: false,
  seed: 1,
};

/** The menu's entries as a deployment words them that the built-in profile does not know (`unknownWording`). */
const UNKNOWN_WORDING: Record<string, string> = {
  'Changer de compte': 'Basculer vers un autre compte',
  'Gérer votre compte Medimail': 'Mon compte Medimail',
};

/** The kind of page a rendering answers with: the mail pages, and the menu's own pages. */
export type PageType = 'list' | 'message' | 'compose' | 'chooser' | 'account';

const MAIL_PAGES: ReadonlySet<PageType> = new Set(['list', 'message', 'compose']);

const GENERATED_ID_STYLES: ((random: () => number) => string)[] = [
  (random) => `ext-gen${1000 + Math.floor(random() * 9000)}`,
  (random) => `j_idt${10 + Math.floor(random() * 990)}`,
  (random) => `ember${100 + Math.floor(random() * 9900)}`,
  (random) =>
    Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0'),
  (random) => {
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  },
];

/** The contract's texts as a portal may write them: spacing, case, accents. */
const TEXT_VARIANTS: Record<string, string[]> = {
  'Changer de compte': ['Changer de compte', 'CHANGER DE COMPTE', 'Changer\n    de compte', 'changer\u00a0de compte'],
  'Gérer votre compte Medimail': [
    'Gérer votre compte Medimail',
    'Gerer votre compte Medimail',
    'GÉRER VOTRE COMPTE MEDIMAIL',
    'Gérer  votre\n compte Medimail',
  ],
  'Boîte de réception': ['Boîte de réception', 'Boite de reception', 'BOÎTE DE RÉCEPTION', 'Boîte\u00a0de réception'],
  Déconnexion: ['Déconnexion', 'Deconnexion', 'DÉCONNEXION'],
  'Se déconnecter': ['Se déconnecter', 'Se deconnecter', 'SE DÉCONNECTER'],
  Envoyer: ['Envoyer', 'ENVOYER', ' Envoyer '],
  'Compte par défaut': ['Compte par défaut', 'Compte par defaut', 'COMPTE PAR DÉFAUT'],
  'Définir comme compte par défaut': ['Définir comme compte par défaut', 'Definir comme compte par defaut'],
};

/** How each page type wraps the whole interface (outermost first) and its content. */
const WRAPPERS: Record<PageType, { all: string[]; content: string[] }> = {
  list: { all: ['gabarit gabarit-liste'], content: ['vue vue-liste'] },
  message: { all: ['gabarit', 'gabarit-lecture'], content: ['lecture', 'lecture-corps'] },
  compose: { all: [], content: ['redaction'] },
  chooser: { all: ['gabarit gabarit-parametres'], content: [] },
  account: { all: ['gabarit gabarit-parametres'], content: [] },
};

function wrap(classes: readonly string[], inner: SafeHtml): SafeHtml {
  return classes.reduceRight((content, name) => html`<div class="${name}">${content}</div>`, inner);
}

/** The variation of one page as one request draws it: what the rendering's templates ask. */
export class Look {
  private readonly random: () => number;
  private readonly ids = new Map<string, string>();
  private readonly idStyle: (random: () => number) => string;

  constructor(
    readonly variations: Variations,
    readonly page: PageType,
    request: number,
  ) {
    this.random = seededRandom(variations.seed * 1_000_003 + request * 7919 + page.length);
    this.idStyle = GENERATED_ID_STYLES[Math.floor(this.random() * GENERATED_ID_STYLES.length)] as (
      random: () => number,
    ) => string;
  }

  private get onMailPage(): boolean {
    return MAIL_PAGES.has(this.page);
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** The id the portal gives its element `name` on this page (the same all through the page). */
  id(name: string): string {
    if (!this.variations.generatedIds) return name;
    let id = this.ids.get(name);
    if (!id) {
      do id = this.idStyle(this.random);
      while ([...this.ids.values()].includes(id));
      this.ids.set(name, id);
    }
    return id;
  }

  /** A contract text as this page writes it. */
  text(text: string): string {
    if (this.variations.unknownWording && UNKNOWN_WORDING[text]) return UNKNOWN_WORDING[text] as string;
    const variants = TEXT_VARIANTS[text];
    if (!this.variations.textVariants || !variants) return text;
    return variants[Math.floor(this.random() * variants.length)] as string;
  }

  /** A link's attributes, in the order this page writes them. */
  linkAttributes(href: string, extra: Record<string, string> = {}): SafeHtml {
    const pairs = [['href', href], ...Object.entries(extra)];
    if (this.variations.textVariants && this.chance(0.5)) pairs.reverse();
    return raw(pairs.map(([name, value]) => html` ${raw(name as string)}="${value}"`).join(''));
  }

  /** What stands above the header on a mail page: a maintenance notice, sometimes. */
  aboveHeader(): SafeHtml {
    if (!this.variations.notices || !this.onMailPage || !this.chance(0.8)) return html``;
    return html`<div class="avis avis-maintenance" role="alert"><strong>Information :</strong> une maintenance est prévue samedi de 20 h à 22 h ; le webmail sera indisponible.</div>`;
  }

  /** Inside the header, before the account area: a quota warning, sometimes. */
  inHeader(): SafeHtml {
    if (!this.variations.notices || !this.onMailPage || !this.chance(0.5)) return html``;
    return html`<p class="quota" role="status">Votre boîte est pleine à 92 % : pensez à supprimer des messages.</p>`;
  }

  /** Between the header and the page: a flash message after an action, an extra toolbar on message and compose pages. */
  belowHeader(): SafeHtml {
    if (!this.variations.notices || !this.onMailPage) return html``;
    const flash = this.chance(0.4)
      ? html`<div class="flash" role="status">L'opération a été effectuée. <a href="#">Annuler</a></div>`
      : html``;
    const toolbar =
      this.page === 'list'
        ? html``
        : html`<div class="barre-outils" role="toolbar" aria-label="Actions"><button type="button">Répondre</button><button type="button">Transférer</button><button type="button">Imprimer</button></div>`;
    return html`${flash}${toolbar}`;
  }

  /** At the end of the page: a consent bar, sometimes. */
  atEnd(): SafeHtml {
    if (!this.variations.notices || !this.onMailPage || !this.chance(0.5)) return html``;
    return html`<div class="consentement" role="region" aria-label="Cookies"><p>Ce site dépose des cookies nécessaires à son fonctionnement.</p><button type="button">J'ai compris</button></div>`;
  }

  /** The whole interface in this page type's containers. */
  wrapAll(inner: SafeHtml): SafeHtml {
    return this.variations.wrappers ? wrap(WRAPPERS[this.page].all, inner) : inner;
  }

  /** The page's content in this page type's containers. */
  wrapContent(inner: SafeHtml): SafeHtml {
    return this.variations.wrappers ? wrap(WRAPPERS[this.page].content, inner) : inner;
  }

  /** Whether the account area stands away from the header on this page (`relocatedMenu`). */
  get accountAreaMoved(): boolean {
    return this.variations.relocatedMenu && this.onMailPage;
  }

  /** The portal's script that adds elements after load, when `scriptAdditions` is on. */
  scripts(src: string): SafeHtml {
    return this.variations.scriptAdditions ? html`<script src="${src}"></script>` : html``;
  }
}
