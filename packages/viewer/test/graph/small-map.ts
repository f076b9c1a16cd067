// A small map with known answers, shared by the viewer's tests.
import { type AccountAttributes, toDrawnGraph } from '@kolmap/model';
import { type MapGraph, toMapGraph } from '../../src/graph/map-graph.js';

/**
 * Six accounts in two communities: a → b → c → a inside community 0 (a the leader), d → e, d → f
 * inside community 1, and the bridge c → d.
 */
export function smallMap(): MapGraph {
  const node = (key: string, attributes: AccountAttributes) => ({ key, attributes });
  const drawn = toDrawnGraph({
    directed: true,
    communities: [
      { id: 0, label: '#oncology · HCPs', size: 3, topMembers: ['x:a'] },
      { id: 1, label: '#diabetes', size: 3 },
    ],
    accounts: [
      node('x:a', {
        name: 'Dr Ana Léger',
        handle: 'ana_leger',
        platform: 'x',
        actorType: 'hcp',
        language: 'fr',
        country: 'FR',
        role: 'leader',
        community: 0,
        kolScore: 100,
        pagerank: 0.4,
        followers: 9000,
        inStrength: 12,
        x: 0,
        y: 0,
      }),
      node('x:b', {
        name: 'Bob',
        handle: 'bobby',
        platform: 'x',
        actorType: 'patient',
        language: 'en',
        country: 'GB',
        role: 'peripheral',
        community: 0,
        kolScore: 50,
        pagerank: 0.1,
        followers: 100,
        inStrength: 3,
        x: 1,
        y: 0,
      }),
      node('linkedin:c', {
        name: 'Chloé Martin',
        platform: 'linkedin',
        actorType: 'researcher',
        language: 'fr',
        country: 'BE',
        role: 'bridge',
        community: 0,
        kolScore: 80,
        pagerank: 0.2,
        followers: 400,
        inStrength: 4,
        x: 1,
        y: 1,
      }),
      node('actor:d', {
        name: 'Diabetes United',
        platforms: ['facebook', 'instagram'],
        actorType: 'patient_org',
        role: 'community_leader',
        community: 1,
        kolScore: 90,
        pagerank: 0.2,
        followers: 20000,
        inStrength: 6,
        x: 5,
        y: 5,
      }),
      node('x:e', {
        handle: 'eve',
        platform: 'x',
        actorType: 'patient',
        language: 'en',
        role: 'peripheral',
        community: 1,
        kolScore: 10,
        x: 6,
        y: 5,
      }),
      node('x:f', { name: 'Fay', platform: 'x', community: 1, x: 5, y: 6 }),
    ],
    interactions: [
      { source: 'x:a', target: 'x:b', attributes: { weight: 1 } },
      { source: 'x:b', target: 'linkedin:c', attributes: { weight: 2 } },
      { source: 'linkedin:c', target: 'x:a', attributes: { weight: 5 } },
      { source: 'actor:d', target: 'x:e', attributes: { weight: 1 } },
      { source: 'actor:d', target: 'x:f', attributes: { weight: 1 } },
      { source: 'linkedin:c', target: 'actor:d', attributes: { weight: 1 } },
    ],
  });
  return toMapGraph(drawn);
}
