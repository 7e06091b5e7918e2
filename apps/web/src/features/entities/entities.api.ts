import type {
  Entity,
  EntityCreate,
  EntityHistory,
  EntitySummary,
  Statement,
  StatementCorrection,
  StatementInput,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const entityPath = (caseId: string, entityId: string) =>
  `${casePath(caseId)}/entities/${encodeURIComponent(entityId)}`;

/** The entities of a case: reading them, new entities, statements and corrections. */
export const entityApi = {
  entities: (caseId: string) => api<EntitySummary[]>(`${casePath(caseId)}/entities`),
  entity: (caseId: string, entityId: string) => api<Entity>(entityPath(caseId, entityId)),
  history: (caseId: string, entityId: string) =>
    api<EntityHistory>(`${entityPath(caseId, entityId)}/history`),
  createEntity: (caseId: string, body: EntityCreate) =>
    api<Entity>(`${casePath(caseId)}/entities`, { method: 'POST', body }),
  addStatement: (caseId: string, entityId: string, body: StatementInput) =>
    api<Statement>(`${entityPath(caseId, entityId)}/statements`, { method: 'POST', body }),
  correct: (caseId: string, entityId: string, statementId: string, body: StatementCorrection) =>
    api<Statement>(
      `${entityPath(caseId, entityId)}/statements/${encodeURIComponent(statementId)}/corrections`,
      { method: 'POST', body },
    ),
};
