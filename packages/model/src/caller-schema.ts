// Who calls the API (`GET /me`): the name of the key's holder and its role.
import { z } from 'zod';

/** `viewer` reads maps; `analyst` also uploads, exports and saves shortlists; `admin` also deletes. */
export const API_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export const callerSchema = z.object({ name: z.string(), role: z.enum(API_ROLES) });
export type Caller = z.infer<typeof callerSchema>;
