// The wire shapes of the pharmacovigilance review queue: a case with its audit trail and the changes
// a reviewer may make next, and a page of cases.
import { z } from 'zod';
import { PV_AUDIT_ACTIONS, PV_REVIEW_STATUSES } from './pv-review.js';

/** One line of a case's audit trail. */
export const pvAuditEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(PV_AUDIT_ACTIONS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});
export type PvAuditEntryView = z.infer<typeof pvAuditEntrySchema>;

/** A post that may report an adverse event or a quality complaint, and its review. */
export const pvCaseSchema = z
  .object({
    /** The flagged post's key. */
    id: z.string(),
    flag: z.object({
      post: z.string(),
      postId: z.string(),
      platform: z.string(),
      /** The author's account key: the reporter. */
      author: z.string(),
      createdAt: z.string(),
      language: z.string().nullable(),
      text: z.string(),
      kinds: z.array(z.string()),
      /** Why the post was flagged: who reports, which patient, products and event terms, its triage score. */
      criteria: z.object({
        reporter: z.string(),
        patient: z.enum(['named', 'author']),
        patientWords: z.array(z.string()),
        products: z.array(z.string()),
        events: z.array(z.string()),
        /** The system organ class of each event (cases flagged before classes were recorded have none). */
        eventClasses: z.array(z.string()).optional(),
        /** What makes the case less likely: a brand spelt unlike the watch list, news words… */
        doubts: z.array(z.string()).optional(),
        /** How likely a reportable case, 0…1: the review queue's order (highest first). */
        score: z.number().min(0).max(1).optional(),
      }),
    }),
    status: z.enum(PV_REVIEW_STATUSES),
    allowedChanges: z
      .array(z.object({ status: z.enum(PV_REVIEW_STATUSES), needsNote: z.boolean() }))
      .meta({
        description:
          'The status changes the review rules allow from this status, and whether each needs a note; empty once reported.',
      }),
    assignee: z.string().nullable(),
    /** Oldest first. */
    history: z.array(pvAuditEntrySchema),
  })
  .meta({ id: 'PvCase' });
export type PvCaseView = z.infer<typeof pvCaseSchema>;

/** A page of cases, with how many of the map's cases are in each status whatever the filter. */
export const pvCasePageSchema = z.object({
  items: z.array(pvCaseSchema),
  nextCursor: z.string().nullable(),
  byStatus: z.record(z.enum(PV_REVIEW_STATUSES), z.number().int()).meta({
    description: 'How many of the map’s cases are in each status, whatever the filter.',
  }),
});
export type PvCasePage = z.infer<typeof pvCasePageSchema>;
