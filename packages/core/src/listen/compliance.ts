// What marketing outputs of listening must respect: the privacy mode (pseudonymised small accounts),
// the do-not-contact list and how long raw posts are kept per platform. Part of a map's watch list.

import { type ActorType, actorTypeSchema, PLATFORMS, type Platform } from '@kolmap/model';
import { z } from 'zod';

/** Actor types that speak publicly by trade: never pseudonymised, whatever their audience. */
export const PUBLIC_ACTOR_TYPES: readonly ActorType[] = Object.freeze([
  'public_figure',
  'journalist',
  'media',
  'institution',
  'pharma',
  'patient_org',
]);

export interface PrivacyDefaults {
  followerThreshold: number;
  publicActorTypes: readonly ActorType[];
}

export const DEFAULT_PRIVACY_OPTIONS: Readonly<PrivacyDefaults> = Object.freeze({
  followerThreshold: 5000,
  publicActorTypes: PUBLIC_ACTOR_TYPES,
});

const text = z.string().trim().min(1);
const days = z.number().int().positive();

export const complianceSchema = z.strictObject({
  /** Present: privacy mode is on. */
  privacy: z
    .strictObject({
      followerThreshold: z.number().int().nonnegative().optional(),
      publicActorTypes: z.array(actorTypeSchema).optional(),
    })
    .optional(),
  /** Account keys (`x:x123`) or handles (`@name`) that no shortlist may list. */
  doNotContact: z.array(text).optional(),
  /** Days raw posts are kept, per platform; `default` for the platforms not named. */
  retentionDays: z.partialRecord(z.enum([...PLATFORMS, 'default']), days).optional(),
});
/** The compliance section of a watch list, as written. */
export type Compliance = z.infer<typeof complianceSchema>;

/** Retention limits in days, per platform; `default` for the others. Unlimited when absent. */
export type RetentionDays = Partial<Record<Platform | 'default', number>>;
