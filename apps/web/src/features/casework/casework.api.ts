import type {
  Entity,
  EntityCreate,
  JoinRequest,
  Statement,
  StatementCorrection,
  StatementInput,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const entityPath = (caseId: string, entityId: string) =>
  `${casePath(caseId)}/entities/${encodeURIComponent(entityId)}`;

/** Recording in a case: new entities, statements and corrections; the team's join requests. */
export const caseworkApi = {
  createEntity: (caseId: string, body: EntityCreate) =>
    api<Entity>(`${casePath(caseId)}/entities`, { method: 'POST', body }),
  addStatement: (caseId: string, entityId: string, body: StatementInput) =>
    api<Statement>(`${entityPath(caseId, entityId)}/statements`, { method: 'POST', body }),
  correct: (caseId: string, entityId: string, statementId: string, body: StatementCorrection) =>
    api<Statement>(
      `${entityPath(caseId, entityId)}/statements/${encodeURIComponent(statementId)}/corrections`,
      { method: 'POST', body },
    ),
  joinRequests: (caseId: string) => api<JoinRequest[]>(`${casePath(caseId)}/join-requests`),
  decide: (caseId: string, requestId: string, decision: 'granted' | 'refused') =>
    api<JoinRequest>(`${casePath(caseId)}/join-requests/${encodeURIComponent(requestId)}/decision`, {
      method: 'POST',
      body: { decision },
    }),
  removeMember: (caseId: string, userId: string) =>
    api<void>(`${casePath(caseId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
};
