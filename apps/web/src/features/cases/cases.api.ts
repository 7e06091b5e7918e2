import type { Case, CaseCreate, JoinRequest } from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** Cases and their teams: the list, one case, the team's join requests. */
export const caseApi = {
  cases: () => api<Case[]>('/api/cases'),
  createCase: (body: CaseCreate) => api<Case>('/api/cases', { method: 'POST', body }),
  case: (caseId: string) => api<Case>(path(caseId)),
  joinRequests: (caseId: string) => api<JoinRequest[]>(`${path(caseId)}/join-requests`),
  decide: (caseId: string, requestId: string, decision: 'granted' | 'refused') =>
    api<JoinRequest>(`${path(caseId)}/join-requests/${encodeURIComponent(requestId)}/decision`, {
      method: 'POST',
      body: { decision },
    }),
  removeMember: (caseId: string, userId: string) =>
    api<void>(`${path(caseId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
};
