import { z } from 'zod';
import { Allowed, Timestamp } from './common.ts';

/** Whether the user has a secret feed address, and since when (the address itself is shown once). */
export const CalendarFeedStatusSchema = z.object({
  exists: z.boolean(),
  createdAt: Timestamp.nullable(),
  allowed: Allowed,
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatusSchema>;

/** A new secret feed address: shown this once, only its hash is kept. */
export const CalendarFeedCreatedSchema = z.object({
  url: z.string(),
  createdAt: Timestamp,
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** The token in `/api/calendar/feeds/:token.ics`; anything unknown answers 404 whatever its form. */
export const CalendarFeedTokenParams = z.strictObject({ token: z.string().min(1).max(200) });
