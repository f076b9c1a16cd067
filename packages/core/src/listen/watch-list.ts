// The watch list of a map: the products and competitors to listen for (brand, molecules, spelling
// variants), the therapeutic areas with their seed hashtags and keywords, the languages, and the
// compliance rules. Written as YAML or JSON, checked by zod; errors name the file, line and field.
import { readFile } from 'node:fs/promises';
import { foldText } from '@kolmap/model';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { type InputProblem, InvalidInputError, UnreadableInputError } from '../errors.js';
import { issueProblems } from '../load/issue-problems.js';
import { complianceSchema } from './compliance.js';

const text = z.string().trim().min(1);
const terms = z.array(text);

const brandSchema = z.strictObject({
  /** The brand as people write it: "Clotavane". */
  name: text,
  /** International non-proprietary names (INN) of its molecules: "selixaban". */
  molecules: terms.optional(),
  /** Other spellings: misspellings, abbreviations, the brand without its suffix. */
  variants: terms.optional(),
  company: text.optional(),
  /** Name of one of the watch list's therapeutic areas. */
  therapeuticArea: text.optional(),
});

const areaSchema = z.strictObject({
  name: text,
  /** Seed hashtags, with or without '#'. */
  hashtags: terms.optional(),
  /** Words and phrases of the area ("thrombectomie", "accident vasculaire cérébral"). */
  keywords: terms.optional(),
});

export const watchListSchema = z
  .strictObject({
    name: text.optional(),
    /** Languages listened to (ISO 639-1); tonality and pharmacovigilance read French and English. */
    languages: z.array(text).min(1).optional(),
    /** The laboratory's own products. */
    products: z.array(brandSchema).min(1),
    competitors: z.array(brandSchema).optional(),
    therapeuticAreas: z.array(areaSchema).optional(),
    compliance: complianceSchema.optional(),
  })
  .superRefine((watch, context) => {
    const seen = new Map<string, string>();
    const brands = [
      ...watch.products.map((brand, i) => ({ brand, path: ['products', i, 'name'] })),
      ...(watch.competitors ?? []).map((brand, i) => ({
        brand,
        path: ['competitors', i, 'name'],
      })),
    ];
    const areas = new Set((watch.therapeuticAreas ?? []).map((area) => foldText(area.name)));
    for (const { brand, path } of brands) {
      const key = foldText(brand.name);
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path,
          message: `"${brand.name}" is listed twice (also at ${seen.get(key)})`,
        });
      }
      seen.set(key, path.slice(0, 2).join('.'));
      if (brand.therapeuticArea !== undefined && !areas.has(foldText(brand.therapeuticArea))) {
        context.addIssue({
          code: 'custom',
          path: [...path.slice(0, 2), 'therapeuticArea'],
          message: `"${brand.therapeuticArea}" is not one of therapeuticAreas`,
        });
      }
    }
  });
/** A watch list as written (see `watchListSchema`). */
export type WatchList = z.infer<typeof watchListSchema>;
export type WatchedBrand = z.infer<typeof brandSchema>;
export type WatchedArea = z.infer<typeof areaSchema>;

/**
 * Reads a watch list from YAML or JSON text (JSON is read as the YAML it also is) and checks it.
 *
 * @param source - the text.
 * @param file - the file name shown in errors.
 * @throws InvalidInputError with one problem per syntax error or bad field, each with its file,
 *   line and field path (`products[0].molecules[1]`).
 */
export function parseWatchList(source: string, file = 'watch list'): WatchList {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new InvalidInputError(
      document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    );
  }
  const input: unknown = document.toJS();
  const result = watchListSchema.safeParse(input);
  if (result.success) return result.data;
  const problems: InputProblem[] = result.error.issues.flatMap((issue) => {
    const line = lineOf(document, lineCounter, issue.path);
    return issueProblems([issue], input, line === undefined ? { file } : { file, line });
  });
  throw new InvalidInputError(problems);
}

/**
 * Reads and checks a watch list file (`.yaml`, `.yml` or `.json`).
 *
 * @throws UnreadableInputError when the file cannot be read; InvalidInputError as `parseWatchList`.
 */
export async function readWatchList(file: string): Promise<WatchList> {
  const source = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new UnreadableInputError(file, 'cannot read this watch list', { cause: error });
  });
  return parseWatchList(source, file);
}

/** 1-based line of the value at `path`, or of the nearest enclosing value the document has. */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((key) => (typeof key === 'symbol' ? String(key) : key));
    const node = depth === 0 ? document.contents : document.getIn(keys, true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return lineCounter.linePos(node.range[0] as number).line;
    }
  }
  return undefined;
}
