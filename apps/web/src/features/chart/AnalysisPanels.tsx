import { useMemo } from 'react';
import { Button, Grid, Group, List, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartGraph, ChartPath, Communities, KeyPlayers } from '@veza/graph';
import { useFormat } from '../../i18n/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { colourOfCommunity } from './chart.model.ts';
import { schemaName } from '../entities/entity-caption.ts';
import type { PathEnds } from './LinkChart.tsx';

const SHOWN_COMMUNITIES = 12;

/** Shortest path, communities and key players: the analyses, each with its result as text. */
export function AnalysisPanels(props: {
  graph: ChartGraph;
  captionOf: (id: string) => string;
  pathEnds: PathEnds;
  onPathEnd: (end: keyof PathEnds, id: string | null) => void;
  onFindPath: () => void;
  onClearPath: () => void;
  /** undefined: not asked; null: asked, no path. */
  path: ChartPath | null | undefined;
  communities: Communities | null;
  colourByCommunity: boolean;
  onColourByCommunity: (on: boolean) => void;
  shownCommunity: number | null;
  onShowCommunity: (community: number | null) => void;
  players: KeyPlayers | null;
  onRankPlayers: () => void;
}) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <PathPanel {...props} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <CommunitiesPanel {...props} />
      </Grid.Col>
      <Grid.Col span={12}>
        <KeyPlayersPanel {...props} />
      </Grid.Col>
    </Grid>
  );
}

function PathPanel({
  graph,
  captionOf,
  pathEnds,
  onPathEnd,
  onFindPath,
  onClearPath,
  path,
}: Parameters<typeof AnalysisPanels>[0]) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const list: { value: string; label: string }[] = [];
    graph.forEachNode((id, attributes) => {
      list.push({ value: id, label: `${captionOf(id)} (${schemaName(attributes.type, t)})` });
    });
    return list.sort((a, b) => a.label.localeCompare(b.label));
  }, [graph, captionOf, t]);
  return (
    <Stack component="section" aria-labelledby="chart-path" gap="xs">
      <Title order={2} size="h4" id="chart-path">
        {t('chart.shortestPath')}
      </Title>
      <Group grow align="flex-end" gap="xs">
        <Select
          label={t('chart.pathFrom')}
          searchable
          clearable
          data={options}
          value={pathEnds.from}
          onChange={(value) => onPathEnd('from', value)}
          limit={50}
        />
        <Select
          label={t('chart.pathTo')}
          searchable
          clearable
          data={options}
          value={pathEnds.to}
          onChange={(value) => onPathEnd('to', value)}
          limit={50}
        />
      </Group>
      <Group gap="xs">
        <Button onClick={onFindPath} disabled={!pathEnds.from || !pathEnds.to}>
          {t('chart.findPath')}
        </Button>
        <Button variant="default" onClick={onClearPath}>
          {t('chart.clearPath')}
        </Button>
      </Group>
      {path === null && <Text role="status">{t('chart.noPathShort')}</Text>}
      {path && (
        <Stack gap={4}>
          <Text fw={600} role="status">
            {t('chart.pathFound', { links: path.edgeIds.length })}
          </Text>
          <List type="ordered" aria-label={t('chart.pathSteps')} data-testid="chart-path-steps">
            {path.nodeIds.map((id) => (
              <List.Item key={id}>
                {captionOf(id)}{' '}
                <Text span size="sm" c="dimmed">
                  ({graph.hasNode(id) ? schemaName(graph.getNodeAttribute(id, 'type'), t) : ''})
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function CommunitiesPanel({
  graph,
  captionOf,
  communities,
  colourByCommunity,
  onColourByCommunity,
  shownCommunity,
  onShowCommunity,
}: Parameters<typeof AnalysisPanels>[0]) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack component="section" aria-labelledby="chart-communities" gap="xs">
      <Title order={2} size="h4" id="chart-communities">
        {t('chart.communities')}
      </Title>
      <Switch
        label={t('chart.colourByCommunity')}
        checked={colourByCommunity}
        onChange={(e) => onColourByCommunity(e.currentTarget.checked)}
      />
      {communities && (
        <>
          <Text role="status">
            {t('chart.communitiesFound', {
              count: communities.groups.length,
              modularity: Number.isNaN(communities.modularity)
                ? '–'
                : format.number(Number(communities.modularity.toFixed(2))),
            })}
          </Text>
          <List
            listStyleType="none"
            spacing={6}
            data-testid="chart-community-list"
            aria-label={t('chart.communityList')}
          >
            {communities.groups.slice(0, SHOWN_COMMUNITIES).map((members, index) => (
              <List.Item key={index}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Button
                    size="compact-xs"
                    style={{ flex: 'none' }}
                    variant={shownCommunity === index ? 'filled' : 'default'}
                    aria-pressed={shownCommunity === index}
                    onClick={() => onShowCommunity(shownCommunity === index ? null : index)}
                    aria-label={t('chart.highlightCommunity', { number: index + 1 })}
                  >
                    {t('chart.highlight')}
                  </Button>
                  <span
                    aria-hidden="true"
                    style={{
                      display: 'inline-block',
                      width: 14,
                      height: 14,
                      marginTop: 4,
                      borderRadius: 7,
                      background: colourOfCommunity(index),
                      flex: 'none',
                    }}
                  />
                  <Text size="sm">
                    <Text span fw={600}>
                      {t('chart.communityName', { number: index + 1, count: members.length })}
                    </Text>{' '}
                    {[...members]
                      .sort((a, b) => graph.degree(b) - graph.degree(a))
                      .slice(0, 6)
                      .map(captionOf)
                      .join(', ')}
                    {members.length > 6 ? ' …' : ''}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

function KeyPlayersPanel({ graph, captionOf, players, onRankPlayers }: Parameters<typeof AnalysisPanels>[0]) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack component="section" aria-labelledby="chart-key-players" gap="xs">
      <Title order={2} size="h4" id="chart-key-players">
        {t('chart.keyPlayers')}
      </Title>
      <Group gap="xs">
        <Button variant="default" onClick={onRankPlayers} disabled={graph.order === 0}>
          {t('chart.rankKeyPlayers')}
        </Button>
        {players && (
          <Text size="sm" role="status">
            {players.betweennessMethod === 'exact'
              ? t('chart.betweennessExact')
              : t('chart.betweennessSampled', { sources: players.sources, entities: graph.order })}
          </Text>
        )}
      </Group>
      {players && (
        <ScrollTable minWidth={640} label={t('chart.keyPlayersTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('chart.keyPlayersTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('chart.rank')}</Table.Th>
                <Table.Th scope="col">{t('chart.byDegree')}</Table.Th>
                <Table.Th scope="col">{t('chart.degree')}</Table.Th>
                <Table.Th scope="col">{t('chart.byBetweenness')}</Table.Th>
                <Table.Th scope="col">{t('chart.betweenness')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {players.byDegree.map((player, i) => {
                const between = players.byBetweenness[i];
                return (
                  <Table.Tr key={player.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{captionOf(player.id)}</Table.Td>
                    <Table.Td>{format.number(player.degree)}</Table.Td>
                    <Table.Td>{between ? captionOf(between.id) : ''}</Table.Td>
                    <Table.Td>
                      {between ? format.number(Number(between.betweenness.toFixed(3))) : ''}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
