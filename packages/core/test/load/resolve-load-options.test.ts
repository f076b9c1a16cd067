import type { Platform } from '@kolmap/model';
import type { InputFormat } from '../../src/load/options.js';
import { DEFAULT_LOAD_OPTIONS, resolveLoadOptions } from '../../src/load/resolve-load-options.js';

describe('resolveLoadOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveLoadOptions()).toEqual(DEFAULT_LOAD_OPTIONS);
    expect(resolveLoadOptions({ skipLines: 2, platform: 'x' })).toMatchObject({
      skipLines: 2,
      platform: 'x',
      skipInvalid: false,
    });
  });

  it('names every bad option', () => {
    const options = {
      format: 'xlsx' as InputFormat,
      platform: 'myspace' as Platform,
      skipLines: 1.5,
    };
    expect(() => resolveLoadOptions(options)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        problems: [
          expect.objectContaining({ field: 'format' }),
          expect.objectContaining({ field: 'platform' }),
          expect.objectContaining({ field: 'skipLines' }),
        ],
      }),
    );
  });
});
