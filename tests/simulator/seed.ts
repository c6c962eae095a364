/**
 * The simulator's demo data: the guide's own example (Noémie Gallorini and the
 * service mailbox mss@esante-occitanie.fr), a few more service mailboxes (one named
 * with HTML markup, to prove that portal text is rendered as text), a colleague
 * sharing a service mailbox, and a pool secretary with thirty mailboxes.
 */
export interface AccountSeed {
  address: string;
  /** Display name: the person's name for a personal mailbox, the service's otherwise. */
  name: string;
  kind: 'personal' | 'organisational';
  /** What the blue label shows when this account is active. */
  labelShows: 'name' | 'address';
}

interface UserSeed {
  login: string;
  password: string;
  displayName: string;
  accounts: string[];
  defaultAccount: string;
  receptionNotices: string[];
}

interface MessageSeed {
  to: string;
  from: string;
  fromName: string;
  subject: string;
  body: string;
  minutesAgo: number;
  unread: boolean;
}

export interface PortalSeed {
  accounts: AccountSeed[];
  users: UserSeed[];
  messages: MessageSeed[];
}

export const DEMO_PASSWORD = 'Medimail-demo-2026';

export const DEMO = {
  login: 'noemie.gallorini@esante-occitanie.fr',
  password: DEMO_PASSWORD,
  displayName: 'Noémie Gallorini',
  services: {
    mss: 'mss@esante-occitanie.fr',
    cardio: 'secretariat.cardiologie@esante-occitanie.fr',
    urgences: 'urgences.pediatriques@esante-occitanie.fr',
    bloc: 'bloc.operatoire@esante-occitanie.fr',
  },
  colleague: 'julien.martin@esante-occitanie.fr',
  pool: 'claire.dubois@esante-occitanie.fr',
  /** A user whose service names are hostile: right-to-left, emoji, 5,000 characters. */
  hostile: 'test.hostile@esante-occitanie.fr',
} as const;

/** Service names that must show as text without breaking anything. */
export const HOSTILE_NAMES = {
  rtl: { address: 'rtl@esante-occitanie.fr', name: 'خدمة الطوارئ (قسم الأطفال)' },
  emoji: { address: 'emoji@esante-occitanie.fr', name: '🏥 Urgences 🚑 <script>alert(1)</script>' },
  long: { address: 'long@esante-occitanie.fr', name: `Service ${'très long '.repeat(555)}`.trim() },
} as const;

/** A service name with markup: it must always show as these characters. */
export const HOSTILE_SERVICE_NAME = 'Urgences <b>pédiatriques</b> <img src=x onerror="alert(1)">';

const poolServices: AccountSeed[] = Array.from({ length: 30 }, (_, i) => ({
  address: `service${String(i + 1).padStart(2, '0')}@chu-exemple.mssante.fr`,
  name: `Service ${String(i + 1).padStart(2, '0')} – consultations`,
  kind: 'organisational',
  labelShows: 'name',
}));

export const DEMO_SEED: PortalSeed = {
  accounts: [
    { address: DEMO.login, name: DEMO.displayName, kind: 'personal', labelShows: 'name' },
    { address: DEMO.colleague, name: 'Julien Martin', kind: 'personal', labelShows: 'name' },
    { address: DEMO.pool, name: 'Claire Dubois', kind: 'personal', labelShows: 'name' },
    { address: DEMO.services.mss, name: 'MSS eSanté Occitanie', kind: 'organisational', labelShows: 'address' },
    { address: DEMO.services.cardio, name: 'Secrétariat de cardiologie', kind: 'organisational', labelShows: 'name' },
    { address: DEMO.services.urgences, name: HOSTILE_SERVICE_NAME, kind: 'organisational', labelShows: 'name' },
    { address: DEMO.services.bloc, name: 'Bloc opératoire', kind: 'organisational', labelShows: 'name' },
    ...poolServices,
    { address: DEMO.hostile, name: 'Test Hostile', kind: 'personal', labelShows: 'name' },
    ...Object.values(HOSTILE_NAMES).map((service) => ({
      ...service,
      kind: 'organisational' as const,
      labelShows: 'name' as const,
    })),
  ],
  users: [
    {
      login: DEMO.login,
      password: DEMO_PASSWORD,
      displayName: DEMO.displayName,
      accounts: [DEMO.login, DEMO.services.mss, DEMO.services.cardio, DEMO.services.urgences, DEMO.services.bloc],
      // As in the guide's rendering of the table: mss@ is the default, with reception notices.
      defaultAccount: DEMO.services.mss,
      receptionNotices: [DEMO.services.mss],
    },
    {
      login: DEMO.colleague,
      password: DEMO_PASSWORD,
      displayName: 'Julien Martin',
      accounts: [DEMO.colleague, DEMO.services.cardio],
      defaultAccount: DEMO.colleague,
      receptionNotices: [],
    },
    {
      login: DEMO.hostile,
      password: DEMO_PASSWORD,
      displayName: 'Test Hostile',
      accounts: [DEMO.hostile, ...Object.values(HOSTILE_NAMES).map((service) => service.address)],
      defaultAccount: DEMO.hostile,
      receptionNotices: [],
    },
    {
      login: DEMO.pool,
      password: DEMO_PASSWORD,
      displayName: 'Claire Dubois',
      accounts: [DEMO.pool, ...poolServices.map((s) => s.address)],
      defaultAccount: DEMO.pool,
      receptionNotices: [],
    },
  ],
  messages: [
    {
      to: DEMO.login,
      from: 'dr.roussel@chu-exemple.mssante.fr',
      fromName: 'Dr Hélène Roussel',
      subject: 'Réunion de service jeudi',
      body: 'Bonjour Noémie,\n\nLa réunion de service est avancée à 14 h jeudi.\n\nHélène',
      minutesAgo: 35,
      unread: true,
    },
    {
      to: DEMO.login,
      from: 'formation@esante-occitanie.fr',
      fromName: 'Service formation',
      subject: 'Session MSSanté : inscriptions ouvertes',
      body: 'Les inscriptions à la session de formation MSSanté sont ouvertes.',
      minutesAgo: 60 * 26,
      unread: false,
    },
    {
      to: DEMO.services.mss,
      from: 'dr.lefevre@chu-exemple.mssante.fr',
      fromName: 'Dr Antoine Lefèvre',
      subject: 'Demande d’avis spécialisé',
      body: 'Bonjour,\n\nPourriez-vous nous donner votre avis sur le dossier transmis ?\n\nBien cordialement.',
      minutesAgo: 12,
      unread: true,
    },
    {
      to: DEMO.services.mss,
      from: 'labo.biologie@clinique-exemple.mssante.fr',
      fromName: 'Laboratoire de biologie',
      subject: 'Résultats disponibles',
      body: 'Les résultats sont disponibles.',
      minutesAgo: 90,
      unread: true,
    },
    {
      to: DEMO.services.mss,
      from: 'cpam@assurance-maladie.mssante.fr',
      fromName: 'Assurance Maladie',
      subject: 'Accusé de réception',
      body: 'Votre envoi a bien été reçu.',
      minutesAgo: 60 * 50,
      unread: false,
    },
    {
      to: DEMO.services.cardio,
      from: 'secretariat.radiologie@ch-exemple.mssante.fr',
      fromName: 'Secrétariat de radiologie',
      subject: 'Compte rendu échocardiographie',
      body: 'Veuillez trouver le compte rendu ci-joint.',
      minutesAgo: 5,
      unread: true,
    },
    {
      to: DEMO.services.urgences,
      from: 'samu@ch-exemple.mssante.fr',
      fromName: 'SAMU',
      subject: 'Transfert prévu cette nuit',
      body: 'Un transfert est prévu cette nuit vers votre service.',
      minutesAgo: 240,
      unread: false,
    },
  ],
};
