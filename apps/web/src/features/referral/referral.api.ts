import type {
  Person,
  PersonPage,
  Provider,
  ProviderListFilter,
  ProviderUpdate,
  Referral,
  ReferralConsent,
  ReferralIdentity,
  ReferralCreate,
  ReferralKind,
  ReferralPage,
  ReferralStatus,
  ReferralTransition,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (id: string) => `/api/referrals/${encodeURIComponent(id)}`;

export const referralApi = {
  providers: (filter: Partial<ProviderListFilter>) =>
    api<Provider[]>('/api/providers', { query: { ...filter } }),
  updateProvider: (id: string, changes: ProviderUpdate) =>
    api<Provider>(`/api/providers/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  referrals: (filter: {
    status?: ReferralStatus | undefined;
    direction?: 'incoming' | 'outgoing' | undefined;
    personId?: string | undefined;
    limit: number;
    offset: number;
  }) => api<ReferralPage>('/api/referrals', { query: { ...filter } }),
  referral: (id: string) => api<Referral>(path(id)),
  create: (body: ReferralCreate) => api<Referral>('/api/referrals', { method: 'POST', body }),
  move: (id: string, body: ReferralTransition) =>
    api<Referral>(`${path(id)}/transitions`, { method: 'POST', body }),
  identity: (id: string) => api<ReferralIdentity>(`${path(id)}/identity`),
  acknowledge: (id: string) => api<Referral>(`${path(id)}/acknowledge`, { method: 'POST' }),
  consent: (query: { personId: string; kind: ReferralKind; providerId?: string; toJurisdiction?: string }) =>
    api<ReferralConsent>('/api/referrals/consent', { query }),
  /** The person as the persons module shows it (reference, age group; never the identity). */
  person: (id: string) => api<Person>(`/api/persons/${encodeURIComponent(id)}`),
  persons: () => api<PersonPage>('/api/persons', { query: { limit: 100, offset: 0 } }),
};
