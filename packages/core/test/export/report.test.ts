import { DirectedGraph } from 'graphology';
import { profileCommunities } from '../../src/analyze/communities/community-profiles.js';
import { assignKolScores } from '../../src/analyze/score/kol-score.js';
import { toHtmlReport, toMarkdownReport } from '../../src/export/report.js';
import { expectInvalid } from '../analyze/influence/fixtures.js';
import { textOf } from '../text-of.js';

/** Two communities around a hub each (oncologists on X, patients on Instagram) and an isolated account. */
function smallMap(): { graph: DirectedGraph; partition: Record<string, number> } {
  const graph = new DirectedGraph();
  const partition: Record<string, number> = {};
  const add = (key: string, community: number, attributes: Record<string, unknown>) => {
    graph.addNode(key, attributes);
    partition[key] = community;
  };
  add('x:hub', 0, {
    name: 'Dr <b>Onco</b> | Lyon',
    handle: 'dronco',
    platform: 'x',
    actorType: 'hcp',
  });
  add('instagram:hub', 1, {
    name: 'Patients United',
    handle: 'pu',
    platform: 'instagram',
    actorType: 'patient_org',
  });
  for (let i = 0; i < 5; i++) {
    add(`x:m${i}`, 0, {
      name: `Member ${i}`,
      platform: 'x',
      actorType: 'hcp',
      bio: 'Oncologist',
    });
    graph.addEdge(`x:m${i}`, 'x:hub', { weight: 2, mention: 1, count: 2 });
    add(`instagram:m${i}`, 1, {
      name: `Patient ${i}`,
      platform: 'instagram',
      actorType: 'patient',
      bio: 'Living with MS',
    });
    graph.addEdge(`instagram:m${i}`, 'instagram:hub', { weight: 1, comment: 1, count: 1 });
  }
  add('x:alone', 2, { platform: 'x' });
  return { graph, partition };
}

describe('toMarkdownReport', () => {
  const { graph, partition } = smallMap();
  assignKolScores(graph, { partition });
  const profiles = profileCommunities(graph, partition);
  const options = {
    title: 'Oncology map',
    profiles,
    modularity: 0.4321,
    parameters: { algorithm: 'leiden', seed: 42, weights: { pagerank: 0.4 } },
    top: 3,
    topPerCommunity: 2,
  };

  it('summarises the map, its parameters, communities and top KOLs', () => {
    const markdown = textOf(toMarkdownReport(graph, options));
    expect(markdown.startsWith('# Oncology map\n')).toBe(true);
    expect(markdown).toContain('| accounts | 13 |');
    expect(markdown).toContain('| account pairs linked | 10 |');
    expect(markdown).toContain('| interactions | 15 |');
    expect(markdown).toContain('| communities | 3 (2 listed one by one, 1 smaller ones by size) |');
    expect(markdown).toContain('| modularity | 0.4321 |');
    expect(markdown).toContain('| weights | {"pagerank":0.4} |');
    for (const profile of profiles.filter((p) => p.size >= 3)) {
      expect(markdown).toContain(`| ${profile.id} | ${profile.label} | ${profile.size} |`);
    }
    expect(markdown).toContain(
      `## Smaller communities\n\n| accounts each | communities | accounts | share of accounts | largest |\n| --- | --- | --- | --- | --- |\n| 1 | 1 | 1 | 8 % | 2 · ${profiles[2]?.label} (1) |\n`,
    );
    expect(markdown).toContain('## Top 3 KOLs');
    const hub = graph.getNodeAttributes('x:hub');
    expect(markdown).toContain(
      `| ${hub.rank} | Dr &lt;b>Onco&lt;/b> \\| Lyon | @dronco | X | hcp | 0 · ${profiles[0]?.label} | ${(hub.kolScore as number).toFixed(1)} | ${hub.tier} | ${String(hub.role).replace('_', ' ')} |`,
    );
    expect(markdown).toContain(`### Community 1 · ${profiles[1]?.label}`);
    expect(markdown).toContain('Patients United');
    expect(markdown).not.toContain('### Community 2');
  });

  it('says the same in a self-contained HTML page with the text escaped', () => {
    const html = textOf(toHtmlReport(graph, options));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Oncology map</title>');
    expect(html).toContain('<td>Dr &lt;b&gt;Onco&lt;/b&gt; | Lyon</td>');
    expect(html).not.toContain('<b>Onco');
    expect(html).toContain('<td>{&quot;pagerank&quot;:0.4}</td>');
    expect(html).toContain(`<h3>Community 1 · ${profiles[1]?.label}</h3>`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('lists the largest communities one by one and sums up the long tail by size band', () => {
    // Communities of 1 to 60 accounts (id = size - 1), each a star around its first member.
    const many = new DirectedGraph();
    const parts: Record<string, number> = {};
    for (let size = 1; size <= 60; size++) {
      for (let i = 0; i < size; i++) {
        many.addNode(`x:${size}-${i}`, { platform: 'x', name: `c${size} m${i}` });
        parts[`x:${size}-${i}`] = size - 1;
        if (i > 0) many.addEdge(`x:${size}-${i}`, `x:${size}-0`);
      }
    }
    assignKolScores(many, { partition: parts });
    const markdown = textOf(
      toMarkdownReport(many, {
        profiles: profileCommunities(many, parts),
        communities: 5,
        topPerCommunity: 1,
      }),
    );
    expect(markdown).toContain(
      '| communities | 60 (5 listed one by one, 55 smaller ones by size) |',
    );
    const listedIds = [...markdown.matchAll(/^### Community (\d+) · /gm)].map((m) => Number(m[1]));
    expect(listedIds).toEqual([59, 58, 57, 56, 55]);
    const tail = markdown.split('## Smaller communities')[1]?.split('## Top')[0] ?? '';
    const bands = [...tail.matchAll(/^\| ([\d–]+) \| (\d+) \| (\d+) \| /gm)].map((m) => [
      m[1],
      Number(m[2]),
      Number(m[3]),
    ]);
    // Sizes 1–55: bands 50–99 (50..55), 20–49, 10–19, 5–9, 3–4, 2, 1.
    expect(bands).toEqual([
      ['50–99', 6, 315],
      ['20–49', 30, 1035],
      ['10–19', 10, 145],
      ['5–9', 5, 35],
      ['3–4', 2, 7],
      ['2', 1, 2],
      ['1', 1, 1],
    ]);
    expect(tail).toContain('| 54 · c55 m0 (55); 53 · c54 m0 (54); 52 · c53 m0 (53) |');
  });

  it('labels communities from the nodes without profiles, and checks its options', () => {
    const { graph: other, partition: parts } = smallMap();
    assignKolScores(other, { partition: parts });
    other.forEachNode((node, attributes) =>
      other.setNodeAttribute(node, 'communityLabel', `group ${attributes.community}`),
    );
    const markdown = textOf(toMarkdownReport(other));
    expect(markdown.startsWith('# kolmap map report')).toBe(true);
    expect(markdown).toContain('| 1 | group 1 | 6 |');
    expect(markdown).not.toContain('modularity');
    expect(markdown).not.toContain('## Parameters');
    expectInvalid(() => toMarkdownReport(other, { top: -1 }), 'top');
    expectInvalid(() => toMarkdownReport(other, { communities: 1.5 }), 'communities');
    const unscored = new DirectedGraph();
    unscored.addNode('x:a');
    expectInvalid(() => toHtmlReport(unscored), 'kolScore');
  });
});
