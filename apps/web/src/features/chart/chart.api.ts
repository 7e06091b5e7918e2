import type {
  CaseGraph,
  CaseTimeline,
  SavedChart,
  SavedChartCreate,
  SavedChartSummary,
  SavedChartUpdate,
} from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const chartApi = {
  graph: (caseId: string) => api<CaseGraph>(`${path(caseId)}/graph`),
  neighbours: (caseId: string, entityId: string, depth = 1) =>
    api<CaseGraph>(`${path(caseId)}/entities/${encodeURIComponent(entityId)}/neighbours`, {
      query: { depth },
    }),
  timeline: (caseId: string) => api<CaseTimeline>(`${path(caseId)}/timeline`),
  charts: (caseId: string) => api<SavedChartSummary[]>(`${path(caseId)}/charts`),
  chart: (caseId: string, chartId: string) =>
    api<SavedChart>(`${path(caseId)}/charts/${encodeURIComponent(chartId)}`),
  createChart: (caseId: string, body: SavedChartCreate) =>
    api<SavedChart>(`${path(caseId)}/charts`, { method: 'POST', body }),
  updateChart: (caseId: string, chartId: string, body: SavedChartUpdate) =>
    api<SavedChart>(`${path(caseId)}/charts/${encodeURIComponent(chartId)}`, { method: 'PATCH', body }),
  deleteChart: (caseId: string, chartId: string, reason: string) =>
    api<void>(`${path(caseId)}/charts/${encodeURIComponent(chartId)}`, {
      method: 'DELETE',
      body: { reason },
    }),
};
