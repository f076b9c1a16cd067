// `kolmap build`: load the inputs, build one graph, write it as graphology JSON, GEXF or GraphML.
import { graphFileFormatOf, writeGraphFile } from '@kolmap/core';
import type { Command } from 'commander';
import { type GraphFlags, loadGraph, withGraphOptions } from './graph-options.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

interface BuildFlags extends GraphFlags {
  out: string;
  json?: boolean;
}

/** Adds the options and the action of `kolmap build` to its command. */
export function defineBuild(command: Command): Command {
  return withGraphOptions(command)
    .requiredOption('--out <file>', 'output file: .json (graphology), .gexf or .graphml')
    .option('--json', 'print the summary as JSON')
    .action(runBuild);
}

/** Loads the inputs, builds the graph and writes it in the format the output file's name tells. */
async function runBuild(inputs: string[], flags: BuildFlags): Promise<void> {
  const format = graphFileFormatOf(flags.out);
  const progress = createProgress();
  const { dataset, graph } = await loadGraph(inputs, flags, progress);
  progress.stage(`writing ${flags.out}`);
  await writeGraphFile(graph, flags.out, format);
  if (flags.skipInvalid) {
    await writeRejectedReport(
      dataset.report.rejected,
      flags.rejected ?? `${flags.out}.rejected.csv`,
    );
  }
  progress.done();
  const summary = {
    out: flags.out,
    graph: flags.graph,
    type: graph.type,
    nodes: graph.order,
    edges: graph.size,
    rejected: dataset.report.rejected.length,
    duplicates: dataset.report.duplicates.length,
    warnings: dataset.report.warnings,
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${summary.type} ${flags.graph} graph: ${summary.nodes} nodes, ${summary.edges} edges → ${flags.out}\n`,
  );
  if (summary.rejected > 0)
    process.stdout.write(`${summary.rejected} records rejected (see the rejected report)\n`);
  for (const warning of summary.warnings) process.stdout.write(`warning: ${warning}\n`);
}
