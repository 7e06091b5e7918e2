import type { Instrument, InstrumentContentInput } from '@veza/shared';
import { api } from '../../api/client.ts';

export const indicatorApi = {
  /** The current version of each instrument. */
  current: () => api<Instrument[]>('/api/instruments'),
  /** Every published version, for the history. */
  allVersions: () => api<Instrument[]>('/api/instruments', { query: { all: 'true' } }),
  publish: (id: string, content: InstrumentContentInput) =>
    api<Instrument>(`/api/instruments/${encodeURIComponent(id)}/versions`, { method: 'POST', body: content }),
};
