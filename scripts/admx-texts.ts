/**
 * The words of the administrative templates (scripts/admx.ts), in French and in English
 * (en-US, the one language Intune imports). The policy's French titles and descriptions
 * are the schema's own (entrypoints/background/policy/policy.ts); the English ones are
 * here, one per key: a key added there and missing here stops `npm run admx` and the unit
 * test that keeps the templates in step.
 */
export const LANGUAGES = ['fr-FR', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface PolicyTexts {
  title: string;
  description?: string;
}

export const ENGLISH_TEXTS: Record<string, PolicyTexts> = {
  portalOrigins: {
    title: 'Additional portals',
    description:
      'https://host/* patterns of other Medimail portals (pre-production). The user allows them with one click in the settings.',
  },
  mailboxes: {
    title: 'Mailboxes',
    description:
      'By address: display name, colour (#rrggbb), watch, kind (personal or organisational) and confirmation before sending, imposed.',
  },
  alwaysConfirmServices: {
    title: 'Always confirm sending from a service mailbox',
    description:
      'true: sending from any mailbox other than the personal login mailbox asks for confirmation, whatever kind a user or a file gives it; setting locked.',
  },
  privacyMode: {
    title: 'Discreet notifications imposed',
    description:
      "true: new-mail notifications and the button's tooltip name no mailbox (neither name nor address), setting locked. false: they name the mailbox, setting locked. Never a subject or a sender, in any case.",
  },
  minPollIntervalMinutes: { title: 'Shortest interval between two checks (minutes)' },
  pauseAllowed: {
    title: 'Pause of announcements allowed',
    description:
      'false: the panel and the notifications offer no pause of announcements (notifications, sound), and a pause under way ends.',
  },
  maxPauseMinutes: {
    title: 'Longest pause of announcements (minutes)',
    description: 'A longer pause is cut to this length (1 to 2880).',
  },
  settings: { title: 'Imposed (and locked) settings' },
  lockedSettings: { title: 'Settings locked at their current value' },
  selectorProfile: { title: "Portal's selector profile (see docs/deploiement.md)" },
};

/** The templates' other words. */
export const WORDS = {
  'fr-FR': {
    supported: (browser: string) => `${browser} avec l'extension Repère BAL`,
    resources: (browser: string, id: string) =>
      `Politique de l'extension Repère BAL dans ${browser} (identifiant d'extension : ${id}).`,
    boolean: 'Activé : true. Désactivé : false. Non configuré : rien n’est imposé.',
    notConfigured: 'Non configuré : rien n’est imposé.',
    json: 'Valeur JSON, sur une seule ligne, de la forme :',
    registryValue: (name: string, type: string) => `Valeur de registre : ${name} (${type})`,
    text: 'texte',
    integer: (min?: number, max?: number) =>
      min !== undefined && max !== undefined ? `entier ${min} à ${max}` : 'entier',
    valueLabel: 'Valeur :',
    jsonLabel: 'JSON :',
  },
  'en-US': {
    supported: (browser: string) => `${browser} with the Repère BAL extension`,
    resources: (browser: string, id: string) =>
      `Policy of the Repère BAL extension in ${browser} (extension ID: ${id}).`,
    boolean: 'Enabled: true. Disabled: false. Not configured: nothing is imposed.',
    notConfigured: 'Not configured: nothing is imposed.',
    json: 'A JSON value, on one line, shaped as:',
    registryValue: (name: string, type: string) => `Registry value: ${name} (${type})`,
    text: 'text',
    integer: (min?: number, max?: number) =>
      min !== undefined && max !== undefined ? `whole number ${min} to ${max}` : 'whole number',
    valueLabel: 'Value:',
    jsonLabel: 'JSON:',
  },
} satisfies Record<Language, unknown>;
