import type { Assessment, AssessmentRequest, Instrument } from '@veza/shared';
import { api } from '../../api/client.ts';

export const screeningApi = {
  instruments: () => api<Instrument[]>('/api/instruments'),
  assess: (request: AssessmentRequest) =>
    api<Assessment>('/api/screenings/assess', { method: 'POST', body: request }),
};
