import { InvalidInputError } from '../../src/errors.js';
import {
  buildPseudonyms,
  isPrivateAccount,
  PSEUDONYM_PREFIX,
  pseudonymOf,
  revealPseudonym,
} from '../../src/listen/privacy.js';

const KEY = 'a-secret-of-32-characters-at-least';
const ACCOUNTS = [
  {
    key: 'x:1',
    platform: 'x',
    handle: 'marie_patient',
    actorType: 'patient' as const,
    followers: 120,
  },
  { key: 'x:2', platform: 'x', handle: 'DrBig', actorType: 'hcp' as const, followers: 48_000 },
  { key: 'x:3', platform: 'x', handle: 'SmallPaper', actorType: 'media' as const, followers: 300 },
  { key: 'x:4', platform: 'x', handle: 'nobody_knows' },
];

describe('privacy mode', () => {
  it('hides small accounts that are neither public figures nor organisations', () => {
    expect(ACCOUNTS.map((account) => isPrivateAccount(account))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(
      isPrivateAccount(ACCOUNTS[0] ?? {}, { followerThreshold: 100, publicActorTypes: [] }),
    ).toBe(false);
  });

  it('gives stable pseudonyms that only the key holder can reveal (round trip)', () => {
    const pseudonyms = buildPseudonyms(ACCOUNTS, { key: KEY });
    const hidden = pseudonyms.of('x:1');
    expect(hidden).toMatch(new RegExp(`^${PSEUDONYM_PREFIX}[0-9a-f]{16}$`));
    expect(buildPseudonyms(ACCOUNTS, { key: KEY }).of('x:1')).toBe(hidden);
    expect(pseudonymOf('x:1', KEY)).toBe(hidden);
    const keys = ACCOUNTS.map((account) => account.key);
    expect(revealPseudonym(hidden, keys, KEY)).toBe('x:1');
    expect(revealPseudonym(hidden, keys, `${KEY}-other`)).toBeNull();
    expect(pseudonymOf('x:1', `${KEY}-other`)).not.toBe(hidden);
    expect(pseudonyms.of('x:2')).toBe('x:2');
    expect(pseudonyms.count).toBe(2);
  });

  it('replaces the @handles of private accounts in post text, on their platform only', () => {
    const pseudonyms = buildPseudonyms(ACCOUNTS, { key: KEY });
    expect(pseudonyms.maskText('Thanks @Marie_Patient and @DrBig!', 'x')).toBe(
      `Thanks @${pseudonyms.of('x:1')} and @DrBig!`,
    );
    expect(pseudonyms.maskText('Thanks @marie_patient', 'instagram')).toBe('Thanks @marie_patient');
  });

  it('refuses a short key', () => {
    expect(() => buildPseudonyms(ACCOUNTS, { key: 'short' })).toThrow(InvalidInputError);
  });
});
