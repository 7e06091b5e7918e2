import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartGraph } from '@veza/graph';
import type { ChartNodeData } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { Pager } from '../../ui/Pager.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { HandlingBadge } from '../cases/HandlingBadge.tsx';
import { schemaName } from '../entities/entity-caption.ts';
import type { PathEnds } from './LinkChart.tsx';

const PAGE = 25;

/**
 * The chart as a table, for keyboard and screen-reader users and for anyone who wants names in a
 * row: every entity the chart shows, with its links, and the chart's actions as buttons.
 */
export function EntityTable({
  graph,
  nodes,
  captionOf,
  search,
  onSelect,
  onExpand,
  onPathEnd,
}: {
  graph: ChartGraph;
  nodes: ReadonlyMap<string, ChartNodeData>;
  captionOf: (id: string) => string;
  search: string;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
  onPathEnd: (end: keyof PathEnds, id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const rows = useMemo(() => {
    const query = search.trim().toLocaleLowerCase();
    const list: { id: string; caption: string; type: string; links: number }[] = [];
    graph.forEachNode((id, attributes) => {
      const caption = captionOf(id);
      if (query.length >= 2 && !caption.toLocaleLowerCase().includes(query)) return;
      list.push({ id, caption, type: attributes.type, links: graph.degree(id) });
    });
    return list.sort((a, b) => b.links - a.links || a.caption.localeCompare(b.caption));
  }, [graph, captionOf, search]);
  const start = offset >= rows.length ? 0 : offset;
  const page = rows.slice(start, start + PAGE);

  return (
    <Stack component="section" aria-labelledby="chart-entities" gap="xs">
      <Title order={2} size="h4" id="chart-entities">
        {t('chart.entitiesOnChart')}
      </Title>
      <ScrollTable minWidth={900} label={t('chart.entitiesTable')}>
        <Table captionSide="top" striped highlightOnHover>
          <Table.Caption>{t('chart.entitiesTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chart.entity')}</Table.Th>
              <Table.Th scope="col">{t('chart.type')}</Table.Th>
              <Table.Th scope="col">{t('chart.links')}</Table.Th>
              <Table.Th scope="col">{t('chart.evaluation')}</Table.Th>
              <Table.Th scope="col">{t('chart.handlingCode')}</Table.Th>
              <Table.Th scope="col">{t('chart.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.map((row) => {
              const node = nodes.get(row.id);
              return (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => onSelect(row.id)}>
                      {row.caption}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{schemaName(row.type, t)}</Table.Td>
                  <Table.Td>{format.number(row.links)}</Table.Td>
                  <Table.Td>{node?.evaluation ?? '–'}</Table.Td>
                  <Table.Td>{node && <HandlingBadge code={node.handlingCode} />}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => onExpand(row.id)}
                        aria-label={t('chart.expandNamed', { name: row.caption })}
                      >
                        {t('chart.expand')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => onPathEnd('from', row.id)}
                        aria-label={t('chart.pathFromNamed', { name: row.caption })}
                      >
                        {t('chart.pathFromHere')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => onPathEnd('to', row.id)}
                        aria-label={t('chart.pathToNamed', { name: row.caption })}
                      >
                        {t('chart.pathToHere')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Pager
        offset={start}
        limit={PAGE}
        total={rows.length}
        onChange={setOffset}
        label={t('chart.entitiesPages')}
      />
    </Stack>
  );
}
