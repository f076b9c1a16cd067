// The report of records rejected under --skip-invalid: one CSV row per problem.
import { csvRow, type InputProblem, writeFileAtomic } from '@kolmap/core';

/** Writes the problems to `file` (atomically), row by row. */
export async function writeRejectedReport(problems: InputProblem[], file: string): Promise<void> {
  function* rows(): Generator<string> {
    yield csvRow(['file', 'line', 'field', 'problem']);
    for (const problem of problems) {
      yield csvRow([problem.file, problem.line, problem.field, problem.message]);
    }
  }
  await writeFileAtomic(file, rows());
}
