import type { NotificationList } from '@veza/shared';
import { api } from '../../api/client.ts';

export const notificationsApi = {
  list: () => api<NotificationList>('/api/notifications', { query: { limit: 20 } }),
  read: (id: string) => api<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
};
