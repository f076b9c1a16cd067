// The kolmap command line: its commands, and how errors become messages and exit codes. A command's
// module (its options and action, and with them core) is loaded only when the command runs, so that
// `kolmap --help` answers at once.
import { Command, CommanderError } from 'commander';

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage. */
export const EXIT_BAD_INPUT = 2;

/** Adds a command's options and action to it. */
type DefineCommand = (command: Command) => Command;

interface CommandEntry {
  description: string;
  /** The command's arguments, e.g. `<inputs...>`. */
  arguments?: { name: string; description: string };
  /** Loads the module of the command. */
  load: () => Promise<DefineCommand>;
}

const INPUTS = { name: '<inputs...>', description: 'files or folders to read' };

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  generate: {
    description:
      'write the seeded demo dataset (a pharma scenario with planted communities and KOLs)',
    load: async () => (await import('./generate-command.js')).defineGenerate,
  },
  inspect: {
    description:
      'count accounts, posts and interactions per platform, actor type and type; validate',
    arguments: INPUTS,
    load: async () => (await import('./inspect-command.js')).defineInspect,
  },
  build: {
    description: 'build the graph of the inputs and write it as graphology JSON, GEXF or GraphML',
    arguments: INPUTS,
    load: async () => (await import('./build-command.js')).defineBuild,
  },
  communities: {
    description: "detect, label and profile the communities of the inputs' graph",
    arguments: INPUTS,
    load: async () => (await import('./communities-command.js')).defineCommunities,
  },
  analyze: {
    description:
      'compute the KOL map: communities, influence, KOL scores, roles, layout, shortlist, report',
    arguments: INPUTS,
    load: async () => (await import('./analyze-command.js')).defineAnalyze,
  },
  listen: {
    description:
      'social listening for a watch list: volume, tonality, share of voice, thematic communities, pharmacovigilance cases',
    arguments: INPUTS,
    load: async () => (await import('./listen-command.js')).defineListen,
  },
};

/** The kolmap program: every command named and described, its options added when it runs. */
export function createProgram(): Command {
  const program = new Command('kolmap')
    .description('Map key opinion leaders and influencers in social media data.')
    .showHelpAfterError()
    .exitOverride();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const command = program.command(name).description(entry.description);
    if (entry.arguments) command.argument(entry.arguments.name, entry.arguments.description);
  }
  program.hook('preSubcommand', async (_program, command) => {
    const entry = COMMANDS[command.name()];
    if (entry) (await entry.load())(command);
  });
  return program;
}

/** The flag that raises each input limit. */
const LIMIT_FLAGS = {
  maxBytes: 'max-file-bytes',
  maxLineLength: 'max-line-length',
  maxRecords: 'max-records',
} as const;

/** Runs the CLI and returns the exit code (the process is not exited here). */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

async function reportError(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  const { formatProblem, InputLimitError, InvalidInputError, UnreadableInputError } = await import(
    '@kolmap/core'
  );
  if (error instanceof InvalidInputError) {
    printProblems(error.problems.map(formatProblem));
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UnreadableInputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof InputLimitError) {
    process.stderr.write(
      `error: ${error.message}\nnothing was written. Raise the limit with --${LIMIT_FLAGS[error.limit]} if the input is right.\n`,
    );
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(
    `kolmap failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

function printProblems(problems: string[]): void {
  const shown = problems.slice(0, 20);
  for (const problem of shown) process.stderr.write(`error: ${problem}\n`);
  if (problems.length > shown.length) {
    process.stderr.write(`… and ${problems.length - shown.length} more problems\n`);
  }
  process.stderr.write(
    'nothing was written. Fix the input, or use --skip-invalid to keep the good records.\n',
  );
}
