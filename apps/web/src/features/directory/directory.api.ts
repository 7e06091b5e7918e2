import type {
  DirectoryEntry,
  DirectoryEntryCreate,
  DirectoryEntryUpdate,
  DirectoryFunction,
  DirectoryPage,
  JurisdictionCode,
  Unit,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (id: string) => `/api/directory/${encodeURIComponent(id)}`;

export interface DirectoryFilter {
  jurisdiction?: JurisdictionCode | undefined;
  function?: DirectoryFunction | undefined;
  language?: string | undefined;
  q?: string | undefined;
  overdue?: 'true' | undefined;
  limit: number;
  offset: number;
}

export const directoryApi = {
  list: (filter: DirectoryFilter) => api<DirectoryPage>('/api/directory', { query: { ...filter } }),
  create: (body: DirectoryEntryCreate) => api<DirectoryEntry>('/api/directory', { method: 'POST', body }),
  update: (id: string, body: DirectoryEntryUpdate) => api<DirectoryEntry>(path(id), { method: 'PUT', body }),
  /** The Veza units of a jurisdiction, for linking an entry to the unit it is. */
  units: (jurisdiction: JurisdictionCode) => api<Unit[]>('/api/units', { query: { jurisdiction } }),
  confirm: (id: string) => api<DirectoryEntry>(`${path(id)}/confirm`, { method: 'POST' }),
  /** The export files are downloaded by the browser itself (links), with the session cookie. */
  exportUrl: (format: 'vcf' | 'csv', jurisdiction: JurisdictionCode) => {
    const query = `jurisdiction=${encodeURIComponent(jurisdiction)}`;
    return format === 'vcf' ? `/api/directory/export.vcf?${query}` : `/api/directory/export.csv?${query}`;
  },
};
