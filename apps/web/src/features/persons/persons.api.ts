import type { Consent, ConsentCreate, Person, PersonCreate, PersonIdentity, PersonPage } from '@veza/shared';
import { api } from '../../api/client.ts';

export const personsApi = {
  create: (input: PersonCreate) => api<Person>('/api/persons', { method: 'POST', body: input }),
  list: (offset: number, limit: number) => api<PersonPage>('/api/persons', { query: { offset, limit } }),
  person: (id: string) => api<Person>(`/api/persons/${id}`),
  identity: (id: string) => api<PersonIdentity>(`/api/persons/${id}/identity`),
  consents: (id: string) => api<Consent[]>(`/api/persons/${id}/consents`),
  recordConsent: (id: string, input: ConsentCreate) =>
    api<Consent>(`/api/persons/${id}/consents`, { method: 'POST', body: input }),
};
