// zod schemas of the four input records (account, follow, post, interaction).
// Each schema is also the TypeScript type of the record (z.infer); loaders validate every record.

import { actorTypeSchema, interactionTypeSchema, platformSchema } from '@kolmap/model';
import { z } from 'zod';
import { dateSchema } from './dates.js';

const id = z
  .union([z.string(), z.number().int()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'must not be empty'));

const optionalText = z.string().optional();
const count = z.number().int().nonnegative().optional();
const stringList = z.array(z.string()).optional();

export const accountSchema = z.strictObject({
  kind: z.literal('account').optional(),
  platform: platformSchema,
  id,
  handle: optionalText,
  name: optionalText,
  actorId: optionalText,
  actorType: actorTypeSchema.optional(),
  bio: optionalText,
  followers: count,
  following: count,
  verified: z.boolean().optional(),
  language: optionalText,
  country: optionalText,
  specialty: optionalText,
  therapeuticAreas: stringList,
  url: optionalText,
});
export type Account = z.infer<typeof accountSchema>;

export const followSchema = z.strictObject({
  kind: z.literal('follow').optional(),
  platform: platformSchema,
  source: id,
  target: id,
  since: dateSchema.optional(),
});
export type Follow = z.infer<typeof followSchema>;

export const postSchema = z.strictObject({
  kind: z.literal('post').optional(),
  id,
  platform: platformSchema,
  author: id,
  createdAt: dateSchema,
  text: optionalText,
  language: optionalText,
  hashtags: stringList,
  /** Account ids or handles (with or without "@") on the post's platform. */
  mentions: stringList,
  /** Ids of the posts this one replies to, reposts, quotes or comments on. */
  replyTo: optionalText,
  repostOf: optionalText,
  quoteOf: optionalText,
  commentOn: optionalText,
  likes: count,
  shares: count,
  comments: count,
  views: count,
});
export type Post = z.infer<typeof postSchema>;

export const interactionSchema = z.strictObject({
  kind: z.literal('interaction').optional(),
  platform: platformSchema.optional(),
  source: id,
  target: id,
  /** Omitted for plain edge lists: the edge then only adds to the weight. */
  type: interactionTypeSchema.optional(),
  timestamp: dateSchema.optional(),
  weight: z.number().finite().positive().optional(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const recordSchemas = {
  account: accountSchema,
  follow: followSchema,
  post: postSchema,
  interaction: interactionSchema,
} as const;
