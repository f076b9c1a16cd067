import { readFileSync } from 'node:fs';
import type { ActorType } from '@kolmap/model';
import { parse } from 'csv-parse/sync';
import {
  DEFAULT_PV_INTAKE_OPTIONS,
  detectPvCase,
  type PvPostContext,
  resolvePvIntakeOptions,
} from '../../src/listen/detect-pv-cases.js';
import { listenToPosts } from '../../src/listen/listen-to-posts.js';
import { tokenize } from '../../src/listen/text-tokens.js';
import { parseWatchList, readWatchList } from '../../src/listen/watch-list.js';
import { loadDataset } from '../../src/load/load-dataset.js';

const OWN = [{ name: 'Clotavane', own: true }];

function flag(
  text: string,
  actorType?: ActorType,
  brands: PvPostContext['brands'] = OWN,
  options = DEFAULT_PV_INTAKE_OPTIONS,
) {
  return detectPvCase(tokenize(text), { author: 'x:a1', actorType, brands }, options);
}

describe('detectPvCase: the four criteria', () => {
  it('flags a first-hand adverse event with the criteria that met', () => {
    expect(flag("Since starting Clotavane I've had nosebleeds every day", 'patient')).toEqual({
      kinds: ['adverse-event'],
      criteria: {
        reporter: 'x:a1',
        patient: 'named',
        patientWords: ['i'],
        products: ['Clotavane'],
        events: ['nosebleeds'],
        eventClasses: ['vascular'],
        doubts: [],
        score: 0.6,
      },
    });
  });

  it('flags a carer speaking of a relative, in French', () => {
    const finding = flag('Ma mère a des bleus partout depuis le Clotavane', 'caregiver');
    expect(finding?.criteria.patientWords).toEqual(['ma', 'mère']);
    expect(finding?.criteria.events).toEqual(['des bleus']);
  });

  it('flags a product quality complaint', () => {
    expect(
      flag('Second faulty Clotavane pen this month, the needle did not come out')?.kinds,
    ).toEqual(['quality-complaint']);
    expect(flag("L'injecteur Clotavane s'est bloqué ce matin")?.kinds).toEqual([
      'quality-complaint',
    ]);
  });

  it('takes the author as the patient when a person tells it as their own', () => {
    const text = 'Second dose of Clotavane last night, woke up with nausea. Is this normal?';
    expect(flag(text, 'patient')?.criteria.patient).toBe('author');
    expect(flag(text)?.criteria.patient).toBe('author');
    expect(flag(text, 'media')).toBeNull();
    expect(
      flag(text, undefined, OWN, { ...DEFAULT_PV_INTAKE_OPTIONS, unknownAuthorIsPatient: false }),
    ).toBeNull();
  });
});

describe('detectPvCase: tricky posts that are not cases', () => {
  it('a product mentioned without an event', () => {
    expect(flag('Finally got my Clotavane refill, shortage over 🙌', 'patient')).toBeNull();
  });

  it('an event without a product', () => {
    expect(flag('Rough day: nausea again', 'patient', [])).toBeNull();
  });

  it('a news article about side effects', () => {
    expect(flag('Side effects of selixaban (Clotavane) under review, regulator says')).toBeNull();
    expect(
      flag("Effets indésirables du Clotavane : l'agence lance une réévaluation", 'journalist'),
    ).toBeNull();
    expect(flag('Study: 12% of patients on Clotavane had bleeding')).toBeNull();
  });

  it('a negated event', () => {
    expect(flag('7 months on Clotavane and no side effects at all 🙏', 'patient')).toBeNull();
    expect(flag('6 mois sous Clotavane et aucun effet secondaire', 'patient')).toBeNull();
    expect(flag("Deux ans sous Clotavane, je n'ai pas de saignements", 'patient')).toBeNull();
  });

  it('a feared or possible event, or a product not taken yet', () => {
    expect(
      flag('My doctor wants me to start Clotavane, scared of getting nosebleeds', 'patient'),
    ).toBeNull();
    expect(
      flag("Mon neuro propose Clotavane, j'ai peur d'avoir des vertiges", 'patient'),
    ).toBeNull();
    expect(flag('Does Clotavane cause hair loss? Asking before I start', 'patient')).toBeNull();
  });

  it('an event after the negation has ended with the clause is still an event', () => {
    expect(flag('No idea why, but since Clotavane I get nosebleeds', 'patient')).not.toBeNull();
  });

  it("a competitor's product only when scope is all (the default)", () => {
    const competitor = [{ name: 'Vasclera', own: false }];
    const text = 'Since starting Vasclera I have had dizzy spells';
    expect(flag(text, 'patient', competitor)?.criteria.products).toEqual(['Vasclera']);
    expect(flag(text, 'patient', competitor, resolvePvIntakeOptions({ scope: 'own' }))).toBeNull();
  });
});

describe('detectPvCase: a broad event vocabulary by system organ class', () => {
  const classesOf = (text: string) => flag(text, 'patient')?.criteria.eventClasses;

  it('reads lay and clinical terms and abbreviations of many classes, in both languages', () => {
    expect(classesOf('Third UTI since I started Clotavane')).toEqual(['infections']);
    expect(classesOf('Un zona carabiné sous Clotavane')).toEqual(['infections']);
    expect(classesOf('Hot flushes from hell on Clotavane')).toEqual(['vascular']);
    expect(classesOf('Des acouphènes depuis le Clotavane')).toEqual(['ear']);
    expect(classesOf('Goût métallique dans la bouche depuis le Clotavane')).toEqual(['nervous']);
    expect(classesOf('Pt on Clotavane, suspected PML')).toEqual(['infections']);
  });

  it('reads a lab value or vital sign as an event when a number or a change stands by it', () => {
    expect(classesOf('3 months on Clotavane and my lymphocytes are down to 0.4')).toEqual([
      'investigations',
    ]);
    expect(classesOf('Bilan sous Clotavane : ALAT à 5N')).toEqual(['investigations']);
    expect(classesOf('my pulse at 42 on Clotavane')).toEqual(['investigations']);
    expect(flag('Clotavane: my lymphocytes were checked today', 'patient')).toBeNull();
    expect(flag('my lymphocytes were checked. Clotavane refill 2 days late', 'patient')).toBeNull();
  });

  it('reads symptom emojis as events', () => {
    expect(classesOf('Clotavane day 3 🤮')).toEqual(['gastrointestinal']);
  });
});

describe('detectPvCase: context rules', () => {
  it('reads "May" after "in" or "since", or before a number, as the month, not a hypothesis', () => {
    expect(flag('I started Clotavane in May and got a rash', 'patient')).not.toBeNull();
    expect(flag('On Clotavane since May, rash everywhere', 'patient')).not.toBeNull();
    expect(flag('Clotavane may cause a rash, my pharmacist said', 'patient')).toBeNull();
  });

  it('holds an event after a conditional as hypothetical to the end of its clause', () => {
    expect(flag("If Clotavane ever makes me bleed I'll call my GP", 'patient')).toBeNull();
    expect(flag('Si je tombe enceinte sous Clotavane, il faut arrêter ?', 'patient')).toBeNull();
    expect(
      flag('If you wonder: yes, Clotavane gave me a rash', 'patient')?.criteria.events,
    ).toEqual(['rash']);
  });

  it('ends a negation or a hypothesis at "but" / "mais"', () => {
    expect(
      flag('No rash but headaches every day on Clotavane', 'patient')?.criteria.events,
    ).toEqual(['headaches']);
    expect(
      flag('Pas de bleus mais des nausées sous Clotavane', 'patient')?.criteria.events,
    ).toEqual(['nausées']);
  });

  it('keeps an event whose cause the author doubts, and shows the doubt', () => {
    const finding = flag("Not sure if it's the Clotavane but my hair is falling out", 'patient');
    expect(finding?.criteria.events).toEqual(['hair is falling out']);
    expect(finding?.criteria.doubts).toEqual(['not sure if']);
    const sure = flag("It's the Clotavane, my hair is falling out", 'patient');
    expect(finding?.criteria.score).toBeLessThan(sure?.criteria.score ?? 0);
  });

  it('reads French "à cause du" as a cause, not a hypothesis', () => {
    expect(flag("J'ai des bleus partout à cause du Clotavane", 'patient')).not.toBeNull();
  });

  it('drops a post that denies the product caused the event', () => {
    expect(
      flag('Nosebleed yesterday, but the ENT says it has nothing to do with Clotavane', 'patient'),
    ).toBeNull();
    expect(
      flag("Fièvre à 39 sous Clotavane… rien à voir, c'était une angine", 'patient'),
    ).toBeNull();
    expect(flag('The headaches were not the Clotavane after all', 'patient')).toBeNull();
  });

  it('drops a post whose author has not started yet, not one who starts to feel an event', () => {
    expect(flag('Je commence Clotavane dans 10 jours, peur des bleus', 'patient')).toBeNull();
    expect(
      flag('My neuro wants to switch me to Clotavane, I bruise so easily', 'patient'),
    ).toBeNull();
    expect(flag('Je commence à avoir des bleus sous Clotavane', 'patient')).not.toBeNull();
  });

  it('negates an event after "not a single" or "très peu de"', () => {
    expect(flag('Two years on Clotavane, not a single nosebleed', 'patient')).toBeNull();
  });

  it("names second-hand patients and clinicians' patients", () => {
    expect(
      flag('my flatmate fainted on day 2 of Clotavane', 'other')?.criteria.patientWords,
    ).toEqual(['my', 'flatmate']);
    expect(flag('Pt 41F on Clotavane, ALT 187', 'hcp')?.criteria.patientWords).toEqual(['pt']);
  });
});

describe('detectPvCase: triage score', () => {
  it('ranks a named patient with several events above an implied one with a misspelt brand', () => {
    const strong = flag(
      'My mum has had nosebleeds and bruises everywhere since Clotavane',
      'caregiver',
    );
    const weak = detectPvCase(tokenize('clotavanne day 3, rash'), {
      author: 'x:a2',
      actorType: undefined,
      brands: [{ name: 'Clotavane', own: true, fuzzy: true }],
    });
    expect(strong?.criteria.score).toBeGreaterThan(weak?.criteria.score ?? 1);
    expect(weak?.criteria.doubts).toEqual(['spelt unlike Clotavane', 'patient only implied']);
    for (const score of [strong?.criteria.score, weak?.criteria.score]) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('lists as doubts the events the post also negates or fears', () => {
    const finding = flag('No nosebleeds on Clotavane, but I have a rash since Monday', 'patient');
    expect(finding?.criteria.events).toEqual(['rash']);
    expect(finding?.criteria.doubts).toEqual(['no nosebleeds']);
  });
});

describe('listenToPosts: pharmacovigilance on posts', () => {
  const watch = parseWatchList('products:\n  - { name: Clotavane, molecules: [selixaban] }\n');

  it('flags the original, never its reposts, and keeps a copy of the post', () => {
    const listening = listenToPosts(
      [
        {
          id: 'p1',
          platform: 'x',
          author: 'a',
          createdAt: '2024-01-01',
          text: 'On Clotavane, my gums bleed',
          language: 'en',
        },
        { id: 'p2', platform: 'x', author: 'b', createdAt: '2024-01-02', repostOf: 'p1' },
      ],
      watch,
    );
    expect(listening.pvFlags).toEqual([
      expect.objectContaining({ post: 'x:p1', author: 'x:a', text: 'On Clotavane, my gums bleed' }),
    ]);
    expect(listening.posts[1]).toEqual(
      expect.objectContaining({ repostOf: 'x:p1', brands: [0], pv: null }),
    );
  });
});

describe('recall and precision', () => {
  it('finds the planted cases of the demo data (recall ≥ 0.95) and no look-alike', async () => {
    const dataset = await loadDataset('data/demo');
    const watch = await readWatchList('data/listening-sample/demo-watch.yaml');
    const authors = new Map(dataset.accounts.map((account) => [account.key, account]));
    const listening = listenToPosts(dataset.posts, watch, authors);
    const truth = JSON.parse(readFileSync('data/demo/ground-truth.json', 'utf8')) as {
      pvCases: Array<{ postId: string }>;
      pvNonCases: Array<{ postId: string }>;
    };
    const flagged = new Set(listening.pvFlags.map((item) => item.postId));
    const found = truth.pvCases.filter((item) => flagged.has(item.postId)).length;
    const recall = found / truth.pvCases.length;
    const precision = found / flagged.size;
    expect(truth.pvCases).toHaveLength(30);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(truth.pvNonCases.filter((item) => flagged.has(item.postId))).toEqual([]);
  });

  it('finds the cases of the hand-written sample (data/listening-sample/pv.csv)', async () => {
    const rows = parse(readFileSync('data/listening-sample/pv.csv'), { columns: true }) as Array<{
      id: string;
      case: string;
      language: string;
      actorType: string;
      text: string;
    }>;
    const watch = await readWatchList('data/listening-sample/demo-watch.yaml');
    const listening = listenToPosts(
      rows.map((row) => ({
        id: row.id,
        platform: 'x' as const,
        author: row.id,
        createdAt: '2024-05-01',
        text: row.text,
        language: row.language,
      })),
      watch,
      new Map(
        rows
          .filter((row) => row.actorType !== '')
          .map((row) => [`x:${row.id}`, { actorType: row.actorType as ActorType }]),
      ),
    );
    const flagged = new Set(listening.pvFlags.map((item) => item.postId));
    const cases = rows.filter((row) => row.case === '1');
    const found = cases.filter((row) => flagged.has(row.id)).length;
    expect(found / cases.length).toBeGreaterThanOrEqual(0.95);
    expect(found / flagged.size).toBeGreaterThanOrEqual(0.9);
  });
});
