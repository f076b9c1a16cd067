// The AHCA health-care retweet network of ../shared/data (Twitter, 2017) as kolmap inputs: the account
// names of its Python-literal match file written as accounts.csv, read with the edge list, for the
// validation test and `pnpm example:ahca`.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AbstractGraph } from 'graphology-types';
import {
  buildInteractionGraph,
  csvRow,
  InvalidInputError,
  type LoadOptions,
  loadDataset,
} from '../../packages/core/src/index.js';
import { sharedDataPath } from '../../packages/core/test/shared-data.js';
import { parsePythonLiteral } from './parse-python-literal.js';

/** The dataset's folder inside ../shared/data. */
export const AHCA_FOLDER = 'ahca_healthcare_twitter_retweet';
/** `54836 96704` (count header), then `retweeter retweeted` per line: giver → receiver, as kolmap. */
export const AHCA_EDGE_LIST = `${AHCA_FOLDER}/dataset_twitter.txt`;
/** One Python list of `(account_name, id)` tuples; names repeat (217 of them), ids do not. */
export const AHCA_MATCH_FILE = `${AHCA_FOLDER}/dataset_twitter_match.txt`;
/** How the edge list is read: its ids are X accounts, as in accounts.csv; its first line is a header. */
export const AHCA_LOAD_OPTIONS: Readonly<LoadOptions> = Object.freeze({
  platform: 'x',
  skipLines: 1,
});

/** The five accounts the dataset's README names as most retweeted (in-degree over its lines). */
export const AHCA_TOP_RETWEETED = [
  { id: '81', handle: 'joekennedy', retweets: 4152 },
  { id: '10692', handle: 'Acosta', retweets: 3111 },
  { id: '24', handle: 'SenSanders', retweets: 3001 },
  { id: '7570', handle: 'SenWarren', retweets: 2864 },
  { id: '59', handle: 'thehill', retweets: 1941 },
] as const;

export interface AhcaAccount {
  id: string;
  name: string;
}

/**
 * The accounts of the match file's text: a Python list of `(name, id)` tuples, ids whole numbers
 * ≥ 1 and unique (names may repeat).
 *
 * @throws InvalidInputError naming the file and the first bad entry.
 */
export function parseAhcaAccounts(text: string, file?: string): AhcaAccount[] {
  const literal = parsePythonLiteral(text, file);
  const bad = (message: string): never => {
    throw new InvalidInputError({ ...(file !== undefined && { file }), message });
  };
  if (!Array.isArray(literal)) return bad('expected a list of (name, id) tuples');
  const seen = new Set<number>();
  return literal.map((entry, index) => {
    const [name, id] = Array.isArray(entry) ? entry : [];
    if (!Array.isArray(entry) || entry.length !== 2 || typeof name !== 'string') {
      return bad(`entry ${index + 1}: expected a (name, id) tuple`);
    }
    if (typeof id !== 'number' || id < 1) return bad(`entry ${index + 1}: expected an id ≥ 1`);
    if (seen.has(id)) return bad(`entry ${index + 1}: id ${id} given twice`);
    seen.add(id);
    return { id: String(id), name };
  });
}

/**
 * Writes `accounts.csv` (platform `x`, id, handle = the match file's name) into `folder` and returns
 * the inputs to load with {@link AHCA_LOAD_OPTIONS}: that file and the edge list.
 */
export async function writeAhcaInputs(folder: string): Promise<string[]> {
  const matchFile = sharedDataPath(AHCA_MATCH_FILE);
  const accounts = parseAhcaAccounts(await readFile(matchFile, 'utf8'), matchFile);
  const accountsFile = join(folder, 'accounts.csv');
  await writeFile(
    accountsFile,
    csvRow(['platform', 'id', 'handle']) +
      accounts.map((account) => csvRow(['x', account.id, account.name])).join(''),
  );
  return [accountsFile, sharedDataPath(AHCA_EDGE_LIST)];
}

/** Loads the inputs {@link writeAhcaInputs} wrote and builds the interaction graph (defaults). */
export async function loadAhcaGraph(inputs: string[]): Promise<AbstractGraph> {
  return buildInteractionGraph(await loadDataset(inputs, AHCA_LOAD_OPTIONS));
}
