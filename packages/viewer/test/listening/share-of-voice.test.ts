import type { ShareOfVoiceRow } from '@kolmap/model';
import { totalShareOfVoice } from '../../src/listening/share-of-voice.js';

const row = (period: string, brand: string, own: boolean, posts: number, weighted: number) =>
  ({ period, brand, own, posts, weighted, share: 0, weightedShare: 0 }) as ShareOfVoiceRow;

describe('totalShareOfVoice', () => {
  it('adds the periods up and shares the totals, by posts and KOL-weighted', () => {
    const shares = totalShareOfVoice([
      row('2024-01', 'Mammelis', true, 6, 100),
      row('2024-01', 'Oncavera', false, 2, 300),
      row('2024-02', 'Mammelis', true, 0, 0),
      row('2024-02', 'Oncavera', false, 2, 100),
    ]);
    expect(shares).toEqual([
      { brand: 'Mammelis', own: true, posts: 6, share: 0.6, weightedShare: 0.2 },
      { brand: 'Oncavera', own: false, posts: 4, share: 0.4, weightedShare: 0.8 },
    ]);
  });

  it('gives zero shares when no brand is named', () => {
    expect(totalShareOfVoice([row('2024-01', 'Mammelis', true, 0, 0)])).toEqual([
      { brand: 'Mammelis', own: true, posts: 0, share: 0, weightedShare: 0 },
    ]);
  });
});
