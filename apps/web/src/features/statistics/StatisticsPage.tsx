import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  JURISDICTIONS,
  STATISTICS_DIMENSIONS,
  STATISTICS_INTERVALS,
  STATISTICS_MEASURES,
  type JurisdictionCode,
  type StatisticsDimension,
  type StatisticsInterval,
  type StatisticsMeasure,
  type StatisticsRow,
  type StatisticsTable,
} from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useCan, useMe } from '../auth/session.tsx';
import { statisticsApi, type StatisticsFilters } from './statistics.api.ts';

interface Draft {
  measure: StatisticsMeasure;
  from: string;
  to: string;
  jurisdiction: JurisdictionCode | '';
  first: StatisticsDimension;
  second: StatisticsDimension | '';
  interval: StatisticsInterval;
}

function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function initialDraft(jurisdiction: JurisdictionCode | null): Draft {
  const now = new Date();
  return {
    measure: 'screenings',
    from: monthOf(new Date(now.getFullYear(), now.getMonth() - 17, 1)),
    to: monthOf(now),
    jurisdiction: jurisdiction ?? '',
    first: 'period',
    second: '',
    interval: 'quarter',
  };
}

function toFilters(draft: Draft): StatisticsFilters {
  return {
    measure: draft.measure,
    from: draft.from,
    to: draft.to,
    ...(draft.jurisdiction && { jurisdiction: draft.jurisdiction }),
    groupBy: draft.second && draft.second !== draft.first ? [draft.first, draft.second] : [draft.first],
    interval: draft.interval,
  };
}

/** Protected counts of screenings and referrals: table, bar chart and CSV export. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(me.jurisdiction));
  const [applied, setApplied] = useState<StatisticsFilters>(() => toFilters(initialDraft(me.jurisdiction)));
  const table = useQuery({
    queryKey: ['statistics', applied],
    queryFn: () => statisticsApi.table(applied),
    placeholderData: keepPreviousData,
  });
  const label = useValueLabel(applied.measure);

  const set = <K extends keyof Draft>(name: K) => ({
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [name]: e.currentTarget.value as Draft[K] }),
  });

  return (
    <Page
      title={t('statistics.title')}
      actions={
        can('statistics.export') && (
          <Button
            component="a"
            href={statisticsApi.csvUrl(applied)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            {t('statistics.export')}
          </Button>
        )
      }
    >
      <Alert
        variant="outline"
        color="blue.9"
        icon={<IconInfoCircle aria-hidden="true" />}
        title={t('statistics.protectionTitle')}
      >
        <Text size="sm">{t('statistics.protection', { threshold: 11, base: 5 })}</Text>
        <Text size="sm" mt="xs">
          {t('statistics.exportNote')}
        </Text>
      </Alert>

      <Paper withBorder p="md" component="section" aria-labelledby="statistics-filters">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(toFilters(draft));
          }}
        >
          <Stack>
            <Title order={2} fz="h4" id="statistics-filters">
              {t('common.filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <NativeSelect label={t('statistics.measure')} {...set('measure')}>
                {STATISTICS_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`statistics.measures.${m}`)}
                  </option>
                ))}
              </NativeSelect>
              <TextInput type="month" label={t('statistics.from')} required {...set('from')} />
              <TextInput type="month" label={t('statistics.to')} required {...set('to')} />
              <NativeSelect label={t('fields.jurisdiction')} {...set('jurisdiction')}>
                {me.jurisdiction === null && <option value="">{t('common.all')}</option>}
                {JURISDICTIONS.filter((code) => me.jurisdiction === null || code === me.jurisdiction).map(
                  (code) => (
                    <option key={code} value={code}>
                      {t(`jurisdictions.${code}`)}
                    </option>
                  ),
                )}
              </NativeSelect>
              <NativeSelect label={t('statistics.groupBy')} {...set('first')}>
                {STATISTICS_DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`statistics.dimensions.${d}`)}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect label={t('statistics.thenBy')} {...set('second')}>
                <option value="">{t('statistics.nothingElse')}</option>
                {STATISTICS_DIMENSIONS.filter((d) => d !== draft.first).map((d) => (
                  <option key={d} value={d}>
                    {t(`statistics.dimensions.${d}`)}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect label={t('statistics.interval')} {...set('interval')}>
                {STATISTICS_INTERVALS.map((i) => (
                  <option key={i} value={i}>
                    {t(`statistics.intervals.${i}`)}
                  </option>
                ))}
              </NativeSelect>
            </SimpleGrid>
            <Group>
              <Button type="submit">{t('statistics.show')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {table.isError ? (
        <ErrorAlert error={table.error} />
      ) : table.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : table.data.rows.length === 0 ? (
        <Text>{t('statistics.empty')}</Text>
      ) : (
        <Results data={table.data} label={label} />
      )}
    </Page>
  );
}

type ValueLabel = (dimension: StatisticsDimension, value: string) => string;

function Results({ data, label }: { data: StatisticsTable; label: ValueLabel }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const caption = t('statistics.caption', {
    measure: t(`statistics.measures.${data.measure}`),
    dimensions: data.groupBy.map((d) => t(`statistics.dimensions.${d}`)).join(' × '),
  });
  const rowLabel = (row: StatisticsRow) => row.keys.map((k, i) => label(data.groupBy[i]!, k)).join(' · ');
  const figure = (value: number | null) =>
    value === null ? (
      <abbr title={t('statistics.withheld', { threshold: data.threshold })}>{`<${data.threshold}`}</abbr>
    ) : (
      number(value)
    );
  return (
    <>
      <BarChart rows={data.rows} rowLabel={rowLabel} caption={caption} threshold={data.threshold} />
      <Paper withBorder p="md" component="section" aria-labelledby="statistics-table">
        <Title order={2} fz="h4" id="statistics-table" mb="sm">
          {caption}
        </Title>
        <ScrollTable minWidth={480} label={caption}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {data.groupBy.map((d) => (
                  <Table.Th key={d} scope="col">
                    {t(`statistics.dimensions.${d}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t(`statistics.measures.${data.measure}`)}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => (
                <Table.Tr key={row.keys.join('|')}>
                  {row.keys.map((key, i) => (
                    <Table.Td key={i}>{label(data.groupBy[i]!, key)}</Table.Td>
                  ))}
                  <Table.Td ta="right">{figure(row.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={data.groupBy.length}>
                  {t('statistics.total')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {figure(data.total.value)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
      </Paper>
    </>
  );
}

/** Horizontal bars; a withheld figure gets an outlined stub and its mark, never a guessed length. */
function BarChart({
  rows,
  rowLabel,
  caption,
  threshold,
}: {
  rows: StatisticsRow[];
  rowLabel: (row: StatisticsRow) => string;
  caption: string;
  threshold: number;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby="statistics-chart">
      <Text component="figcaption" fw={700} id="statistics-chart" mb="sm">
        {t('statistics.chart', { caption })}
      </Text>
      <Stack gap={6}>
        {rows.map((row) => (
          <Group key={row.keys.join('|')} gap="sm" wrap="nowrap" align="center">
            <Text
              size="sm"
              w={{ base: 120, sm: 260 }}
              style={{ flexShrink: 0 }}
              truncate="end"
              title={rowLabel(row)}
            >
              {rowLabel(row)}
            </Text>
            <Box style={{ flexGrow: 1 }}>
              <Box
                h={18}
                w={row.value === null ? 12 : `${Math.max(1, (row.value / max) * 100)}%`}
                bg={row.value === null ? undefined : 'blue.7'}
                style={row.value === null ? { border: '1px dashed var(--mantine-color-gray-7)' } : undefined}
              />
            </Box>
            <Text size="sm" w={56} ta="right" style={{ flexShrink: 0 }}>
              {row.value === null ? `<${threshold}` : number(row.value)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Labels of the values a breakdown returns, in the UI language. */
function useValueLabel(measure: StatisticsMeasure): ValueLabel {
  const { t } = useTranslation();
  const { tag } = useFormat();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([tag, 'en'], { type: 'region', fallback: 'code' });
    const months = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (dimension: StatisticsDimension, value: string) => {
      if (value === 'unknown') return t('statistics.unknown');
      switch (dimension) {
        case 'jurisdiction':
          return t(`jurisdictions.${value}`);
        case 'nationality':
          return value === 'XK' ? t('jurisdictions.XK') : (regions.of(value) ?? value);
        case 'sex':
          return t(`statistics.sex.${value}`);
        case 'age_group':
          return t(`statistics.ageGroups.${value}`);
        case 'exploitation_type':
          return t(`statistics.exploitation.${value}`);
        case 'outcome':
          return measure === 'screenings'
            ? t(`statistics.outcomes.${value}`)
            : t(`statistics.referralStatuses.${value}`);
        case 'period': {
          const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
          if (quarter) return t('statistics.quarter', { year: quarter[1], quarter: quarter[2] });
          const month = /^(\d{4})-(\d{2})$/.exec(value);
          if (month) return months.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
          return value;
        }
      }
    };
  }, [t, tag, measure]);
}
