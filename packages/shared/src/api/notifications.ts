import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

/** Kinds of notification; each has a message `notifications.kinds.<kind>` in the UI catalogues. */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_status',
  'reflection_ending',
  'acknowledgement_due',
  'hit',
  'hit_access_requested',
  'hit_access_decided',
  'import_finished',
  'request_received',
  'request_update',
  'request_deadline',
  'directory_confirmation_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A notification as the app shows it. `payload` holds what the message needs (references, dates,
 * counts), never a name: the message is rendered in the reader's language from `kind` and `payload`.
 */
export const NotificationSchema = z.object({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  link: z.string().nullable(),
  createdAt: Timestamp,
  read: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationListQuery = z.strictObject({
  unreadOnly: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
