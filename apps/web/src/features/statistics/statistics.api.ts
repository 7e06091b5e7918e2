import type {
  JurisdictionCode,
  StatisticsDimension,
  StatisticsInterval,
  StatisticsMeasure,
  StatisticsTable,
} from '@veza/shared';
import { api } from '../../api/client.ts';

export interface StatisticsFilters {
  measure: StatisticsMeasure;
  from: string;
  to: string;
  jurisdiction?: JurisdictionCode;
  groupBy: StatisticsDimension[];
  interval: StatisticsInterval;
}

function toQuery(filters: StatisticsFilters) {
  return {
    measure: filters.measure,
    from: filters.from,
    to: filters.to,
    jurisdiction: filters.jurisdiction,
    groupBy: filters.groupBy.join(','),
    interval: filters.interval,
  };
}

export const statisticsApi = {
  table: (filters: StatisticsFilters) => api<StatisticsTable>('/api/statistics', { query: toQuery(filters) }),
  /** The address of the CSV export: a plain download, so the browser saves the file. */
  csvUrl: (filters: StatisticsFilters) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(toQuery(filters))) if (value) params.set(key, value);
    return `/api/statistics.csv?${params.toString()}`;
  },
};
