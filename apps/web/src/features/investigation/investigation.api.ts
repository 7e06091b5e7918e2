import type { Case, CaseCreate, Entity, EntityHistory, EntitySummary } from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const investigationApi = {
  cases: () => api<Case[]>('/api/cases'),
  createCase: (body: CaseCreate) => api<Case>('/api/cases', { method: 'POST', body }),
  case: (caseId: string) => api<Case>(path(caseId)),
  entities: (caseId: string) => api<EntitySummary[]>(`${path(caseId)}/entities`),
  entity: (caseId: string, entityId: string) =>
    api<Entity>(`${path(caseId)}/entities/${encodeURIComponent(entityId)}`),
  history: (caseId: string, entityId: string) =>
    api<EntityHistory>(`${path(caseId)}/entities/${encodeURIComponent(entityId)}/history`),
};
