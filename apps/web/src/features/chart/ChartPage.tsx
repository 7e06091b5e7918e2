import { useState } from 'react';
import { Anchor, Center, Loader, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Case } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { JustificationModal, JustificationNeeded } from '../audit/JustificationModal.tsx';
import { caseApi } from '../cases/cases.api.ts';
import { chartApi } from './chart.api.ts';
import { LinkChart } from './LinkChart.tsx';
import { MapTab } from './MapTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /cases/:caseId/chart: the case as a link chart, a timeline and a map. */
export function ChartPage() {
  const { caseId = '' } = useParams();
  const valid = UUID.test(caseId);
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => caseApi.case(caseId),
    enabled: valid,
  });
  if (!valid || isApiError(found.error, 'not_found')) return <NotFoundPage />;
  if (found.isError) {
    return (
      <Page title={t('chart.title')}>
        <ErrorAlert error={found.error} />
      </Page>
    );
  }
  if (found.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <ChartView record={found.data} />;
}

function ChartView({ record }: { record: Case }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('chart');
  const [askReason, setAskReason] = useState(true);
  const graph = useQuery({
    queryKey: ['case', record.id, 'graph'],
    queryFn: () => chartApi.graph(record.id),
    staleTime: Infinity,
    retry: false,
  });
  const needsReason = isApiError(graph.error, 'justification_required');

  return (
    <Page title={t('chart.heading', { reference: record.reference, title: record.title })}>
      <Anchor component={Link} to={`/cases/${record.id}`}>
        {t('chart.backToCase')}
      </Anchor>
      {needsReason ? (
        <JustificationNeeded text={t('chart.justificationText')} onGive={() => setAskReason(true)} />
      ) : graph.isError ? (
        <ErrorAlert error={graph.error} />
      ) : graph.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted>
          <Tabs.List>
            <Tabs.Tab value="chart">{t('chart.tabChart')}</Tabs.Tab>
            <Tabs.Tab value="timeline">{t('chart.tabTimeline')}</Tabs.Tab>
            <Tabs.Tab value="map">{t('chart.tabMap')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="chart" pt="md">
            <LinkChart record={record} initial={graph.data} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            {tab === 'timeline' && <TimelineTab caseId={record.id} />}
          </Tabs.Panel>
          <Tabs.Panel value="map" pt="md">
            {tab === 'map' && <MapTab nodes={graph.data.nodes} />}
          </Tabs.Panel>
        </Tabs>
      )}
      <JustificationModal
        opened={needsReason && askReason}
        scope={`case:${record.id}`}
        onClose={() => setAskReason(false)}
        onGiven={() => {
          setAskReason(false);
          void graph.refetch();
        }}
      />
    </Page>
  );
}
