import type { z } from 'zod';
import type {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  Jurisdiction,
  JurisdictionCode,
  Role,
  TemporaryPasswordSchema,
  Unit,
  UnitCreate,
  UnitUpdate,
  User,
  UserCreate,
  UserUpdate,
} from '@veza/shared';
import { api } from '../../api/client.ts';

export type TemporaryPassword = z.infer<typeof TemporaryPasswordSchema>;

export interface UserFilters {
  q?: string;
  jurisdiction?: JurisdictionCode;
  agencyId?: string;
  unitId?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  limit: number;
  offset: number;
}

export const adminApi = {
  jurisdictions: () => api<Jurisdiction[]>('/api/jurisdictions'),
  agencies: (query: { jurisdiction?: JurisdictionCode; q?: string } = {}) =>
    api<Agency[]>('/api/agencies', { query: { ...query } }),
  createAgency: (body: AgencyCreate) => api<Agency>('/api/agencies', { method: 'POST', body }),
  updateAgency: (id: string, body: AgencyUpdate) =>
    api<Agency>(`/api/agencies/${id}`, { method: 'PATCH', body }),
  units: (query: { agencyId?: string; jurisdiction?: JurisdictionCode }) =>
    api<Unit[]>('/api/units', { query: { ...query } }),
  createUnit: (body: UnitCreate) => api<Unit>('/api/units', { method: 'POST', body }),
  updateUnit: (id: string, body: UnitUpdate) => api<Unit>(`/api/units/${id}`, { method: 'PATCH', body }),
  users: (filters: UserFilters) =>
    api<{ items: User[]; total: number }>('/api/users', { query: { ...filters } }),
  createUser: (body: UserCreate) => api<TemporaryPassword>('/api/users', { method: 'POST', body }),
  updateUser: (id: string, body: UserUpdate) => api<User>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: string) =>
    api<TemporaryPassword>(`/api/users/${id}/reset-password`, { method: 'POST' }),
  resetTotp: (id: string) => api<User>(`/api/users/${id}/reset-totp`, { method: 'POST' }),
  revokeSessions: (id: string) => api<void>(`/api/users/${id}/revoke-sessions`, { method: 'POST' }),
};
