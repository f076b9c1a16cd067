import { DOMParser } from '@xmldom/xmldom';
import { DirectedGraph } from 'graphology';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { escapeXml, toXmlChars } from '../../src/export/xml-text.js';
import { textOf } from '../text-of.js';

/** Characters XML 1.0 allows (production Char). */
const XML_CHARS = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function hostileGraph(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.addNode('x:a\u0001', { name: 'Bell\u0007 & <Co> \uFFFE', bio: 'lone \uD800 surrogate' });
  graph.addNode('x:b', { name: 'Émilie 🧪', tags: ['ok\u0002'] });
  graph.addEdge('x:a\u0001', 'x:b', { weight: 2, note: 'form\u000Cfeed' });
  return graph;
}

/** Parses XML strictly: any error or fatal error fails. */
function parseStrict(xml: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') problems.push(String(message));
    },
  }).parseFromString(xml, 'text/xml');
  expect(problems).toEqual([]);
  return document as unknown as Document;
}

describe('XML text', () => {
  it('replaces the characters XML 1.0 forbids and escapes markup', () => {
    expect(toXmlChars('a\u0001b\uFFFFc\tok\n')).toBe('a\uFFFDb\uFFFDc\tok\n');
    expect(escapeXml('<a href="x">&\u0000</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;\uFFFD&lt;/a&gt;',
    );
    expect(toXmlChars('🧪 é')).toBe('🧪 é');
  });

  it('keeps GEXF and GraphML exports well-formed whatever the data holds', () => {
    const gexf = textOf(toGexf(hostileGraph()));
    const graphml = textOf(toGraphml(hostileGraph()));
    for (const xml of [gexf, graphml]) {
      expect(XML_CHARS.test(xml)).toBe(true);
      const text = parseStrict(xml).documentElement.textContent ?? '';
      expect(xml).toContain('Émilie 🧪');
      expect(text).not.toContain('\u0001');
    }
    expect(gexf).toContain('x:a\uFFFD');
    expect(graphml).toContain('Bell\uFFFD &amp; &lt;Co&gt; \uFFFD');
  });
});
