import type { z } from 'zod';
import type { AuditEntry, AuditOperation, AuditVerifySchema, JurisdictionCode } from '@veza/shared';
import { api } from '../../api/client.ts';

export type AuditVerification = z.infer<typeof AuditVerifySchema>;

export interface AuditFilters {
  person?: string;
  recordId?: string;
  actor?: string;
  operation?: AuditOperation;
  jurisdiction?: JurisdictionCode;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export const auditApi = {
  search: (filters: AuditFilters) =>
    api<{ items: AuditEntry[]; total: number }>('/api/audit', { query: { ...filters } }),
  verify: () => api<AuditVerification>('/api/audit/verify'),
};
