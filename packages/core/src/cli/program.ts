// The kolmap command line: its commands and how errors become messages and exit codes.
import { Command, CommanderError } from 'commander';
import {
  formatProblem,
  type InputProblem,
  InvalidInputError,
  UnreadableInputError,
} from '../errors.js';
import { runAnalyze } from './analyze-command.js';
import { runBuild } from './build-command.js';
import { runCommunities } from './communities-command.js';
import { runGenerate } from './generate-command.js';
import { withGraphOptions } from './graph-options.js';
import { withInputOptions } from './input-options.js';
import { runInspect } from './inspect-command.js';
import { runListen } from './listen-command.js';

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage. */
export const EXIT_BAD_INPUT = 2;

export function createProgram(): Command {
  const program = new Command('kolmap')
    .description('Map key opinion leaders and influencers in social media data.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('generate')
    .description(
      'write the seeded demo dataset (a pharma scenario with planted communities and KOLs)',
    )
    .requiredOption(
      '--out <dir>',
      'folder to write accounts.csv, follows.csv, posts.csv, ground-truth.json',
    )
    .option('--seed <n>', 'random seed', '42')
    .option('--accounts <n>', 'number of accounts (default: the demo size)')
    .option('--posts <n>', 'number of posts (default: the demo size)')
    .option('--json', 'print a machine-readable summary')
    .action(runGenerate);

  withInputOptions(
    program
      .command('inspect')
      .description(
        'count accounts, posts and interactions per platform, actor type and type; validate',
      )
      .argument('<inputs...>', 'files or folders to read'),
  )
    .option('--json', 'print the summary as JSON')
    .action(runInspect);

  withGraphOptions(
    program
      .command('build')
      .description('build the graph of the inputs and write it as graphology JSON, GEXF or GraphML')
      .argument('<inputs...>', 'files or folders to read'),
  )
    .requiredOption('--out <file>', 'output file: .json (graphology), .gexf or .graphml')
    .option('--json', 'print the summary as JSON')
    .action(runBuild);

  withGraphOptions(
    program
      .command('communities')
      .description("detect, label and profile the communities of the inputs' graph")
      .argument('<inputs...>', 'files or folders to read'),
  )
    .option('--algorithm <name>', 'leiden | louvain', 'leiden')
    .option(
      '--resolution <r>',
      'modularity resolution: above 1 gives more, smaller communities',
      '1',
    )
    .option('--seed <n>', 'random seed', '42')
    .option(
      '--ensemble <runs>',
      "run that many seeds and report how stable each account's community is",
    )
    .option(
      '--sweep <from:to:steps>',
      'print modularity and community count over a range of resolutions, e.g. 0.5:2:7',
    )
    .option(
      '--out <dir>',
      'write graph.json (with a community attribute), communities.csv, communities.json',
    )
    .option('--json', 'print the summary as JSON')
    .action(runCommunities);

  withGraphOptions(
    program
      .command('analyze')
      .description(
        'compute the KOL map: communities, influence, KOL scores, roles, layout, shortlist, report',
      )
      .argument('<inputs...>', 'files or folders to read'),
  )
    .requiredOption(
      '--out <dir>',
      'write map.json, map.gexf, map.graphml, shortlist.csv, report.md and report.html here',
    )
    .option('--algorithm <name>', 'community detection: leiden | louvain', 'leiden')
    .option('--resolution <r>', 'modularity resolution', '1')
    .option('--seed <n>', 'seed of every random step', '42')
    .option(
      '--weights <list>',
      'KOL score weights, e.g. pagerank=0.4,inStrength=0.2,reach=0.2,betweenness=0.1,followers=0.1',
    )
    .option(
      '--exclude-types <list>',
      'actor types left out of the rankings (kept in the map), e.g. pharma',
    )
    .option(
      '--low-quality <file>',
      'account keys (one per line) to discount as bots or low quality',
    )
    .option('--top <n>', 'accounts in shortlist.csv', '50')
    .option(
      '--shortlist-mode <mode>',
      'top | diverse (cover communities and platforms, little audience overlap)',
      'top',
    )
    .option('--excel', 'write shortlist.csv for Excel (BOM, semicolons, decimal commas)')
    .option('--no-layout', 'skip the ForceAtlas2 layout')
    .option('--json', 'print the summary as JSON')
    .action(runAnalyze);

  withInputOptions(
    program
      .command('listen')
      .description(
        'social listening for a watch list: volume, tonality, share of voice, thematic communities, pharmacovigilance cases',
      )
      .argument('<inputs...>', 'files or folders to read'),
  )
    .requiredOption('--watch <file>', 'watch list (YAML or JSON): products, competitors, areas')
    .requiredOption(
      '--out <dir>',
      'write series, share-of-voice, communities (CSV, JSON), pv-cases (CSV, JSON), posts.csv, listening.json',
    )
    .option('--period <period>', 'day | week | month', 'week')
    .option('--pseudonym-key <file>', 'secret pseudonyms are keyed with (privacy mode)')
    .option('--now <date>', 'date of the retention purge and of the audit trail (default: now)')
    .option('--seed <n>', 'seed of the map and of the thematic communities', '42')
    .option('--top-topics <n>', 'topics followed over time', '20')
    .option('--json', 'print the summary as JSON')
    .action(runListen);

  return program;
}

/** Runs the CLI and returns the exit code (the process is not exited here). */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  if (error instanceof InvalidInputError) {
    printProblems(error.problems);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UnreadableInputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(
    `kolmap failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

function printProblems(problems: InputProblem[]): void {
  const shown = problems.slice(0, 20);
  for (const problem of shown) process.stderr.write(`error: ${formatProblem(problem)}\n`);
  if (problems.length > shown.length) {
    process.stderr.write(`… and ${problems.length - shown.length} more problems\n`);
  }
  process.stderr.write(
    'nothing was written. Fix the input, or use --skip-invalid to keep the good records.\n',
  );
}
