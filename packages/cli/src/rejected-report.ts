// The report of records rejected under --skip-invalid: one CSV row per problem.
import { csvRow, type InputProblem, writeFileAtomic } from '@kolmap/core';

export async function writeRejectedReport(problems: InputProblem[], file: string): Promise<void> {
  const rows = problems.map((problem) =>
    csvRow([problem.file, problem.line, problem.field, problem.message]),
  );
  await writeFileAtomic(file, [csvRow(['file', 'line', 'field', 'problem']), ...rows].join(''));
}
