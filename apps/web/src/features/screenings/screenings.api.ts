import type {
  Assessment,
  AssessmentRequest,
  Instrument,
  Screening,
  ScreeningCreate,
  ScreeningPage,
} from '@veza/shared';
import { api } from '../../api/client.ts';
import { saveOrQueueScreening } from '../offline/feedback.ts';

export const screeningApi = {
  instruments: () => api<Instrument[]>('/api/instruments'),
  /** Every published version: a stored screening shows the texts of the version it used. */
  allInstrumentVersions: () => api<Instrument[]>('/api/instruments', { query: { all: 'true' } }),
  assess: (request: AssessmentRequest) =>
    api<Assessment>('/api/screenings/assess', { method: 'POST', body: request }),
  screenings: (offset: number, limit: number) =>
    api<ScreeningPage>('/api/screenings', { query: { offset, limit } }),
  screening: (id: string) => api<Screening>(`/api/screenings/${id}`),
};

/**
 * Stores a screening. The one way the screening form saves, routed through the offline outbox: the
 * stored screening when the server has it, null when it waits on the device (no connection; the user
 * is told and the header shows it waiting). The clientId makes a second delivery harmless.
 */
export function saveScreening(input: ScreeningCreate): Promise<Screening | null> {
  return saveOrQueueScreening<Screening>(input);
}
