import { useEffect, useState } from 'react';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OPEN_REQUEST_STATUSES, type RequestStatus, type RequestSummary } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';

const STATUS_COLOUR: Record<RequestStatus, string> = {
  drafted: 'gray.8',
  sent: 'blue.9',
  received: 'blue.9',
  in_progress: 'grape.9',
  answered_partly: 'teal.9',
  answered_fully: 'teal.9',
  refused: 'red.9',
  withdrawn: 'gray.8',
};

const WRAPPING = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLOUR[status]} tt="none" styles={WRAPPING}>
      {t(`requests.statuses.${status}`)}
    </Badge>
  );
}

/** The current time, refreshed every 30 seconds: enough for a countdown shown in minutes. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Days, hours and minutes of a span, rounded down to the minute. */
function parts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/**
 * The time left to answer an open request, or by how much it is late, with the due moment in the
 * user's own time zone. Closed and unsent requests show no clock.
 */
export function Countdown({
  request,
  now,
}: {
  request: Pick<RequestSummary, 'status' | 'dueAt'>;
  now: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!request.dueAt || !OPEN_REQUEST_STATUSES.includes(request.status)) return <Text span>—</Text>;
  const left = Date.parse(request.dueAt) - now;
  const span = parts(Math.abs(left));
  const text = left >= 0 ? t('requests.timeLeft', span) : t('requests.overdueBy', span);
  return (
    <Text span c={left < 0 ? 'red.9' : undefined} fw={left < 0 ? 600 : undefined} data-testid="countdown">
      {text}{' '}
      <Text span size="sm" c="dimmed">
        ({t('requests.dueAt', { date: format.dateTime(request.dueAt) })})
      </Text>
    </Text>
  );
}
