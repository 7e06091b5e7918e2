import type {
  Case,
  InformationRequest,
  RequestAnswer,
  RequestContactPoints,
  RequestCreate,
  RequestDelay,
  RequestPage,
  RequestRefusal,
  RequestStatistics,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export const requestsApi = {
  list: (box: 'inbox' | 'outbox') => api<RequestPage>('/api/requests', { query: { box } }),
  request: (id: string) => api<InformationRequest>(path(id)),
  create: (body: RequestCreate) => api<InformationRequest>('/api/requests', { method: 'POST', body }),
  send: (id: string) => api<InformationRequest>(`${path(id)}/send`, { method: 'POST' }),
  start: (id: string) => api<InformationRequest>(`${path(id)}/start`, { method: 'POST' }),
  withdraw: (id: string, reason: string) =>
    api<InformationRequest>(`${path(id)}/withdraw`, { method: 'POST', body: { reason } }),
  delay: (id: string, body: RequestDelay) =>
    api<InformationRequest>(`${path(id)}/delay`, { method: 'POST', body }),
  answer: (id: string, body: RequestAnswer) =>
    api<InformationRequest>(`${path(id)}/answer`, { method: 'POST', body }),
  refuse: (id: string, body: RequestRefusal) =>
    api<InformationRequest>(`${path(id)}/refuse`, { method: 'POST', body }),
  pointOfContact: (jurisdiction: string) =>
    api<RequestContactPoints>('/api/requests/point-of-contact', { query: { jurisdiction } }),
  statistics: (from: string, to: string) =>
    api<RequestStatistics>('/api/requests/statistics', { query: { from, to } }),
  /** The requester's own cases, to link the request to one (need to know stays with the case). */
  cases: () => api<Case[]>('/api/cases'),
};
