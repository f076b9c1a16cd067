import { z } from 'zod';
const t = z.enum(['a','b']);
const s = z.strictObject({ w: z.partialRecord(t, z.number().nonnegative()).optional(), types: z.array(t).readonly().optional(), since: z.union([z.string(), z.date()]).optional(), until: z.string().optional() })
  .refine((o) => !(o.since && o.until) || o.until > o.since, { path: ['until'], message: 'until must be after since' });
for (const v of [{w:{c:1}}, {w:{a:-1}}, {types:['c']}, {foo:1}, {since:'b', until:'a'}, {since: new Date(), until: 'x', types:['z']}])
  console.log(JSON.stringify(s.safeParse(v).error?.issues));
type I = z.input<typeof s>; const x: I = { types: Object.freeze(['a'] as const) }; console.log(x);
