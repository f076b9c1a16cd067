// The cast of the demo scenario: actors planted in communities (KOLs, brokers, regulars) and their
// accounts on one or more platforms, with names, handles, bios and how much they post and are heard.
import type { Account, ActorType, Platform } from '@kolmap/core';
import { fillTemplate } from './post-text.js';
import { cumulate, type Rng } from './rng.js';
import {
  ACTOR_MIX,
  AREAS,
  type AreaVocabulary,
  BROKER_PAIRS,
  COMMUNITIES,
  COUNTRIES,
  FIRST_NAMES,
  KOL_TYPES,
  type Language,
  ORGANISATION_TYPES,
  ORGANISATION_WORDS,
  PLATFORM_SKEW,
  REGIONS,
  SURNAME_PARTS,
  TYPE_WEIGHTS,
} from './scenario.js';
import { BIO_TEMPLATES } from './templates.js';

export const SCENARIO_ROLES = ['kol', 'broker', 'regular'] as const;
/** What an account was planted as: a KOL of its community, a broker between two, or neither. */
export type ScenarioRole = (typeof SCENARIO_ROLES)[number];

/** An account with what the generator knows about it. */
export interface CastAccount {
  account: Account;
  actorId: string;
  type: ActorType;
  role: ScenarioRole;
  /** Index in COMMUNITIES of the planted community. */
  community: number;
  /** Second community of a broker, else -1. */
  second: number;
  language: Language;
  /** Relative rate of posting and of following. */
  activity: number;
  /** Relative odds of receiving attention (follows, mentions, replies…). */
  attention: number;
}

interface Actor {
  type: ActorType;
  role: ScenarioRole;
  community: number;
  second: number;
  language: Language;
  platforms: Platform[];
}

const KOL_ATTENTION = 40;
const KOL_ACTIVITY = 4;
const BROKER_ATTENTION = 3;
/** Cap of the Pareto draw, so that no unplanted account outshines the planted KOLs. */
const ATTENTION_CAP = 50;
const BROKER_ACTIVITY = 2;
/** Accounts per planted KOL actor, roughly. */
const ACCOUNTS_PER_KOL = 80;
/** Accounts per broker actor on each bridged pair, roughly. */
const ACCOUNTS_PER_BROKER = 1500;

const PLATFORM_PREFIX: Readonly<Record<Platform, string>> = {
  x: 'x',
  linkedin: 'li',
  facebook: 'fb',
  instagram: 'ig',
  youtube: 'yt',
  tiktok: 'tt',
  bluesky: 'bs',
  mastodon: 'md',
  reddit: 'rd',
  web: 'w',
  other: 'o',
};

/**
 * Plants `total` accounts in the communities (sizes proportional to their weights), in a shuffled
 * order, with ids `<platform prefix><n>` and actor ids `a<n>` that tell nothing of the plan.
 */
export function buildCast(total: number, rng: Rng): CastAccount[] {
  const actors = rng.shuffle(planActors(total, rng));
  const names = new NameBook(rng);
  const staged: CastAccount[] = [];
  actors.forEach((actor, index) => {
    staged.push(...describeActor(actor, `a${index + 1}`, names, rng));
  });
  rng.shuffle(staged);
  staged.forEach((entry, index) => {
    entry.account.id = `${PLATFORM_PREFIX[entry.account.platform]}${index + 1}`;
  });
  return staged;
}

/** Decides every actor's community, role, type and platforms so that accounts add up to `total`. */
function planActors(total: number, rng: Rng): Actor[] {
  const quotas = apportion(
    total,
    COMMUNITIES.map((community) => community.weight),
  );
  const brokersPerPair = Math.max(1, Math.round(total / ACCOUNTS_PER_BROKER));
  const actors: Actor[] = [];
  COMMUNITIES.forEach((spec, community) => {
    let left = quotas[community] ?? 0;
    const add = (type: ActorType, role: ScenarioRole, second = -1): void => {
      if (left <= 0) return;
      const platforms = choosePlatforms(type, role, rng).slice(0, left);
      left -= platforms.length;
      actors.push({ type, role, community, second, language: spec.language, platforms });
    };
    const kols = Math.min(10, Math.max(1, Math.round((quotas[community] ?? 0) / ACCOUNTS_PER_KOL)));
    for (let k = 0; k < kols; k++) add(KOL_TYPES[k % KOL_TYPES.length] as ActorType, 'kol');
    for (const pair of BROKER_PAIRS) {
      if (pair.between[0] !== spec.name) continue;
      const other = COMMUNITIES.findIndex((candidate) => candidate.name === pair.between[1]);
      for (let b = 0; b < brokersPerPair; b++) add(pair.actorType, 'broker', other);
    }
    const mix = cumulate(ACTOR_MIX.map(([, share]) => share));
    while (left > 0) add((ACTOR_MIX[rng.pickCumulative(mix)] as [ActorType, number])[0], 'regular');
  });
  return actors;
}

/** The platforms of an actor, main one first: KOLs and organisations are on more of them. */
function choosePlatforms(type: ActorType, role: ScenarioRole, rng: Rng): Platform[] {
  const skew = [...PLATFORM_SKEW[type]];
  const organisation = ORGANISATION_TYPES.has(type);
  const extra =
    role === 'kol' ? [1, 0.5, 0.15] : organisation ? [0.6, 0.3, 0.1] : [0.22, 0.06, 0.02];
  const platforms: Platform[] = [];
  const draw = (): void => {
    const index = rng.pickCumulative(cumulate(skew.map(([, odds]) => odds)));
    platforms.push((skew[index] as [Platform, number])[0]);
    skew.splice(index, 1);
  };
  draw();
  for (const odds of extra) {
    if (skew.length === 0 || !rng.chance(odds)) break;
    draw();
  }
  return platforms;
}

/** Builds the accounts of one actor: one per platform, sharing name, bio and actor id. */
function describeActor(actor: Actor, actorId: string, names: NameBook, rng: Rng): CastAccount[] {
  const spec = COMMUNITIES[actor.community] as (typeof COMMUNITIES)[number];
  const area = AREAS[spec.area];
  const { language, type, role } = actor;
  const identity = names.identity(type, area, language);
  const areas =
    actor.second >= 0 && COMMUNITIES[actor.second]?.area !== spec.area
      ? [spec.area, COMMUNITIES[actor.second]?.area as string]
      : [spec.area];
  const bio = fillTemplate(rng.pick(BIO_TEMPLATES[type][language]), {
    rng,
    area,
    language,
    mention: () => '',
    extra: {
      title: identity.title ?? '',
      inst: names.institution(area, language),
      media: names.media(language),
      year: String(2005 + rng.int(19)),
    },
  }).text;
  const country = identity.country ?? weighted(COUNTRIES[language], rng);
  const roleWeights =
    role === 'kol'
      ? { activity: KOL_ACTIVITY, attention: KOL_ATTENTION }
      : role === 'broker'
        ? { activity: BROKER_ACTIVITY, attention: BROKER_ATTENTION }
        : { activity: 1, attention: 1 };
  const activity = rng.lognormal(0, 1.1) * TYPE_WEIGHTS[type].activity * roleWeights.activity;
  const attention =
    Math.min(rng.pareto(1.5), ATTENTION_CAP) * TYPE_WEIGHTS[type].attention * roleWeights.attention;
  const verifiedOdds =
    role === 'kol' ? 0.8 : (VERIFIED_ODDS[type] ?? (ORGANISATION_TYPES.has(type) ? 0.6 : 0.03));
  const verified = rng.chance(verifiedOdds);
  return actor.platforms.map((platform, rank) => {
    const handle = names.handle(platform, identity, type, area, language);
    const account: Account = {
      platform,
      id: '',
      handle,
      name: identity.name,
      actorId,
      actorType: type,
      bio,
      verified,
      language,
      country,
      url: profileUrl(platform, handle, ORGANISATION_TYPES.has(type)),
    };
    if (identity.specialty) account.specialty = identity.specialty;
    if (type !== 'other' && type !== 'public_figure') account.therapeuticAreas = areas;
    const secondary = rank === 0 ? 1 : role === 'kol' ? 0.8 : 0.5;
    return {
      account,
      actorId,
      type,
      role,
      community: actor.community,
      second: actor.second,
      language,
      activity: activity * secondary * rng.lognormal(0, 0.3),
      attention: attention * secondary * rng.lognormal(0, 0.3),
    };
  });
}

const VERIFIED_ODDS: Partial<Record<ActorType, number>> = {
  public_figure: 0.9,
  influencer: 0.4,
  journalist: 0.4,
  hcp: 0.08,
  researcher: 0.08,
};

interface Identity {
  name: string;
  /** Words of the handle: given name and surname, or the organisation's name. */
  words: string[];
  title?: string;
  specialty?: string;
  doctor: boolean;
  /** Organisations are where they are registered; people get a country at random. */
  country?: string;
}

/** Invents names, keeping handles unique per platform and organisation names unique. */
class NameBook {
  private readonly handles = new Map<Platform, Set<string>>();
  private readonly organisations = new Set<string>();

  constructor(private readonly rng: Rng) {}

  identity(type: ActorType, area: AreaVocabulary, language: Language): Identity {
    if (ORGANISATION_TYPES.has(type)) {
      const { name, country } = this.organisation(type, area, language);
      return { name, words: name.split(/[\s–-]+/).filter(Boolean), doctor: false, country };
    }
    const rng = this.rng;
    const first = rng.pick(FIRST_NAMES[language]);
    const parts = SURNAME_PARTS[language];
    const last = rng.pick(parts.start) + rng.pick(parts.end);
    const words = [first, last];
    if (type === 'hcp') {
      const k = rng.int(area.specialties.length);
      const specialty = area.specialties[k] as string;
      const doctor = !/nursing|physiotherapy|dietetics/.test(specialty);
      const name = doctor && rng.chance(0.6) ? `Dr ${first} ${last}` : `${first} ${last}`;
      return { name, words, title: area.hcpTitles[language][k] as string, specialty, doctor };
    }
    if (type === 'researcher') {
      const prefix = language === 'fr' ? 'Pr' : 'Prof';
      const name = rng.chance(0.3) ? `${prefix} ${first} ${last}` : `${first} ${last}`;
      return { name, words, specialty: area.specialties[0] as string, doctor: false };
    }
    if (type === 'patient' || type === 'caregiver' || type === 'other') {
      const style = rng.next();
      const name =
        style < 0.4
          ? first
          : style < 0.6
            ? `${first} ${rng.pick(['🌸', '💪', '🦋', '☀️', '💙'])}`
            : style < 0.8
              ? `${first} ${last.charAt(0)}.`
              : `${first} ${last}`;
      const handleWords = rng.chance(0.4) ? [first, ascii(area.short[language])] : words;
      return { name, words: handleWords, doctor: false };
    }
    if (type === 'influencer') {
      const name = rng.chance(0.5) ? `${first} | ${area.label[language]}` : `${first} ${last}`;
      return {
        name,
        words: rng.chance(0.5) ? [first, ascii(area.short[language])] : words,
        doctor: false,
      };
    }
    return { name: `${first} ${last}`, words, doctor: false };
  }

  /** A unique handle on the platform, in that platform's usual style. */
  handle(
    platform: Platform,
    identity: Identity,
    type: ActorType,
    area: AreaVocabulary,
    language: Language,
  ): string {
    const rng = this.rng;
    const words = identity.words.map(ascii).filter(Boolean);
    const organisation = ORGANISATION_TYPES.has(type);
    const camel = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
    let base: string;
    let limit = 30;
    switch (platform) {
      case 'x':
      case 'tiktok':
        limit = platform === 'x' ? 15 : 24;
        base = organisation
          ? camel.length <= limit
            ? camel
            : words.map((word) => word.charAt(0).toUpperCase()).join('') +
              ascii(area.short[language])
          : identity.doctor && rng.chance(0.5)
            ? `Dr${words[words.length - 1] ?? ''}`
            : rng.chance(0.5)
              ? camel
              : words.join('_').toLowerCase();
        break;
      case 'linkedin':
        base = words.join('-').toLowerCase();
        if (!organisation) base += `-${(rng.int(0xfffff) + 0x10000).toString(16)}`;
        limit = 60;
        break;
      case 'instagram':
        base = words.join(rng.chance(0.5) ? '.' : '_').toLowerCase();
        break;
      case 'facebook':
        base = organisation ? camel : words.join('.').toLowerCase();
        limit = 50;
        break;
      case 'bluesky':
        base = words.join('').toLowerCase();
        limit = 18;
        break;
      default:
        base = camel;
    }
    base = base.slice(0, limit);
    let taken = this.handles.get(platform);
    if (!taken) {
      taken = new Set();
      this.handles.set(platform, taken);
    }
    let handle = base;
    while (taken.has(handle.toLowerCase())) {
      const suffix = String(10 + rng.int(990));
      handle = base.slice(0, limit - suffix.length) + suffix;
    }
    taken.add(handle.toLowerCase());
    return platform === 'bluesky' ? `${handle}.bsky.social` : handle;
  }

  institution(area: AreaVocabulary, language: Language): string {
    return fillTemplate(this.rng.pick(ORGANISATION_WORDS.institution[language]), {
      rng: this.rng,
      area,
      language,
      mention: () => '',
    }).text;
  }

  media(language: Language): string {
    return this.rng.pick(ORGANISATION_WORDS.media[language]);
  }

  private organisation(
    type: ActorType,
    area: AreaVocabulary,
    language: Language,
  ): { name: string; country: string } {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      let name: string;
      let country = language === 'fr' ? 'FR' : rng.chance(0.6) ? 'GB' : 'US';
      if (type === 'patient_org') {
        const words = ORGANISATION_WORDS.patientOrg[language];
        name =
          language === 'fr'
            ? `${rng.pick(words.kinds)} ${rng.pick(words.spirit)} ${area.short.fr}`
            : `${area.short.en} ${rng.pick(words.spirit)} ${rng.pick(words.kinds)}`;
      } else if (type === 'media') {
        name = this.media(language);
      } else if (type === 'institution') {
        name = this.institution(area, language);
      } else {
        const company = rng.pick(area.products).company;
        const [unit, unitCountry] = rng.pick(PHARMA_UNITS[language]);
        name = `${company} ${unit}`;
        country = unitCountry;
      }
      if (attempt > 3) name = `${name} ${rng.pick(REGIONS[language])}`;
      if (!this.organisations.has(name) || attempt > 12) {
        this.organisations.add(name);
        return { name, country };
      }
    }
  }
}

/** Local accounts of the invented companies, and their countries. */
const PHARMA_UNITS: Record<Language, readonly [string, string][]> = {
  fr: [
    ['France', 'FR'],
    ['France – Affaires médicales', 'FR'],
    ['Recrutement', 'FR'],
    ['Belgique', 'BE'],
  ],
  en: [
    ['UK', 'GB'],
    ['Medical Affairs UK', 'GB'],
    ['Careers', 'GB'],
    ['Ireland', 'IE'],
    ['US', 'US'],
  ],
};

function profileUrl(platform: Platform, handle: string, organisation: boolean): string {
  switch (platform) {
    case 'x':
      return `https://x.com/${handle}`;
    case 'linkedin':
      return `https://www.linkedin.com/${organisation ? 'company' : 'in'}/${handle}`;
    case 'facebook':
      return `https://www.facebook.com/${handle}`;
    case 'instagram':
      return `https://www.instagram.com/${handle}`;
    case 'youtube':
      return `https://www.youtube.com/@${handle}`;
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`;
    case 'bluesky':
      return `https://bsky.app/profile/${handle}`;
    default:
      return '';
  }
}

/** Letters and digits only, accents removed ("Élodie" → "Elodie"). */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** A value drawn from `[value, odds]` pairs. */
export function weighted<T>(choices: readonly (readonly [T, number])[], rng: Rng): T {
  return (choices[rng.pickCumulative(cumulate(choices.map(([, odds]) => odds)))] as [T, number])[0];
}

/** Splits `total` in integer parts proportional to `weights` (largest remainders). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left-- <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}
