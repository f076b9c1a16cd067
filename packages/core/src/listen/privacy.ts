// Privacy mode of marketing outputs: accounts below a follower threshold that are not public figures or
// organisations are shown under a pseudonym. Pseudonyms are keyed hashes (HMAC-SHA-256) of the account
// key: the same account always gets the same pseudonym under the same key, and only someone holding
// the key (an admin) can tell which account it stands for (`revealPseudonym`). This is
// pseudonymisation in the sense of GDPR art. 4(5): the key is the "additional information" kept apart.
import { createHmac } from 'node:crypto';
import type { ActorType } from '@kolmap/model';
import { InvalidInputError } from '../errors.js';
import { DEFAULT_PRIVACY_OPTIONS, type PrivacyDefaults } from './compliance.js';

/** Prefix of every pseudonym: `anon-5f1c0a9e2b7d4c36`. */
export const PSEUDONYM_PREFIX = 'anon-';
const PSEUDONYM_HEX_DIGITS = 16;
/** Shortest pseudonym key accepted: 16 bytes (128 bits) of secret. */
const MIN_KEY_LENGTH = 16;

export interface PrivacyOptions extends PrivacyDefaults {
  /** The secret pseudonyms are keyed with; at least 16 characters. Keep it where only admins read. */
  key: string;
}

/** What privacy needs to know of an account. */
export interface PrivacyAccount {
  key: string;
  platform: string;
  handle?: string | undefined;
  actorType?: ActorType | undefined;
  followers?: number | undefined;
}

/** The accounts to hide and how to write them. */
export interface Pseudonyms {
  /** The pseudonym of a private account, else the key itself. */
  of: (key: string) => string;
  isPrivate: (key: string) => boolean;
  /** `text` of a post on `platform` with the @handles of private accounts replaced by their pseudonyms. */
  maskText: (text: string, platform: string) => string;
  /** Accounts pseudonymised. */
  count: number;
}

/**
 * Whether an account is private: fewer followers than `followerThreshold` (unknown counts as fewer) and
 * an actor type that is not among `publicActorTypes` (unknown counts as not public).
 */
export function isPrivateAccount(
  account: Pick<PrivacyAccount, 'actorType' | 'followers'>,
  options: PrivacyDefaults = DEFAULT_PRIVACY_OPTIONS,
): boolean {
  if (account.actorType !== undefined && options.publicActorTypes.includes(account.actorType)) {
    return false;
  }
  return !(account.followers !== undefined && account.followers >= options.followerThreshold);
}

/** The pseudonym of an account key under `key`: `anon-` and 16 hex digits of HMAC-SHA-256. */
export function pseudonymOf(accountKey: string, key: string): string {
  checkKey(key);
  const digest = createHmac('sha256', key).update(accountKey, 'utf8').digest('hex');
  return `${PSEUDONYM_PREFIX}${digest.slice(0, PSEUDONYM_HEX_DIGITS)}`;
}

/**
 * The pseudonyms of the private accounts among `accounts` (see isPrivateAccount).
 *
 * @param options.followerThreshold default 5000.
 * @param options.publicActorTypes default PUBLIC_ACTOR_TYPES (public figures, journalists, media,
 *   institutions, pharma, patient organisations).
 * @param options.key the secret, required.
 * @throws InvalidInputError (field `key`) when the key is shorter than 16 characters.
 */
export function buildPseudonyms(
  accounts: Iterable<PrivacyAccount>,
  options: Partial<PrivacyDefaults> & { key: string },
): Pseudonyms {
  const resolved: PrivacyOptions = { ...DEFAULT_PRIVACY_OPTIONS, ...options };
  checkKey(resolved.key);
  const byKey = new Map<string, string>();
  const byHandle = new Map<string, string>();
  for (const account of accounts) {
    if (!isPrivateAccount(account, resolved)) continue;
    const pseudonym = pseudonymOf(account.key, resolved.key);
    byKey.set(account.key, pseudonym);
    if (account.handle) {
      byHandle.set(
        `${account.platform}:${account.handle.replace(/^@/, '').toLowerCase()}`,
        pseudonym,
      );
    }
  }
  return {
    of: (key) => byKey.get(key) ?? key,
    isPrivate: (key) => byKey.has(key),
    maskText: (text, platform) =>
      byHandle.size === 0 || !text.includes('@')
        ? text
        : text.replace(/@([\p{L}\p{N}_.-]+)/gu, (mention, handle: string) => {
            const pseudonym = byHandle.get(`${platform}:${handle.toLowerCase()}`);
            return pseudonym === undefined ? mention : `@${pseudonym}`;
          }),
    count: byKey.size,
  };
}

/**
 * The account a pseudonym stands for, found by keying every candidate account key again: only whoever
 * holds the key can do it. null when no candidate matches.
 */
export function revealPseudonym(
  pseudonym: string,
  accountKeys: Iterable<string>,
  key: string,
): string | null {
  for (const accountKey of accountKeys) {
    if (pseudonymOf(accountKey, key) === pseudonym) return accountKey;
  }
  return null;
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length < MIN_KEY_LENGTH) {
    throw new InvalidInputError({
      field: 'key',
      message: `the pseudonym key must have at least ${MIN_KEY_LENGTH} characters`,
    });
  }
}
