// Fills the demo text templates: picks hashtags, topics, products, events and mentions for one text.
// Choices stay consistent within one text (the same product in {brand} and {mol}).
import type { Rng } from './rng.js';
import { type AreaVocabulary, type Language, type Product, TOWNS } from './scenario.js';

/** What a text is about and who writes it; `mention` picks an account and returns its "@handle". */
export interface TextSubject {
  rng: Rng;
  area: AreaVocabulary;
  language: Language;
  mention: () => string;
  /** Fixed product for planted pharmacovigilance posts; otherwise one of the area's treatments, at random. */
  product?: Product;
  /** Extra slot values (bios: title, inst, media, year). */
  extra?: Readonly<Record<string, string>>;
}

/** A filled text with the hashtags it carries (without "#") and the product it names, if any. */
export interface FilledText {
  text: string;
  hashtags: string[];
  product?: Product;
  events: string[];
}

/**
 * Fills every `{slot}` of a template (`{Slot}` for a capitalised value). Slots: tag, congress,
 * topic, disease, ofDisease, label, short, doctor, milestone, brand,
 * deBrand ("de Neurelix", "d'Oncavera"), mol, event, event2, m (a
 * mention), n (2–12), town, and those of `subject.extra`. An unknown slot is a template bug: throws.
 */
export function fillTemplate(template: string, subject: TextSubject): FilledText {
  const { rng, area, language } = subject;
  const hashtags: string[] = [];
  const events: string[] = [];
  let product = subject.product;
  const theProduct = (): Product => {
    product ??= rng.pick(area.products.filter((candidate) => candidate.course));
    return product;
  };
  const event = (): string => {
    const choices = area.events[language].filter((candidate) => !events.includes(candidate));
    const picked = rng.pick(choices);
    events.push(picked);
    return picked;
  };
  const hashtag = (tag: string): string => {
    hashtags.push(tag);
    return `#${tag}`;
  };
  const fill = (slot: string): string => {
    switch (slot) {
      case 'tag': {
        const fresh = area.hashtags[language].filter((tag) => !hashtags.includes(tag));
        return hashtag(rng.pick(fresh));
      }
      case 'congress':
        return hashtag(rng.pick(area.congress));
      case 'topic':
        return rng.pick(area.topics[language]);
      case 'disease':
        return area.disease[language];
      case 'ofDisease':
        return area.ofDisease[language];
      case 'label':
        return area.label[language];
      case 'short':
        return area.short[language];
      case 'doctor':
        return area.doctor[language];
      case 'milestone':
        return rng.pick(area.milestones[language]);
      case 'brand':
        return theProduct().brand;
      case 'deBrand': {
        const { brand } = theProduct();
        return /^[aeiouyéh]/i.test(brand) ? `d'${brand}` : `de ${brand}`;
      }
      case 'mol':
        return theProduct().molecule;
      case 'event':
      case 'event2':
        return event();
      case 'm':
        return subject.mention();
      case 'town':
        return rng.pick(TOWNS[language]);
      case 'n':
        return String(2 + rng.int(11));
      default: {
        const value = subject.extra?.[slot];
        if (value === undefined) throw new Error(`template slot {${slot}} has no value`);
        return value;
      }
    }
  };
  const filled = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const lower = slot.charAt(0).toLowerCase() + slot.slice(1);
    return lower === slot ? fill(slot) : capitalise(fill(lower));
  });
  const result: FilledText = { text: capitalise(filled), hashtags, events };
  if (product) result.product = product;
  return result;
}

function capitalise(text: string): string {
  const first = text.charAt(0);
  return /\p{Ll}/u.test(first) ? first.toUpperCase() + text.slice(1) : text;
}
