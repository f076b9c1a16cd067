// Text templates of the demo posts and bios, per author group and language; the {slots} are
// filled by fillTemplate (post-text.ts), which lists them.
import type { ActorType } from '@kolmap/core';
import type { Words } from './scenario.js';

/** Authors who write alike. */
export type AuthorGroup =
  | 'clinician'
  | 'patient'
  | 'caregiver'
  | 'organisation'
  | 'media'
  | 'pharma'
  | 'public';

export const AUTHOR_GROUP: Readonly<Record<ActorType, AuthorGroup>> = {
  hcp: 'clinician',
  researcher: 'clinician',
  patient: 'patient',
  other: 'patient',
  caregiver: 'caregiver',
  patient_org: 'organisation',
  institution: 'organisation',
  media: 'media',
  journalist: 'media',
  pharma: 'pharma',
  public_figure: 'public',
  influencer: 'public',
};

export const ORIGINAL_TEMPLATES: Readonly<Record<AuthorGroup, Words>> = {
  clinician: {
    fr: [
      'Nouvelles données sur {topic} présentées à {congress} : résultats encourageants. {tag}',
      'Belle discussion avec {m} sur {topic}. Merci pour les échanges ! {tag}',
      'En consultation, on parle trop peu de {topic}. Vos retours ? {tag}',
      'Phase 3 : {mol} ({brand}) vs standard, critère principal atteint. À confirmer en vie réelle. {tag}',
      'Je serai à {congress}, session sur {topic} avec {m} {tag}',
      "🧵 Ce qu'il faut retenir sur {topic} en 2024 {tag} {tag}",
      "Nouvelle publication de l'équipe sur {topic}, bravo {m} et {m} ! {tag}",
      'Recommandations mises à jour sur {topic}. Lien en réponse. {tag}',
      'Staff du jour : {topic}, cas complexe et belle discussion collégiale. {tag}',
    ],
    en: [
      'New data on {topic} at {congress}: encouraging results. {tag}',
      'Great discussion with {m} on {topic} today. {tag}',
      "We don't talk enough about {topic} in clinic. Thoughts? {tag}",
      'Phase 3: {mol} ({brand}) vs standard of care met its primary endpoint. Real-world data next. {tag}',
      'Heading to {congress}, chairing a session on {topic} with {m} {tag}',
      '🧵 What we learned about {topic} this year {tag} {tag}',
      'Our new paper on {topic} is out! Huge thanks to {m} and {m} {tag}',
      'Updated guidance on {topic} in {ofDisease} care. Link below. {tag}',
      'MDT today: a tricky case around {topic}, great team discussion. {tag}',
    ],
  },
  patient: {
    fr: [
      "{milestone} aujourd'hui 💪 Merci à tous pour vos messages {tag}",
      'Diagnostic posé il y a {n} ans. Merci {m} pour tout ce que vous faites {tag}',
      'RDV avec mon {doctor} demain, plein de questions sur {topic} {tag}',
      "Vivre avec {disease}, c'est aussi des bons jours ☀️ {tag}",
      "Quelqu'un a des conseils sur {topic} ? {tag}",
      'Sous {brand} depuis {n} mois, mon {doctor} est satisfait du dernier bilan {tag}',
      'Petite victoire du jour : {milestone} ✅ {tag}',
      "Merci {m} pour ce live, j'ai enfin compris {topic} {tag}",
    ],
    en: [
      '{milestone} today 💪 thanks everyone for the kind messages {tag}',
      'Diagnosed {n} years ago. Thank you {m} for everything you do {tag}',
      'Seeing my {doctor} tomorrow, lots of questions about {topic} {tag}',
      'Living with {disease} means good days too ☀️ {tag}',
      'Any tips on {topic}? {tag}',
      '{n} months on {brand} now, my {doctor} is happy with my last check-up {tag}',
      'Small win today: {milestone} ✅ {tag}',
      'Thanks {m} for the live Q&A, finally understood {topic} {tag}',
    ],
  },
  caregiver: {
    fr: [
      'Mon fils vit avec {disease} depuis {n} ans, quelle force ❤️ {tag}',
      'Proche aidant depuis {n} ans. On parle trop peu de nous. {tag}',
      "Merci {m} pour l'accompagnement de ma mère {tag}",
      'Demain, {milestone} pour mon mari, on croise les doigts {tag}',
    ],
    en: [
      'My son has lived with {disease} for {n} years, so proud of him ❤️ {tag}',
      'Carer for {n} years. Carers need support too. {tag}',
      'Thank you {m} for looking after my mum {tag}',
      "Tomorrow is my husband's {milestone}, fingers crossed {tag}",
    ],
  },
  organisation: {
    fr: [
      "Journée d'information sur {topic} à {town}. Inscription gratuite ! {tag}",
      'Merci à {m} pour son intervention sur {topic} {tag}',
      'Notre nouveau guide sur {topic} est disponible en ligne 📘 {tag}',
      'Nos équipes sont à {congress} cette semaine, suivez-nous {tag}',
      'Écoute patients et proches : du lundi au vendredi, 9h-18h. {tag}',
      "Bravo à l'équipe de {m} pour ce beau travail sur {topic} {tag}",
    ],
    en: [
      'Free information day on {topic} in {town}. Sign up now! {tag}',
      'Thank you {m} for your talk on {topic} {tag}',
      'Our new guide to {topic} is online 📘 {tag}',
      'Our team is at {congress} this week, follow along {tag}',
      'Helpline for patients and families: Monday to Friday, 9am-6pm. {tag}',
      'Congratulations to {m} and team for their work on {topic} {tag}',
    ],
  },
  media: {
    fr: [
      "{label} : ce que l'on sait vraiment sur {topic} {tag}",
      "ENQUÊTE. Les inégalités d'accès à {topic} persistent {tag}",
      'Entretien avec {m} sur {topic} {tag}',
      '{brand} ({mol}) : avis favorable au remboursement {tag}',
      'À {congress}, les annonces à retenir {tag}',
      '{label} : à {town}, un service pionnier sur {topic} {tag}',
    ],
    en: [
      '{label}: what we really know about {topic} {tag}',
      'Access to {topic} remains unequal, our analysis {tag}',
      'Interview: {m} on {topic} {tag}',
      '{brand} ({mol}) recommended for reimbursement {tag}',
      'Key takeaways from {congress} {tag}',
      'In {town}, a pioneering team on {topic} {tag}',
    ],
  },
  pharma: {
    fr: [
      'Fiers de soutenir la recherche sur {topic}. {tag}',
      'Nos équipes sont présentes à {congress}. {tag}',
      'Aux côtés des patients et de leurs proches, chaque jour. {tag}',
      'Nous recrutons en affaires médicales ({label}) ! {tag}',
    ],
    en: [
      'Proud to support research into {topic}. {tag}',
      'Meet our teams at {congress}. {tag}',
      'Standing with patients and families, every day. {tag}',
      'We are hiring in medical affairs ({label})! {tag}',
    ],
  },
  public: {
    fr: [
      'On en parle ? {disease}, ça peut toucher tout le monde. {tag}',
      'Nouvelle vidéo : ma journée type avec {disease} 🎥 {tag}',
      'Merci {m} pour cette belle rencontre ! {tag}',
      'Petit rappel : {topic}, parlez-en à votre médecin. {tag}',
      '{n} ans avec {disease} et toujours debout 💪 {tag}',
    ],
    en: [
      "Let's talk about {disease}, it can affect anyone. {tag}",
      'New video: a day in my life with {disease} 🎥 {tag}',
      'Thank you {m}, what a lovely meeting! {tag}',
      'Quick reminder: {topic}, talk to your doctor. {tag}',
      '{n} years with {disease} and still standing 💪 {tag}',
    ],
  },
};

/** Replies and comments: short reactions, some by clinicians only. */
export const REPLY_TEMPLATES: Words = {
  fr: [
    'Merci pour le partage 🙏',
    "Tout à fait d'accord.",
    'Source ?',
    'Exactement ce que je vis.',
    'Très intéressant, merci !',
    'Courage ❤️',
    'Bravo !',
    'Pas sûr que ce soit si simple…',
    'Vous avez le lien ?',
    "Ça donne de l'espoir.",
    'Merci, je partage avec {m}',
    '+1 {tag}',
  ],
  en: [
    'Thanks for sharing 🙏',
    'Totally agree.',
    'Source?',
    'This is exactly my life.',
    'Really interesting, thanks!',
    'Sending love ❤️',
    'Well done!',
    "Not sure it's that simple…",
    'Got a link?',
    'This gives me hope.',
    'Thanks, sharing with {m}',
    '+1 {tag}',
  ],
};

export const CLINICIAN_REPLY_TEMPLATES: Words = {
  fr: [
    'Données intéressantes, à confirmer en vie réelle.',
    'Mêmes constats dans notre service.',
    'Attention au suivi de ces patients.',
    'Quelle population exactement ?',
  ],
  en: [
    "Interesting data, let's see real-world results.",
    'Same experience in our unit.',
    'Follow-up matters a lot here.',
    'Which population exactly?',
  ],
};

export const QUOTE_TEMPLATES: Words = {
  fr: [
    'À lire 👇 {tag}',
    'Important. {tag}',
    'Très juste, merci {m}',
    'La parole des patients compte. {tag}',
    'Thread essentiel sur {topic} {tag}',
  ],
  en: [
    'Worth a read 👇 {tag}',
    'Important thread {tag}',
    'So true, thanks {m}',
    "Patients' voices matter. {tag}",
    'Essential thread on {topic} {tag}',
  ],
};

/** Planted pharmacovigilance cases: a product and an adverse event, told first-hand or by a carer. */
export const ADVERSE_EVENT_TEMPLATES: Words = {
  fr: [
    "Depuis que je prends {brand}, j'ai {event} et {event2}. Quelqu'un d'autre ? {tag}",
    '{n} semaines sous {mol} et {event} tous les jours. Je dois en parler à mon {doctor} ? {tag}',
    'Deuxième prise {deBrand} hier soir… ce matin {event}. C’est normal ?',
    'Arrêté {brand} : {event} depuis le début du traitement, je n’en pouvais plus.',
    'Ma mère a eu {event} après sa première prise {deBrand}, on a appelé le médecin',
    "Mon fils est sous {brand} depuis {n} jours et il a {event}. On s'inquiète.",
  ],
  en: [
    "Since starting {brand} I've had {event} and {event2}. Anyone else? {tag}",
    'Week {n} on {mol} and {event} every single day. Should I tell my {doctor}? {tag}',
    'Second dose of {brand} last night, woke up with {event}. Is this normal?',
    "Stopped {brand}, {event} since day one, couldn't take it anymore.",
    'My mum had {event} after starting {brand}, we called the GP',
    'My son has been on {brand} for {n} days and now has {event}. Worried.',
  ],
};

/** Planted product quality complaints (devices). */
export const QUALITY_COMPLAINT_TEMPLATES: Words = {
  fr: [
    "L'injecteur {brand} s'est bloqué ce matin, impossible de savoir si la dose est passée 😤",
    "Deuxième injecteur {brand} défectueux ce mois-ci, l'aiguille ne sort pas. {tag}",
  ],
  en: [
    'My {brand} injector jammed this morning, no idea if I got the dose 😤',
    "Second faulty {brand} injector this month, the needle didn't come out. {tag}",
  ],
};

export const PV_NON_CASE_KINDS = [
  'product-without-event',
  'event-without-product',
  'news-about-side-effects',
  'negated-event',
  'feared-event',
] as const;
/** Tricky posts that look like a pharmacovigilance case but are not one. */
export type PvNonCaseKind = (typeof PV_NON_CASE_KINDS)[number];

export const NON_CASE_TEMPLATES: Readonly<Record<PvNonCaseKind, Words>> = {
  'product-without-event': {
    fr: [
      'Enfin réussi à avoir mon {brand} à la pharmacie, fin de la rupture 🙌 {tag}',
      "Mon {doctor} m'a parlé {deBrand}, quelqu'un le prend ? {tag}",
    ],
    en: [
      'Finally got my {brand} refill, shortage over 🙌 {tag}',
      'My {doctor} mentioned {brand}, anyone on it? {tag}',
    ],
  },
  'event-without-product': {
    fr: [
      'Journée difficile : encore {event} {tag}',
      '{n} jours avec {event}, vivement que ça passe {tag}',
    ],
    en: ['Rough day: {event} again {tag}', '{n} days of {event}, hope it settles soon {tag}'],
  },
  'news-about-side-effects': {
    fr: [
      "Effets indésirables de {mol} ({brand}) : l'agence lance une réévaluation {tag}",
      'Pharmacovigilance : ce que disent les données de sécurité {deBrand} {tag}',
    ],
    en: [
      'Side effects of {mol} ({brand}) under review, regulator says {tag}',
      'Pharmacovigilance: what the safety data on {brand} show {tag}',
    ],
  },
  'negated-event': {
    fr: ['{n} mois sous {brand} et aucun effet secondaire 🙏 {tag}'],
    en: ['{n} months on {brand} and no side effects at all 🙏 {tag}'],
  },
  'feared-event': {
    fr: ["Mon {doctor} propose {brand}, j'ai peur d'avoir {event}… {tag}"],
    en: ['My {doctor} wants me to start {brand}, scared of getting {event}… {tag}'],
  },
};

/** Bios, per actor type. */
export const BIO_TEMPLATES: Readonly<Record<ActorType, Words>> = {
  hcp: {
    fr: ['{title} – {inst}. {Label}. Avis personnels.', '{title} à {town}. {Topic}.'],
    en: ['{title} at {inst}. {Topic}. Views my own.', '{title}, {town}. {Topic}.'],
  },
  researcher: {
    fr: ['Recherche en {label} @ {inst}. {Topic}.', 'Recherche clinique en {label}. {inst}.'],
    en: ['Researcher in {label} @ {inst}. {Topic}.', 'Clinical research, {label}. {inst}.'],
  },
  patient: {
    fr: [
      'Vit avec {disease} depuis {year}. Un jour à la fois.',
      '{Label} au quotidien. Ici pour partager.',
    ],
    en: [
      'Living with {disease} since {year}. One day at a time.',
      '{label} patient. Here to share.',
    ],
  },
  caregiver: {
    fr: ['Parent aidant 💙 {label}', 'Proche aidant depuis {year}.'],
    en: ['Parent and carer 💙 {label}', 'Caring for my partner since {year}.'],
  },
  patient_org: {
    fr: ['Association de patients {ofDisease}. Information, soutien, plaidoyer.'],
    en: ['Charity supporting people affected by {ofDisease}.'],
  },
  journalist: {
    fr: ['Journaliste santé @ {media}. DM ouverts.'],
    en: ['Health reporter @ {media}. DMs open.'],
  },
  media: {
    fr: ["L'actualité santé, chaque jour."],
    en: ['Health news, every day.'],
  },
  institution: {
    fr: ['Compte officiel. Soins, recherche, enseignement.'],
    en: ['Official account. Care, research, teaching.'],
  },
  pharma: {
    fr: ['Compte officiel. Effets indésirables : parlez-en à votre médecin ou pharmacien.'],
    en: ['Official account. Report side effects to your doctor or pharmacist.'],
  },
  public_figure: {
    fr: [
      'Artiste. Engagement total contre {disease}.',
      'Médaille olympique 2012. Porte-parole pour la lutte contre {disease}.',
      'Radio, télé, podcasts. Ici pour parler {ofDisease}.',
    ],
    en: [
      'Actor. Speaking up about {disease}.',
      'Former rugby international. Ambassador for {ofDisease} research.',
      'Radio, TV, podcasts. Here to talk about {disease}.',
    ],
  },
  influencer: {
    fr: ['Lifestyle & {label} ✨ Collabs en DM', 'Je parle {ofDisease} sans tabou 🎥'],
    en: ['{label} life ✨ collabs via DM', 'Talking {ofDisease}, no filter 🎥'],
  },
  other: {
    fr: ['Curiosité sans limite.', 'Ici pour les infos.'],
    en: ['Curious about everything.', 'Just here for the news.'],
  },
};
