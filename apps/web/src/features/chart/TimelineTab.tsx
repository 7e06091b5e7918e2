import { useMemo } from 'react';
import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseTimeline } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { chartApi } from './chart.api.ts';
import { colourOfType, CALLS_COLOUR } from './chart.model.ts';
import { schemaName } from '../entities/entity-caption.ts';
import { timeAxis, toTime } from './timeline.ts';

const WIDTH = 1000;
const LANE = 56;
const LEFT = 120;
const RIGHT = 24;

/** Events, calls and trips on one time axis, then when and between whom the phones were busy. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const timeline = useQuery({
    queryKey: ['case', caseId, 'timeline'],
    queryFn: () => chartApi.timeline(caseId),
  });
  if (timeline.isPending) return <Loader aria-label={t('common.loading')} />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} />;
  return <TimelineView timeline={timeline.data} />;
}

function TimelineView({ timeline }: { timeline: CaseTimeline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lanes = useMemo(() => {
    const schemas = [...new Set(timeline.items.map((i) => i.schema))].sort();
    return timeline.calls.total > 0 ? [...schemas, 'calls'] : schemas;
  }, [timeline]);
  const axis = useMemo(
    () =>
      timeAxis(
        [
          ...timeline.items.flatMap((i) => [i.start, i.end ?? i.start]),
          ...timeline.calls.perDay.map((d) => d.day),
        ],
        LEFT,
        WIDTH - RIGHT,
      ),
    [timeline],
  );
  const height = lanes.length * LANE + 40;
  const busiest = Math.max(1, ...timeline.calls.perDay.map((d) => d.count));

  return (
    <Stack gap="lg">
      <Stack component="section" aria-labelledby="timeline-axis" gap="xs">
        <Title order={2} size="h4" id="timeline-axis">
          {t('chart.timeline')}
        </Title>
        {lanes.length === 0 || !axis ? (
          <Text>{t('chart.timelineEmpty')}</Text>
        ) : (
          <svg
            viewBox={`0 0 ${WIDTH} ${height}`}
            width="100%"
            role="img"
            aria-label={t('chart.timelineLabel', {
              items: timeline.items.length,
              calls: timeline.calls.total,
            })}
            data-testid="timeline-svg"
          >
            {axis.ticks.map((tick, index) => (
              <g key={tick}>
                <line x1={axis.x(tick)} x2={axis.x(tick)} y1={8} y2={height - 28} stroke="#dee2e6" />
                <text
                  x={axis.x(tick)}
                  y={height - 10}
                  fontSize={12}
                  textAnchor={index === 0 ? 'start' : index === axis.ticks.length - 1 ? 'end' : 'middle'}
                  fill="#343a40"
                >
                  {format.date(new Date(tick).toISOString())}
                </text>
              </g>
            ))}
            {lanes.map((lane, index) => {
              const y = 16 + index * LANE + LANE / 2;
              return (
                <g key={lane}>
                  <text x={8} y={y + 4} fontSize={13} fill="#212529" fontWeight={600}>
                    {lane === 'calls' ? t('chart.callRecords') : schemaName(lane, t)}
                  </text>
                  <line x1={LEFT} x2={WIDTH - RIGHT} y1={y} y2={y} stroke="#adb5bd" />
                  {lane === 'calls'
                    ? timeline.calls.perDay.map((d) => {
                        const barHeight = ((LANE - 12) * d.count) / busiest;
                        return (
                          <rect
                            key={d.day}
                            x={axis.x(toTime(d.day)) - 2}
                            y={y + LANE / 2 - 6 - barHeight}
                            width={4}
                            height={barHeight}
                            fill={CALLS_COLOUR}
                          />
                        );
                      })
                    : timeline.items
                        .filter((i) => i.schema === lane)
                        .map((item, n) => {
                          const x1 = axis.x(toTime(item.start));
                          const x2 = item.end ? axis.x(toTime(item.end)) : x1;
                          const colour = colourOfType(item.schema);
                          return (
                            <g key={item.id}>
                              {x2 > x1 && (
                                <rect x={x1} y={y - 4} width={x2 - x1} height={8} fill={colour} rx={3} />
                              )}
                              <circle cx={x1} cy={y} r={6} fill={colour} />
                              <text x={x1 + 8} y={y + (n % 2 === 0 ? -10 : 20)} fontSize={12} fill="#212529">
                                {item.caption}
                              </text>
                            </g>
                          );
                        })}
                </g>
              );
            })}
          </svg>
        )}
        {timeline.items.length > 0 && (
          <ScrollTable minWidth={640} label={t('chart.timelineTable')}>
            <Table captionSide="top" striped>
              <Table.Caption>{t('chart.timelineTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.when')}</Table.Th>
                  <Table.Th scope="col">{t('chart.until')}</Table.Th>
                  <Table.Th scope="col">{t('chart.type')}</Table.Th>
                  <Table.Th scope="col">{t('chart.entity')}</Table.Th>
                  <Table.Th scope="col">{t('chart.evaluation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {timeline.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.start}</Table.Td>
                    <Table.Td>{item.end ?? '–'}</Table.Td>
                    <Table.Td>{schemaName(item.schema, t)}</Table.Td>
                    <Table.Td>{item.caption}</Table.Td>
                    <Table.Td>{item.evaluation ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      <CallsSection timeline={timeline} />
    </Stack>
  );
}

function heatColours(share: number): { background: string; color: string } {
  if (share === 0) return { background: '#ffffff', color: '#495057' };
  if (share <= 1 / 3) return { background: '#d0ebff', color: '#1f2933' };
  if (share <= 2 / 3) return { background: '#74c0fc', color: '#1f2933' };
  return { background: '#1864ab', color: '#ffffff' };
}

function CallsSection({ timeline }: { timeline: CaseTimeline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { calls } = timeline;
  const weekdays = useMemo(() => {
    const names = new Intl.DateTimeFormat(format.tag, { weekday: 'short', timeZone: 'UTC' });
    // 5 January 2026 was a Monday: ISO weekday 1.
    return Array.from({ length: 7 }, (_, i) => names.format(new Date(Date.UTC(2026, 0, 5 + i))));
  }, [format.tag]);
  const counts = new Map(calls.heat.map((h) => [`${h.weekday}:${h.hour}`, h.count]));
  const most = Math.max(1, ...calls.heat.map((h) => h.count));
  const minutes = (seconds: number) => format.number(Math.round(seconds / 60));

  return (
    <Stack component="section" aria-labelledby="timeline-calls" gap="xs">
      <Title order={2} size="h4" id="timeline-calls">
        {t('chart.callRecords')}
      </Title>
      {calls.total === 0 ? (
        <Text>{t('chart.noCalls')}</Text>
      ) : (
        <>
          <Text>
            {t('chart.callsSummary', {
              count: calls.total,
              first: format.dateTime(calls.first),
              last: format.dateTime(calls.last),
            })}
          </Text>
          <ScrollTable minWidth={1100} label={t('chart.heatTable')}>
            <Table captionSide="top" withTableBorder withColumnBorders fz="xs" data-testid="call-heat">
              <Table.Caption>{t('chart.heatTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.weekday')}</Table.Th>
                  {Array.from({ length: 24 }, (_, hour) => (
                    <Table.Th scope="col" key={hour} ta="center">
                      {String(hour).padStart(2, '0')}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weekdays.map((name, index) => (
                  <Table.Tr key={name}>
                    <Table.Th scope="row">{name}</Table.Th>
                    {Array.from({ length: 24 }, (_, hour) => {
                      const count = counts.get(`${index + 1}:${hour}`) ?? 0;
                      return (
                        <Table.Td key={hour} ta="center" style={heatColours(count / most)}>
                          {count > 0 ? format.number(count) : ''}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <ScrollTable minWidth={900} label={t('chart.pairsTable')}>
            <Table captionSide="top" striped data-testid="call-pairs">
              <Table.Caption>{t('chart.pairsTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.caller')}</Table.Th>
                  <Table.Th scope="col">{t('chart.callee')}</Table.Th>
                  <Table.Th scope="col">{t('chart.callCount')}</Table.Th>
                  <Table.Th scope="col">{t('chart.firstCall')}</Table.Th>
                  <Table.Th scope="col">{t('chart.lastCall')}</Table.Th>
                  <Table.Th scope="col">{t('chart.minutes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calls.pairs.slice(0, 50).map((pair) => (
                  <Table.Tr key={`${pair.callerId}:${pair.calleeId}`}>
                    <Table.Td>{pair.callerCaption}</Table.Td>
                    <Table.Td>{pair.calleeCaption}</Table.Td>
                    <Table.Td>{format.number(pair.count)}</Table.Td>
                    <Table.Td>{format.dateTime(pair.first)}</Table.Td>
                    <Table.Td>{format.dateTime(pair.last)}</Table.Td>
                    <Table.Td>{minutes(pair.totalSeconds)}</Table.Td>
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
