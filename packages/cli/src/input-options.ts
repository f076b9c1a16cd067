// Options shared by every command that reads data: format, direction, validation, filters.

import {
  DEFAULT_INPUT_LIMITS,
  INPUT_FORMATS,
  INTERACTION_TYPES,
  type InteractionType,
  InvalidInputError,
  type LoadOptions,
  PLATFORMS,
  type Platform,
} from '@kolmap/core';
import { type Command, Option } from 'commander';

export interface InputFlags {
  format?: string;
  undirected?: boolean;
  skipInvalid?: boolean;
  rejected?: string;
  asPlatform?: string;
  skipLines?: string;
  platforms?: string;
  since?: string;
  until?: string;
  types?: string;
  maxRecords?: string;
  maxLineLength?: string;
  maxFileBytes?: string;
}

/** Filters the graph builders apply, read from the command line. */
export interface InputFilters {
  platforms?: Platform[];
  since?: string;
  until?: string;
  types?: InteractionType[];
}

/** Adds the shared input options to a command. */
export function withInputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'input format when the extension does not tell').choices(
        INPUT_FORMATS,
      ),
    )
    .option('--undirected', 'treat links as having no direction')
    .option(
      '--skip-invalid',
      'keep the good records and report the rejected ones instead of failing',
    )
    .option(
      '--rejected <file>',
      'with --skip-invalid: write the rejected records report (CSV) here',
    )
    .addOption(
      new Option(
        '--as-platform <platform>',
        'platform of records that name none (edge lists, GML…)',
      ).choices(PLATFORMS),
    )
    .option(
      '--skip-lines <n>',
      'lines to skip at the top of edge lists (e.g. 1 for a "nodes edges" header)',
    )
    .option(
      '--platforms <list>',
      `keep only these platforms (comma-separated: ${PLATFORMS.join(',')})`,
    )
    .option('--since <date>', 'keep interactions on or after this date (ISO 8601)')
    .option('--until <date>', 'keep interactions on or before this date (ISO 8601)')
    .option(
      '--types <list>',
      `keep only these interaction types (comma-separated: ${INTERACTION_TYPES.join(',')})`,
    )
    .option(
      '--max-records <n>',
      `stop a load of more records than this (default ${DEFAULT_INPUT_LIMITS.maxRecords})`,
    )
    .option(
      '--max-line-length <n>',
      `stop at a line longer than this many characters (default ${DEFAULT_INPUT_LIMITS.maxLineLength})`,
    )
    .option(
      '--max-file-bytes <n>',
      `stop at a file larger than this once decompressed (default ${DEFAULT_INPUT_LIMITS.maxBytes})`,
    );
}

/** The loader options named by the flags. */
export function toLoadOptions(flags: InputFlags): LoadOptions {
  const options: LoadOptions = {};
  if (flags.format) options.format = flags.format as LoadOptions['format'];
  if (flags.undirected) options.undirected = true;
  if (flags.skipInvalid) options.skipInvalid = true;
  if (flags.asPlatform) options.platform = flags.asPlatform as Platform;
  if (flags.skipLines !== undefined) options.skipLines = toCount(flags.skipLines, 'skip-lines');
  const limits = {
    ...(flags.maxRecords !== undefined && { maxRecords: toCount(flags.maxRecords, 'max-records') }),
    ...(flags.maxLineLength !== undefined && {
      maxLineLength: toCount(flags.maxLineLength, 'max-line-length'),
    }),
    ...(flags.maxFileBytes !== undefined && {
      maxBytes: toCount(flags.maxFileBytes, 'max-file-bytes'),
    }),
  };
  if (Object.keys(limits).length > 0) options.limits = limits;
  return options;
}

/** The builder filters named by the flags, checked against the vocabularies. */
export function toFilters(flags: InputFlags): InputFilters {
  const filters: InputFilters = {};
  if (flags.platforms) filters.platforms = toList(flags.platforms, PLATFORMS, 'platforms');
  if (flags.types) filters.types = toList(flags.types, INTERACTION_TYPES, 'types');
  if (flags.since) filters.since = flags.since;
  if (flags.until) filters.until = flags.until;
  return filters;
}

export function toCount(value: string, field: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new InvalidInputError({ field, message: `expected a whole number ≥ 0, got "${value}"` });
  }
  return number;
}

function toList<T extends string>(value: string, allowed: readonly T[], field: string): T[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) {
    throw new InvalidInputError({
      field,
      message: `unknown value ${unknown.map((item) => `"${item}"`).join(', ')}; expected some of ${allowed.join(', ')}`,
    });
  }
  return items as T[];
}
