import { useMemo } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartNodeData } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { colourOfType } from './chart.model.ts';
import { schemaName } from '../entities/entity-caption.ts';
import { projectMap } from './map.ts';

const WIDTH = 960;
const HEIGHT = 560;

/** The places of the case where its own data says they are: a graticule and labelled points. */
export function MapTab({ nodes }: { nodes: readonly ChartNodeData[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const places = useMemo(
    () =>
      nodes
        .filter((n) => n.lat !== null && n.lon !== null)
        .map((n) => ({ id: n.id, label: n.caption || n.schema, lat: n.lat!, lon: n.lon!, schema: n.schema })),
    [nodes],
  );
  const map = useMemo(() => projectMap(places, WIDTH, HEIGHT), [places]);
  const degrees = (value: number) => `${format.number(Number(value.toFixed(4)))}°`;

  return (
    <Stack component="section" aria-labelledby="map-heading" gap="xs">
      <Title order={2} size="h4" id="map-heading">
        {t('chart.map')}
      </Title>
      {places.length === 0 ? (
        <Text>{t('chart.mapEmpty')}</Text>
      ) : (
        <>
          <Text size="sm">{t('chart.mapHelp', { step: degrees(map.step) })}</Text>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            width="100%"
            role="img"
            aria-label={t('chart.mapLabel', { count: places.length })}
            data-testid="map-svg"
            style={{ background: '#f8f9fa', border: '1px solid #ced4da' }}
          >
            {map.graticule.map((line) => (
              <g key={`${line.kind}${line.degrees}`}>
                <line
                  x1={line.x1}
                  y1={line.y1}
                  x2={line.x2}
                  y2={line.y2}
                  stroke="#ced4da"
                  strokeDasharray="4 4"
                />
                <text
                  x={line.kind === 'parallel' ? line.x1 - 4 : line.x1}
                  y={line.kind === 'parallel' ? line.y1 + 4 : line.y2 + 16}
                  textAnchor={line.kind === 'parallel' ? 'end' : 'middle'}
                  fontSize={11}
                  fill="#495057"
                >
                  {degrees(line.degrees)}
                </text>
              </g>
            ))}
            {map.points.map((p) => (
              <g key={p.id}>
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={6}
                  fill={colourOfType(places.find((x) => x.id === p.id)?.schema ?? '')}
                  stroke="#ffffff"
                />
                <text x={p.labelX} y={p.labelY} fontSize={13} fill="#212529">
                  {p.label}
                </text>
              </g>
            ))}
          </svg>
          <ScrollTable minWidth={560} label={t('chart.placesTable')}>
            <Table captionSide="top" striped>
              <Table.Caption>{t('chart.placesTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.entity')}</Table.Th>
                  <Table.Th scope="col">{t('chart.type')}</Table.Th>
                  <Table.Th scope="col">{t('chart.latitude')}</Table.Th>
                  <Table.Th scope="col">{t('chart.longitude')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {places.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.label}</Table.Td>
                    <Table.Td>{schemaName(p.schema, t)}</Table.Td>
                    <Table.Td>{degrees(p.lat)}</Table.Td>
                    <Table.Td>{degrees(p.lon)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
