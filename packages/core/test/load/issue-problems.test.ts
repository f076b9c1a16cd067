import { fieldName, issueProblems } from '../../src/load/issue-problems.js';
import { accountSchema, postSchema } from '../../src/schema/records.js';

function problemsOf(
  schema: typeof accountSchema | typeof postSchema,
  value: Record<string, unknown>,
) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return issueProblems(result.error.issues, value, { file: 'f.jsonl', line: 3 });
}

describe('issueProblems', () => {
  it('names each field, what was expected and what was found', () => {
    const problems = problemsOf(accountSchema, {
      platform: 'twitter',
      id: 'a',
      followers: -1,
      colour: 1,
    });
    expect(problems.map(({ file, line, field }) => `${file}:${line}:${field}`)).toEqual([
      'f.jsonl:3:platform',
      'f.jsonl:3:followers',
      'f.jsonl:3:colour',
    ]);
    expect(problems[0]?.message).toMatch(/^expected one of x\|linkedin\|.*, got "twitter"$/);
  });

  it('says when a field is missing, and names list items', () => {
    const problems = problemsOf(postSchema, {
      platform: 'x',
      id: 'p',
      author: 'a',
      hashtags: ['#a', 2],
    });
    expect(problems.map((problem) => problem.field)).toEqual(['createdAt', 'hashtags[1]']);
    expect(problems[0]?.message).toMatch(/^missing/);
  });
});

describe('fieldName', () => {
  it('writes paths with dots and brackets', () => {
    expect(fieldName(['attributes', 'scores', 2, 'value'])).toBe('attributes.scores[2].value');
  });
});
