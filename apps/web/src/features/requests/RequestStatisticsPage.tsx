import { useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RequestPairStatistics, StatisticsFigure } from '@veza/shared';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { requestsApi } from './requests.api.ts';

/** `YYYY-MM` of the month `back` months before this one, in the user's calendar. */
function monthOf(back: number): string {
  const now = new Date();
  const at = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

function Figure({ figure, format }: { figure: StatisticsFigure; format?: (n: number) => string }) {
  const { t } = useTranslation();
  if (figure.suppressed)
    return (
      <Text span inherit c="dimmed">
        {t('requests.statistics.withheld')}
      </Text>
    );
  if (figure.value === null)
    return (
      <Text span inherit c="dimmed">
        –
      </Text>
    );
  return <>{format ? format(figure.value) : figure.value}</>;
}

function Row({ pair }: { pair: RequestPairStatistics }) {
  const { t } = useTranslation();
  const duration = (minutes: number) =>
    t('requests.statistics.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const grounds = pair.refusedByGround.filter((g) => g.suppressed || (g.value ?? 0) > 0);
  return (
    <Table.Tr data-testid={`pair-${pair.from}-${pair.to}`}>
      <Table.Th scope="row">
        {t('requests.statistics.pair', {
          from: t(`jurisdictions.${pair.from}`),
          to: t(`jurisdictions.${pair.to}`),
        })}
      </Table.Th>
      <Table.Td>
        <Figure figure={pair.requests} />
      </Table.Td>
      <Table.Td data-testid="in-time">
        <Figure figure={pair.answeredInTime} />
      </Table.Td>
      <Table.Td>
        <Figure figure={pair.answeredLate} />
      </Table.Td>
      <Table.Td>
        <Figure figure={pair.medianMinutesToAnswer} format={duration} />
      </Table.Td>
      <Table.Td>
        <Figure figure={pair.delayed} />
      </Table.Td>
      <Table.Td>
        <Figure figure={pair.refused} />
        {grounds.map((g) => (
          <Text size="xs" key={g.ground}>
            {t(`requests.grounds.${g.ground}`)}: <Figure figure={g} />
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Requests per pair of jurisdictions over whole months: how many, answered in time or late, the
 * median time to the first answer, delays and refusals by ground. Figures about fewer than 11
 * requests are withheld by the server.
 */
export function RequestStatisticsPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from: monthOf(2), to: monthOf(0) });
  const [applied, setApplied] = useState(draft);
  const figures = useQuery({
    queryKey: ['requests', 'statistics', applied],
    queryFn: () => requestsApi.statistics(applied.from, applied.to),
  });
  return (
    <Page title={t('requests.statistics.title')}>
      <Alert variant="outline" color="blue.9" icon={<IconInfoCircle aria-hidden="true" />}>
        <Text size="sm">{t('requests.statistics.protection', { threshold: 11 })}</Text>
      </Alert>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="month"
              label={t('requests.statistics.from')}
              required
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="month"
              label={t('requests.statistics.to')}
              required
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('requests.statistics.show')}</Button>
          </Group>
        </Stack>
      </form>
      {figures.isError ? (
        <ErrorAlert error={figures.error} />
      ) : figures.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : figures.data.pairs.length === 0 ? (
        <Text>{t('requests.statistics.none')}</Text>
      ) : (
        <ScrollTable minWidth={900} label={t('requests.statistics.table')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('requests.statistics.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.statistics.pairColumn')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.requests')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.inTime')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.late')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.median')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.delayed')}</Table.Th>
                <Table.Th scope="col">{t('requests.statistics.refused')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.data.pairs.map((pair) => (
                <Row key={`${pair.from}-${pair.to}`} pair={pair} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}
