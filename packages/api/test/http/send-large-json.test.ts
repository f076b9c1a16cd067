import { jsonPieces } from '../../src/http/send-large-json.js';

describe('jsonPieces', () => {
  it('writes what JSON.stringify writes, long arrays a slice at a time', () => {
    const long = Array.from({ length: 45_001 }, (_, index) => (index % 7 === 0 ? null : index / 3));
    const value = {
      map: { id: 'm', name: 'Ä "quoted" map', skipped: undefined },
      graph: {
        empty: {},
        nested: [{ a: 1, b: [1, 2] }, 'text', true, null],
        accounts: { keys: long.map((_, index) => `x:${index}`), x: long },
        links: { source: [], target: [0], weight: long },
      },
    };
    const pieces = [...jsonPieces(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value));
    // No piece holds a whole long array.
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(
      JSON.stringify(long).length / 2,
    );
  });

  it('writes scalars and short arrays whole', () => {
    for (const value of [null, 0, -1.5, 'a', [1, 2, 3], []]) {
      expect([...jsonPieces(value)]).toEqual([JSON.stringify(value)]);
    }
  });
});
