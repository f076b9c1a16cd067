// Loaders of GEXF (Gephi) and GraphML files, parsed by graphology-gexf and graphology-graphml.
// Nodes become accounts (account fields taken from matching attributes), edges become interactions.

import { INTERACTION_TYPES, type Platform } from '@kolmap/model';
import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { type InputLocation, type InputProblem, InvalidInputError } from '../errors.js';
import { type Account, accountSchema, interactionSchema } from '../schema/records.js';
import type { DatasetCollector } from './dataset.js';
import { issueProblems } from './issue-problems.js';
import type { LoadOptions } from './options.js';
import { throttled } from './read-line-batches.js';
import { readText } from './read-text-chunks.js';
import { RecordSink } from './record-sink.js';
import { type ResolvedLoadOptions, resolveLoadOptions } from './resolve-load-options.js';

/** The part of xmldom's element used here (xmldom adds `lineNumber` to each node). */
interface XmlElement {
  getAttribute(name: string): string | null;
  lineNumber?: number;
}

type GraphParser = (
  graph: typeof MultiGraph,
  source: Document,
  options: { addMissingNodes: boolean; allowUndeclaredAttributes?: boolean },
) => AbstractGraph;

/**
 * Loads a GEXF file (`.gexf` or `.gexf.gz`, as Gephi writes it). See {@link loadGraphml} for
 * how nodes and edges are read; GEXF attribute titles are the attribute names.
 *
 * @param options.platform - platform of accounts whose node has no `platform` attribute.
 *   Default `collector.defaultPlatform`.
 * @param options.skipInvalid - report bad nodes and edges in `report.rejected` and go on.
 *   Default false: the load fails with every bad record found (up to 50).
 * @param options.undirected - make the dataset undirected whatever the file says. Default false.
 * @param options.onProgress - called as the file is read (about every MB). Default: none.
 * @throws InvalidInputError whose problems name the file (and line or field when known).
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadGexf(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const parse: GraphParser = (graphClass, source, parseOptions) =>
    parseGexf(graphClass, source, { ...parseOptions, allowUndeclaredAttributes: true });
  await loadXmlGraph(file, collector, options, parse);
}

/**
 * Loads a GraphML file (`.graphml` or `.graphml.gz`).
 *
 * XML graph files are parsed whole (the file is read into one string): the accepted exception to
 * kolmap's streaming loaders, since both parsers need the complete document.
 *
 * Each node becomes an account. Its id is the node's `id` attribute when it has one, else the
 * node's XML id; its name is the `name` attribute, else `label`. Attributes named like account
 * fields (`platform`, `handle`, `actorType`, `followers`, `verified`, `therapeuticAreas`…) fill
 * those fields and are validated; all other attributes are kept as the account's `attributes`.
 * Each edge becomes an interaction from its source to its target, with the `weight` attribute as
 * weight when it is a positive number (else 1) and the `type` attribute as type when it is an
 * interaction type. An undirected graph makes the dataset undirected; in a mixed graph,
 * undirected edges are read from source to target (and a warning says so).
 *
 * Malformed XML, a node id declared twice and a file without a graph fail the load with an
 * InvalidInputError naming the file (and the line when the XML parser gives one). A node whose
 * account fields do not validate, and an edge whose end is not a declared (or accepted) node, or
 * that joins two platforms, are bad records.
 *
 * @param options.platform - platform of accounts whose node has no `platform` attribute.
 *   Default `collector.defaultPlatform`.
 * @param options.skipInvalid - report bad nodes and edges in `report.rejected` and go on.
 *   Default false: the load fails with every bad record found (up to 50).
 * @param options.undirected - make the dataset undirected whatever the file says. Default false.
 * @param options.onProgress - called as the file is read (about every MB). Default: none.
 * @throws InvalidInputError whose problems name the file (and line or field when known).
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadGraphml(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  await loadXmlGraph(file, collector, options, parseGraphml);
}

async function loadXmlGraph(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions,
  parse: GraphParser,
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const sink = new RecordSink(collector, resolved);
  // Read whole: both parsers need the complete document (the exception to streaming loaders).
  const text = await readText(
    file,
    resolved.onProgress && throttled(resolved.onProgress),
    resolved.limits.maxBytes,
  );
  const document = parseXml(file, text);
  const nodeLines = declaredNodes(file, document);
  let graph: AbstractGraph;
  try {
    graph = parse(MultiGraph, document, { addMissingNodes: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError({
      file,
      message: message.replace(/^graphology-\w+\/parser: /, ''),
    });
  }
  const accounts = addAccounts(graph, nodeLines, file, sink, resolved);
  addInteractions(graph, accounts, file, sink, resolved);
  if (graph.type === 'undirected' || resolved.undirected) collector.directed = false;
  sink.finish();
}

/**
 * Parses XML with xmldom (the DOM graphology's parsers are built on), turning xmldom's warnings
 * and errors, which it would only log, into an InvalidInputError.
 */
function parseXml(file: string, text: string): Document {
  const locator: { lineNumber?: number } = {};
  const problems: InputProblem[] = [];
  const report = (message: string) => {
    const clean = message.replace(/^\[xmldom \w+\]\t/, '').replace(/\n@[\s\S]*$/, '');
    const line = locator.lineNumber ? locator.lineNumber : undefined;
    problems.push({ file, line, message: `XML: ${clean.trim()}` });
  };
  const parser = new DOMParser({
    locator,
    errorHandler: { warning: report, error: report, fatalError: report },
  });
  const document = parser.parseFromString(text, 'application/xml');
  // xmldom goes on after an error, and what follows is mostly its echo: the first one is kept.
  if (problems[0]) throw new InvalidInputError(problems[0]);
  if (document.getElementsByTagName('graph').length === 0) {
    throw new InvalidInputError({ file, message: 'no <graph> element in the file' });
  }
  return document;
}

/** Line of each `<node>` by id; a node id given twice is an error. */
function declaredNodes(file: string, document: Document): Map<string, number | undefined> {
  const lines = new Map<string, number | undefined>();
  const elements = document.getElementsByTagName('node');
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index] as XmlElement;
    // xmldom gives '' for a missing attribute.
    const id = element.getAttribute('id') ?? '';
    const line = element.lineNumber;
    if (id === '') {
      throw new InvalidInputError({ file, line, field: 'id', message: 'node without id' });
    }
    if (lines.has(id)) {
      throw new InvalidInputError({
        file,
        line,
        field: 'id',
        message: `node id "${id}" is declared twice`,
      });
    }
    lines.set(id, line);
  }
  return lines;
}

const ACCOUNT_FIELDS = new Set<string>(
  Object.keys(accountSchema.shape).filter((field) => field !== 'kind'),
);

/** Adds the declared nodes as accounts; returns the accepted ones by node key. */
function addAccounts(
  graph: AbstractGraph,
  nodeLines: Map<string, number | undefined>,
  file: string,
  sink: RecordSink,
  options: ResolvedLoadOptions,
): Map<string, Account> {
  const platform = options.platform ?? sink.collector.defaultPlatform;
  const accepted = new Map<string, Account>();
  graph.forEachNode((key, attributes) => {
    if (!nodeLines.has(key)) return;
    const at: InputLocation = { file, line: nodeLines.get(key) };
    const { fields, rest } = splitAccountFields(key, attributes, platform);
    const parsed = accountSchema.safeParse(fields);
    if (!parsed.success) {
      sink.reject(issueProblems(parsed.error.issues, fields, at));
      return;
    }
    accepted.set(key, parsed.data);
    sink.collector.addAccount(parsed.data, at, Object.keys(rest).length > 0 ? rest : undefined);
  });
  return accepted;
}

/** Separates attributes that are account fields from the others; `label` names an unnamed node. */
function splitAccountFields(
  key: string,
  attributes: Attributes,
  platform: Platform,
): { fields: Record<string, unknown>; rest: Attributes } {
  const fields: Record<string, unknown> = { platform, id: key };
  const rest: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (ACCOUNT_FIELDS.has(name))
      fields[name] = name === 'therapeuticAreas' ? toList(value) : value;
    else rest[name] = value;
  }
  const { label } = rest;
  if (fields.name === undefined && (typeof label === 'string' || typeof label === 'number')) {
    fields.name = String(label);
    delete rest.label;
  }
  return { fields, rest };
}

/** A list written as a JSON array string (as kolmap's exports write lists) becomes the array. */
function toList(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trimStart().startsWith('[')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function addInteractions(
  graph: AbstractGraph,
  accounts: Map<string, Account>,
  file: string,
  sink: RecordSink,
  options: ResolvedLoadOptions,
): void {
  let undirectedInMixed = 0;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    const at: InputLocation = { file };
    const problem = endpointProblem(accounts, source, target);
    if (problem) {
      sink.reject([{ ...at, ...problem, message: `edge ${edge}: ${problem.message}` }]);
      return;
    }
    const from = accounts.get(source) as Account;
    const to = accounts.get(target) as Account;
    const fields = {
      platform: from.platform,
      source: from.id,
      target: to.id,
      ...interactionFields(attributes),
    };
    const parsed = interactionSchema.safeParse(fields);
    if (!parsed.success) {
      sink.reject(issueProblems(parsed.error.issues, fields, at));
      return;
    }
    if (undirected && graph.type === 'mixed') undirectedInMixed++;
    sink.collector.addInteraction(parsed.data, at);
  });
  if (undirectedInMixed > 0 && !options.undirected) {
    sink.collector.report.warnings.push(
      `${file}: ${undirectedInMixed} undirected edges of a mixed graph are read from source to target`,
    );
  }
}

function endpointProblem(
  accounts: Map<string, Account>,
  source: string,
  target: string,
): { field: 'source' | 'target'; message: string } | undefined {
  for (const [field, key] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (!accounts.has(key)) {
      return { field, message: `${field} "${key}" is not a declared (or accepted) node` };
    }
  }
  const from = accounts.get(source)?.platform;
  const to = accounts.get(target)?.platform;
  if (from !== to) {
    return { field: 'target', message: `joins accounts on two platforms (${from}, ${to})` };
  }
  return undefined;
}

/** `weight` when a positive number, `type` when an interaction type; other attributes are dropped. */
function interactionFields(attributes: Attributes): { weight?: number; type?: string } {
  const { weight, type } = attributes;
  return {
    ...(typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? { weight } : {}),
    ...((INTERACTION_TYPES as readonly unknown[]).includes(type) ? { type } : {}),
  };
}
