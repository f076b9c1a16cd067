// The invented world of the demo data: therapeutic areas, planted communities, products, names.
// Every brand, molecule, company, organisation, place and person here is made up.
import type { ActorType, Platform } from '@kolmap/core';

export type Language = 'fr' | 'en';
export type Words = Record<Language, readonly string[]>;

export const THERAPEUTIC_AREAS = [
  'oncology',
  'stroke',
  'multiple-sclerosis',
  'allergy',
  'diabetes',
] as const;
export type TherapeuticArea = (typeof THERAPEUTIC_AREAS)[number];

/** A planted community: one therapeutic area in one language. */
export interface CommunitySpec {
  name: string;
  area: TherapeuticArea;
  language: Language;
  /** Relative size. */
  weight: number;
}

export const COMMUNITIES: readonly CommunitySpec[] = [
  { name: 'oncology-fr', area: 'oncology', language: 'fr', weight: 1.4 },
  { name: 'oncology-en', area: 'oncology', language: 'en', weight: 1.3 },
  { name: 'stroke-fr', area: 'stroke', language: 'fr', weight: 0.8 },
  { name: 'stroke-en', area: 'stroke', language: 'en', weight: 0.7 },
  { name: 'multiple-sclerosis-fr', area: 'multiple-sclerosis', language: 'fr', weight: 1 },
  { name: 'multiple-sclerosis-en', area: 'multiple-sclerosis', language: 'en', weight: 0.8 },
  { name: 'allergy-fr', area: 'allergy', language: 'fr', weight: 0.7 },
  { name: 'diabetes-fr', area: 'diabetes', language: 'fr', weight: 0.9 },
  { name: 'diabetes-en', area: 'diabetes', language: 'en', weight: 1 },
];

/** Community pairs bridged by brokers, and the kind of actor who bridges them. */
export const BROKER_PAIRS: readonly { between: [string, string]; actorType: ActorType }[] = [
  { between: ['oncology-fr', 'oncology-en'], actorType: 'researcher' },
  { between: ['multiple-sclerosis-fr', 'multiple-sclerosis-en'], actorType: 'hcp' },
  { between: ['stroke-fr', 'stroke-en'], actorType: 'researcher' },
  { between: ['diabetes-fr', 'diabetes-en'], actorType: 'influencer' },
  { between: ['stroke-fr', 'multiple-sclerosis-fr'], actorType: 'hcp' },
  { between: ['stroke-en', 'multiple-sclerosis-en'], actorType: 'hcp' },
  { between: ['diabetes-en', 'stroke-en'], actorType: 'hcp' },
  { between: ['allergy-fr', 'diabetes-fr'], actorType: 'hcp' },
  { between: ['oncology-fr', 'multiple-sclerosis-fr'], actorType: 'journalist' },
];

/** Actor types of the planted KOLs of each community, in the order they are created. */
export const KOL_TYPES: readonly ActorType[] = [
  'hcp',
  'hcp',
  'researcher',
  'patient_org',
  'hcp',
  'influencer',
  'researcher',
];

/** Share of each actor type among a community's ordinary actors. */
export const ACTOR_MIX: readonly [ActorType, number][] = [
  ['patient', 0.33],
  ['caregiver', 0.1],
  ['hcp', 0.2],
  ['researcher', 0.07],
  ['patient_org', 0.03],
  ['journalist', 0.03],
  ['media', 0.02],
  ['institution', 0.03],
  ['pharma', 0.02],
  ['influencer', 0.05],
  ['public_figure', 0.01],
  ['other', 0.11],
];

export const ORGANISATION_TYPES: ReadonlySet<ActorType> = new Set([
  'patient_org',
  'media',
  'institution',
  'pharma',
]);

/** Where each actor type is found: relative odds of each platform. */
export const PLATFORM_SKEW: Readonly<Record<ActorType, readonly [Platform, number][]>> = {
  hcp: [
    ['x', 45],
    ['linkedin', 35],
    ['instagram', 7],
    ['youtube', 4],
    ['facebook', 4],
    ['bluesky', 3],
    ['tiktok', 2],
  ],
  researcher: [
    ['x', 48],
    ['linkedin', 37],
    ['bluesky', 10],
    ['youtube', 5],
  ],
  patient: [
    ['instagram', 30],
    ['facebook', 30],
    ['x', 15],
    ['tiktok', 15],
    ['youtube', 5],
    ['bluesky', 5],
  ],
  caregiver: [
    ['facebook', 50],
    ['instagram', 25],
    ['x', 10],
    ['tiktok', 10],
    ['youtube', 5],
  ],
  patient_org: [
    ['facebook', 30],
    ['x', 30],
    ['instagram', 20],
    ['linkedin', 15],
    ['youtube', 5],
  ],
  journalist: [
    ['x', 60],
    ['linkedin', 28],
    ['bluesky', 12],
  ],
  media: [
    ['x', 40],
    ['facebook', 20],
    ['youtube', 15],
    ['instagram', 10],
    ['linkedin', 10],
    ['tiktok', 5],
  ],
  institution: [
    ['x', 40],
    ['linkedin', 40],
    ['facebook', 10],
    ['youtube', 10],
  ],
  pharma: [
    ['linkedin', 50],
    ['x', 30],
    ['youtube', 10],
    ['facebook', 10],
  ],
  public_figure: [
    ['x', 40],
    ['instagram', 30],
    ['facebook', 20],
    ['tiktok', 10],
  ],
  influencer: [
    ['instagram', 40],
    ['tiktok', 30],
    ['youtube', 20],
    ['x', 10],
  ],
  other: [
    ['facebook', 35],
    ['x', 25],
    ['instagram', 25],
    ['tiktok', 10],
    ['youtube', 5],
  ],
};

/** How much each actor type posts (activity) and draws attention (attractiveness), relatively. */
export const TYPE_WEIGHTS: Readonly<Record<ActorType, { activity: number; attention: number }>> = {
  hcp: { activity: 1.2, attention: 1.5 },
  researcher: { activity: 0.8, attention: 1.3 },
  patient: { activity: 1, attention: 0.6 },
  caregiver: { activity: 0.8, attention: 0.5 },
  patient_org: { activity: 2, attention: 3 },
  journalist: { activity: 1.5, attention: 1.5 },
  media: { activity: 3, attention: 3 },
  institution: { activity: 1, attention: 2.5 },
  pharma: { activity: 0.7, attention: 1.2 },
  public_figure: { activity: 0.8, attention: 6 },
  influencer: { activity: 2, attention: 3 },
  other: { activity: 0.5, attention: 0.3 },
};

/** What a post is, relative to others: an original post or a link to an earlier one. */
export const POST_KINDS = ['original', 'reply', 'comment', 'repost', 'quote'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Relative odds of each kind of post on each platform (replies on X-like platforms, comments elsewhere). */
export const PLATFORM_POST_KINDS: Readonly<Partial<Record<Platform, readonly number[]>>> = {
  x: [20, 24, 0, 44, 12],
  bluesky: [22, 26, 0, 40, 12],
  linkedin: [26, 0, 42, 24, 8],
  facebook: [26, 0, 50, 24, 0],
  instagram: [34, 0, 66, 0, 0],
  youtube: [18, 0, 82, 0, 0],
  tiktok: [26, 0, 66, 8, 0],
};

/** Platforms that report view counts. */
export const PLATFORMS_WITH_VIEWS: ReadonlySet<Platform> = new Set([
  'x',
  'linkedin',
  'youtube',
  'tiktok',
]);

/** An invented medicine: brand, invented INN, maker, and how it is taken. */
export interface Product {
  brand: string;
  molecule: string;
  company: string;
  /** Pens and auto-injectors can also be the subject of quality complaints. */
  device: boolean;
  /** Taken as a course of treatment (false for rescue devices): patients tell of its side effects. */
  course: boolean;
}

/** Everything a therapeutic area contributes to names, bios and posts. */
export interface AreaVocabulary {
  label: Record<Language, string>;
  /** Short capitalised name, for organisation names ("SEP", "MS"). */
  short: Record<Language, string>;
  /** The disease with its article ("la SEP"), and after "de" ("de la SEP"). */
  disease: Record<Language, string>;
  ofDisease: Record<Language, string>;
  hashtags: Words;
  congress: readonly string[];
  topics: Words;
  /** What patients call their doctor. */
  doctor: Record<Language, string>;
  /** Specialties of the area's HCPs (stored in English). */
  specialties: readonly string[];
  /** How HCPs of the area describe themselves. */
  hcpTitles: Words;
  products: readonly Product[];
  /** Adverse events plausible with the area's products, as patients word them. */
  events: Words;
  /** What patients go through, free of any product or adverse event. */
  milestones: Words;
}

export const AREAS: Readonly<Record<TherapeuticArea, AreaVocabulary>> = {
  oncology: {
    label: { fr: 'oncologie', en: 'oncology' },
    short: { fr: 'Cancer', en: 'Cancer' },
    disease: { fr: 'le cancer', en: 'cancer' },
    ofDisease: { fr: 'du cancer', en: 'cancer' },
    hashtags: {
      fr: ['cancer', 'oncologie', 'cancerdusein', 'immunothérapie', 'OctobreRose'],
      en: ['cancer', 'oncology', 'breastcancer', 'lungcancer', 'immunotherapy'],
    },
    congress: ['ESMO24', 'ASCO24', 'SABCS24'],
    topics: {
      fr: [
        "l'immunothérapie",
        'le dépistage organisé',
        'les essais cliniques',
        "l'après-cancer",
        'la radiothérapie',
        'les soins de support',
        'la médecine de précision',
      ],
      en: [
        'immunotherapy',
        'screening',
        'clinical trials',
        'survivorship',
        'radiotherapy',
        'supportive care',
        'precision oncology',
      ],
    },
    doctor: { fr: 'oncologue', en: 'oncologist' },
    specialties: ['medical oncology', 'radiation oncology', 'haematology', 'oncology nursing'],
    hcpTitles: {
      fr: ['Oncologue', 'Radiothérapeute', 'Hématologue', 'Infirmière en oncologie'],
      en: ['Medical oncologist', 'Clinical oncologist', 'Haematologist', 'Oncology nurse'],
    },
    products: [
      {
        brand: 'Oncavera',
        molecule: 'moravizumab',
        company: 'Lunaris Therapeutics',
        device: false,
        course: true,
      },
      {
        brand: 'Kinatrexa',
        molecule: 'quelvatinib',
        company: 'Aurelis Biotech',
        device: false,
        course: true,
      },
      {
        brand: 'Mammelis',
        molecule: 'dervestrant',
        company: 'Orvenne Pharma',
        device: false,
        course: true,
      },
    ],
    events: {
      fr: [
        'des nausées',
        'une éruption cutanée',
        'des diarrhées',
        'des fourmillements dans les mains',
        'une fatigue écrasante',
        'des aphtes partout',
      ],
      en: [
        'nausea',
        'a rash all over',
        'diarrhoea',
        'tingling in the hands',
        'crushing fatigue',
        'mouth ulcers',
      ],
    },
    milestones: {
      fr: ['dernière chimio', 'première séance de radiothérapie', 'scanner de contrôle'],
      en: ['last chemo', 'first radiotherapy session', 'follow-up scan'],
    },
  },
  stroke: {
    label: { fr: 'AVC', en: 'stroke' },
    short: { fr: 'AVC', en: 'Stroke' },
    disease: { fr: "l'AVC", en: 'stroke' },
    ofDisease: { fr: "de l'AVC", en: 'stroke' },
    hashtags: {
      fr: ['AVC', 'neurologie', 'thrombolyse', 'AVCjeune', 'rééducation'],
      en: ['stroke', 'StrokeAwareness', 'thrombectomy', 'BEFAST', 'neurorehab'],
    },
    congress: ['ESOC2024', 'WSC2024'],
    topics: {
      fr: [
        'la thrombectomie',
        'la filière neurovasculaire',
        'la rééducation',
        'la prévention secondaire',
        'les signes qui doivent alerter',
        "l'aphasie",
      ],
      en: [
        'thrombectomy',
        'stroke pathways',
        'rehabilitation',
        'secondary prevention',
        'the warning signs',
        'aphasia',
      ],
    },
    doctor: { fr: 'neurologue', en: 'stroke consultant' },
    specialties: ['vascular neurology', 'neurology', 'emergency medicine', 'physiotherapy'],
    hcpTitles: {
      fr: ['Neurologue vasculaire', 'Urgentiste', 'Neurologue', 'Kinésithérapeute'],
      en: ['Stroke physician', 'Emergency physician', 'Neurologist', 'Neuro physiotherapist'],
    },
    products: [
      {
        brand: 'Vasclera',
        molecule: 'dorogrel',
        company: 'Heliance Santé',
        device: false,
        course: true,
      },
      {
        brand: 'Clotavane',
        molecule: 'selixaban',
        company: 'Orvenne Pharma',
        device: false,
        course: true,
      },
    ],
    events: {
      fr: [
        'des saignements de nez',
        'des bleus partout',
        'du sang dans les urines',
        'des vertiges',
      ],
      en: ['nosebleeds', 'bruising everywhere', 'blood in the urine', 'dizzy spells'],
    },
    milestones: {
      fr: ['sortie de l’hôpital', 'première marche sans canne', 'reprise du travail'],
      en: ['discharge day', 'first walk without a stick', 'back to work'],
    },
  },
  'multiple-sclerosis': {
    label: { fr: 'SEP', en: 'MS' },
    short: { fr: 'SEP', en: 'MS' },
    disease: { fr: 'la SEP', en: 'MS' },
    ofDisease: { fr: 'de la SEP', en: 'MS' },
    hashtags: {
      fr: ['SEP', 'scléroseenplaques', 'neurologie', 'SEPinvisible'],
      en: ['MS', 'MultipleSclerosis', 'MSawareness', 'MSWarrior', 'neurology'],
    },
    congress: ['ECTRIMS2024', 'AAN2024'],
    topics: {
      fr: [
        'les traitements de fond',
        'la fatigue invisible',
        "l'IRM de suivi",
        'les poussées',
        'la grossesse et la SEP',
        "l'activité physique adaptée",
      ],
      en: [
        'disease-modifying therapies',
        'invisible symptoms',
        'MRI monitoring',
        'relapses',
        'pregnancy and MS',
        'exercise',
      ],
    },
    doctor: { fr: 'neuro', en: 'neuro' },
    specialties: ['neurology', 'neuroimmunology', 'neurology nursing'],
    hcpTitles: {
      fr: ['Neurologue', 'Neurologue (SEP)', 'Infirmière SEP'],
      en: ['Neurologist', 'Consultant neurologist (MS)', 'MS specialist nurse'],
    },
    products: [
      {
        brand: 'Neurelix',
        molecule: 'velorimod',
        company: 'Corvane Laboratoires',
        device: false,
        course: true,
      },
      {
        brand: 'Myelora',
        molecule: 'tervalimab',
        company: 'Lunaris Therapeutics',
        device: true,
        course: true,
      },
    ],
    events: {
      fr: [
        'des vertiges',
        'des nausées',
        'des maux de tête',
        'la vue qui se brouille',
        'le cœur qui ralentit',
      ],
      en: ['dizziness', 'nausea', 'headaches', 'blurred vision', 'a slow heart rate'],
    },
    milestones: {
      fr: ['IRM de contrôle', 'un an sans poussée', 'annonce du diagnostic'],
      en: ['MRI day', 'a year without a relapse', 'diagnosis anniversary'],
    },
  },
  allergy: {
    label: { fr: 'allergie', en: 'allergy' },
    short: { fr: 'Allergies', en: 'Allergy' },
    disease: { fr: 'les allergies', en: 'allergies' },
    ofDisease: { fr: 'des allergies', en: 'allergy' },
    hashtags: {
      fr: ['allergie', 'pollen', 'asthme', 'allergiealimentaire', 'rhumedesfoins'],
      en: ['allergy', 'hayfever', 'foodallergy', 'anaphylaxis', 'asthma'],
    },
    congress: ['EAACI2024', 'CFA2024'],
    topics: {
      fr: [
        'la désensibilisation',
        'les pics de pollen',
        "l'allergie alimentaire à l'école",
        "le plan d'action anaphylaxie",
        "l'asthme allergique",
      ],
      en: [
        'immunotherapy',
        'pollen season',
        'food allergy at school',
        'anaphylaxis action plans',
        'allergic asthma',
      ],
    },
    doctor: { fr: 'allergo', en: 'allergist' },
    specialties: ['allergology', 'pulmonology', 'paediatrics'],
    hcpTitles: {
      fr: ['Allergologue', 'Pneumologue', 'Pédiatre'],
      en: ['Allergist', 'Respiratory physician', 'Paediatrician'],
    },
    products: [
      {
        brand: 'Allerxa',
        molecule: 'pelorastine',
        company: 'Heliance Santé',
        device: false,
        course: true,
      },
      {
        brand: 'Pollenor',
        molecule: 'graminovax',
        company: 'Orvenne Pharma',
        device: false,
        course: true,
      },
      {
        brand: 'Adrenova',
        molecule: 'nemoradine',
        company: 'Corvane Laboratoires',
        device: true,
        course: false,
      },
    ],
    events: {
      fr: [
        'une grosse somnolence',
        'la bouche sèche',
        'des démangeaisons dans la bouche',
        'la gorge qui gonfle',
      ],
      en: ['terrible drowsiness', 'a dry mouth', 'an itchy mouth', 'throat swelling'],
    },
    milestones: {
      fr: ['test de provocation', 'première année de désensibilisation', 'rentrée scolaire'],
      en: ['food challenge', 'first year of immunotherapy', 'back to school'],
    },
  },
  diabetes: {
    label: { fr: 'diabète', en: 'diabetes' },
    short: { fr: 'Diabète', en: 'Diabetes' },
    disease: { fr: 'le diabète', en: 'diabetes' },
    ofDisease: { fr: 'du diabète', en: 'diabetes' },
    hashtags: {
      fr: ['diabète', 'diabètetype1', 'DT1', 'DT2', 'insuline'],
      en: ['diabetes', 'T1D', 'T2D', 'GBDOC', 'insulin'],
    },
    congress: ['EASD2024', 'ADA2024', 'ATTD2024'],
    topics: {
      fr: [
        'les capteurs de glucose',
        'la boucle fermée',
        "l'éducation thérapeutique",
        'le pied diabétique',
        'les analogues du GLP-1',
        'le diabète gestationnel',
      ],
      en: [
        'CGM',
        'closed-loop systems',
        'structured education',
        'diabetic foot care',
        'GLP-1 therapies',
        'gestational diabetes',
      ],
    },
    doctor: { fr: 'diabéto', en: 'diabetes nurse' },
    specialties: ['endocrinology', 'general practice', 'diabetes nursing', 'dietetics'],
    hcpTitles: {
      fr: ['Endocrinologue', 'Médecin généraliste', 'IDE éducation thérapeutique', 'Diététicienne'],
      en: ['Endocrinologist', 'GP', 'Diabetes specialist nurse', 'Dietitian'],
    },
    products: [
      {
        brand: 'Glycentra',
        molecule: 'orvaglutide',
        company: 'Aurelis Biotech',
        device: true,
        course: true,
      },
      {
        brand: 'Sucralis',
        molecule: 'tarvagliflozin',
        company: 'Corvane Laboratoires',
        device: false,
        course: true,
      },
      {
        brand: 'Insulane Flex',
        molecule: 'insulin velatec',
        company: 'Heliance Santé',
        device: true,
        course: true,
      },
    ],
    events: {
      fr: ['des nausées', 'des vomissements', 'des hypos la nuit', 'des mycoses à répétition'],
      en: ['nausea', 'vomiting', 'night-time hypos', 'recurrent thrush'],
    },
    milestones: {
      fr: ['pose du capteur', 'HbA1c à 6,8 %', "10 ans d'insuline"],
      en: ['new sensor day', 'HbA1c at 48', '10 years on insulin'],
    },
  },
};

/** Given names and invented surnames (two syllables glued), per language. */
export const FIRST_NAMES: Words = {
  fr: [
    'Claire',
    'Julien',
    'Camille',
    'Thomas',
    'Léa',
    'Antoine',
    'Sophie',
    'Nicolas',
    'Manon',
    'Hugo',
    'Chloé',
    'Maxime',
    'Inès',
    'Lucas',
    'Élodie',
    'Mathieu',
    'Sarah',
    'Romain',
    'Laura',
    'Pierre',
    'Céline',
    'Guillaume',
    'Émilie',
    'Vincent',
    'Marion',
    'Karim',
    'Yasmine',
    'Nadia',
    'Mehdi',
    'Anne',
    'Isabelle',
    'Philippe',
    'Nathalie',
    'François',
    'Amandine',
    'Bastien',
    'Pauline',
    'Sébastien',
    'Aurélie',
    'Benoît',
  ],
  en: [
    'Emma',
    'James',
    'Olivia',
    'Daniel',
    'Sophie',
    'Michael',
    'Chloe',
    'Thomas',
    'Grace',
    'Samuel',
    'Hannah',
    'Oliver',
    'Amelia',
    'Jack',
    'Priya',
    'Ravi',
    'Aisha',
    'Omar',
    'Megan',
    'Ryan',
    'Laura',
    'David',
    'Rachel',
    'Matthew',
    'Katie',
    'Ben',
    'Lucy',
    'Adam',
    'Zoe',
    'Nathan',
    'Ella',
    'Liam',
    'Isla',
    'Noah',
    'Freya',
    'Ethan',
    'Mia',
    'Callum',
    'Niamh',
    'Connor',
  ],
};

export const SURNAME_PARTS: Record<Language, { start: readonly string[]; end: readonly string[] }> =
  {
    fr: {
      start: [
        'Bel',
        'Mar',
        'Dur',
        'Lav',
        'Fon',
        'Bou',
        'Ches',
        'Mor',
        'Gar',
        'Ver',
        'Lan',
        'Roch',
        'Mal',
        'Per',
        'Cour',
        'Vill',
        'Bran',
        'Del',
        'Tess',
        'Cham',
      ],
      end: [
        'ard',
        'ier',
        'ot',
        'eau',
        'in',
        'ois',
        'et',
        'ac',
        'ange',
        'aud',
        'elle',
        'oux',
        'ieu',
      ],
    },
    en: {
      start: [
        'Ash',
        'Brad',
        'Cald',
        'Hart',
        'Kend',
        'Mor',
        'Pem',
        'Whit',
        'Wins',
        'Thorn',
        'Hal',
        'Brook',
        'Fair',
        'Ell',
        'Stan',
        'Carr',
        'Dun',
        'Pres',
        'Wyn',
        'Red',
      ],
      end: [
        'ley',
        'well',
        'ford',
        'ton',
        'ridge',
        'by',
        'wick',
        'more',
        'field',
        'ham',
        'worth',
        'shaw',
      ],
    },
  };

/** Invented towns, for hospitals and local organisations. */
export const TOWNS: Words = {
  fr: [
    'Valbrune',
    'Lorvain',
    'Saint-Ardoise',
    'Montessac',
    'Belrive-sur-Loue',
    'Castelvieux',
    'Pradelle',
    'Vernay-le-Haut',
  ],
  en: [
    'Northbridge',
    'Ashford Vale',
    'Kingsmere',
    'Harrowgate Bay',
    'Westhaven',
    'Elmsworth',
    'Calderby',
    'Fenwick Cross',
  ],
};

export const REGIONS: Words = {
  fr: [
    'Bretagne',
    'Occitanie',
    'Normandie',
    'Grand Est',
    'Auvergne',
    'Provence',
    'Île-de-France',
    'Hauts-de-France',
  ],
  en: ['North', 'Midlands', 'Scotland', 'Wales', 'South West', 'London', 'Yorkshire', 'Ulster'],
};

/** Countries of each language's accounts, with relative odds. */
export const COUNTRIES: Record<Language, readonly [string, number][]> = {
  fr: [
    ['FR', 82],
    ['BE', 7],
    ['CH', 5],
    ['CA', 4],
    ['MA', 2],
  ],
  en: [
    ['GB', 46],
    ['US', 34],
    ['IE', 8],
    ['CA', 6],
    ['AU', 6],
  ],
};

/** Pieces of organisation names. */
export const ORGANISATION_WORDS = {
  patientOrg: {
    fr: {
      kinds: ['Association', 'Collectif', 'Fédération', 'Réseau', 'Ligue', 'Alliance'],
      spirit: ['Espoir', 'Solidarité', 'Ensemble', 'Avenir', 'Entraide'],
    },
    en: {
      kinds: ['Alliance', 'Network', 'Foundation', 'Trust', 'Circle', 'Coalition'],
      spirit: ['Together', 'Forward', 'Hope', 'Voices', 'United'],
    },
  },
  media: {
    fr: [
      'Santé Hebdo',
      'MédiActu',
      'Pulsations Info',
      'Vivre Mieux Mag',
      'Le Fil Santé',
      'Blouse Blanche Média',
      'Info Patients',
      'Diagnostic Radio',
    ],
    en: [
      'HealthWire Daily',
      'Pulse Report',
      'The Ward Round',
      'Clinic Times',
      'Bedside News',
      'Vital Signs Weekly',
      'MedBeat',
      'Patient Post',
    ],
  },
  institution: {
    fr: [
      'CHU de {town}',
      'Institut {ofDisease} de {town}',
      'Centre hospitalier de {town}',
      'Université de {town} – Faculté de médecine',
      'Clinique du Parc de {town}',
    ],
    en: [
      '{town} University Hospital',
      '{town} Institute of {short}',
      '{town} General Hospital',
      'University of {town} Medical School',
      '{town} Research Centre',
    ],
  },
} as const;
