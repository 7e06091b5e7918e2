import type { CalendarFeedCreated, CalendarFeedStatus } from '@veza/shared';
import { api } from '../../api/client.ts';

export const calendarApi = {
  status: () => api<CalendarFeedStatus>('/api/calendar/feed'),
  /** A new secret address, replacing an earlier one: shown in this answer only. */
  create: () => api<CalendarFeedCreated>('/api/calendar/feed', { method: 'POST' }),
  revoke: () => api<void>('/api/calendar/feed', { method: 'DELETE' }),
  /** The signed-in user's feed, downloaded by the browser itself with the session cookie. */
  fileUrl: '/api/calendar.ics',
};
