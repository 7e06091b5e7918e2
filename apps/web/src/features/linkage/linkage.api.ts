import type {
  CanonicalEntity,
  DrugsLink,
  HitDetails,
  HitLists,
  SplitResult,
  SuggestionDecision,
  SuggestionOutcome,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const entityPath = (caseId: string, entityId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/entities/${encodeURIComponent(entityId)}`;
const hitPath = (hitId: string) => `/api/linkage/hits/${encodeURIComponent(hitId)}`;

export const linkageApi = {
  decide: (suggestionId: string, body: SuggestionDecision) =>
    api<SuggestionOutcome>(`/api/linkage/suggestions/${encodeURIComponent(suggestionId)}/decision`, {
      method: 'POST',
      body,
    }),
  canonical: (caseId: string, entityId: string) =>
    api<CanonicalEntity>(`${entityPath(caseId, entityId)}/canonical`),
  split: (caseId: string, entityId: string) =>
    api<SplitResult>(`${entityPath(caseId, entityId)}/split`, { method: 'POST' }),
  hits: () => api<HitLists>('/api/linkage/hits'),
  askAccess: (hitId: string, reason: string) =>
    api<void>(`${hitPath(hitId)}/access-request`, { method: 'POST', body: { reason } }),
  decideAccess: (hitId: string, decision: 'granted' | 'refused') =>
    api<void>(`${hitPath(hitId)}/decision`, { method: 'POST', body: { decision } }),
  hitDetails: (hitId: string) => api<HitDetails>(`${hitPath(hitId)}/details`),
  drugsLinks: () => api<DrugsLink[]>('/api/linkage/drugs-trafficking'),
};
