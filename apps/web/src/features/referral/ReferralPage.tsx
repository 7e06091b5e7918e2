import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Referral, ReferralTransition } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { PdfLink } from '../documents/PdfLink.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { referralApi } from './referral.api.ts';
import { ReferralStatusBadge, useDestination, usePersonLabel, useReflectionText } from './ReferralBits.tsx';
import { IdentityPanel } from './IdentityPanel.tsx';

type Move = ReferralTransition['to'];

/** Which buttons a status offers, and the policy action each needs. */
const MOVES: { to: Move; from: Referral['status'][]; action: Referral['allowed'][number] }[] = [
  { to: 'sent', from: ['proposed'], action: 'referral.send' },
  { to: 'accepted', from: ['sent'], action: 'referral.respond' },
  { to: 'declined', from: ['sent'], action: 'referral.respond' },
  { to: 'in_service', from: ['accepted'], action: 'referral.respond' },
  { to: 'closed', from: ['proposed', 'sent', 'accepted', 'in_service'], action: 'referral.close' },
];

/** One referral: status and its actions, the reflection clock, the acknowledgement date, the timeline. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { referralId = '' } = useParams();
  const referral = useQuery({
    queryKey: ['referral', referralId],
    queryFn: () => referralApi.referral(referralId),
  });
  if (referral.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (referral.isError) {
    return (
      <Page title={t('referral.notFoundTitle')}>
        {isApiError(referral.error, 'not_found') ? (
          <Text>{t('referral.notFound')}</Text>
        ) : (
          <ErrorAlert error={referral.error} />
        )}
        <Anchor component={Link} to="/referrals">
          {t('referral.backToList')}
        </Anchor>
      </Page>
    );
  }
  return <ReferralView referral={referral.data} />;
}

function ReferralView({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const destination = useDestination();
  const personLabel = usePersonLabel();
  const reflectionText = useReflectionText();
  const [asking, setAsking] = useState<'declined' | 'closed' | null>(null);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (body: ReferralTransition) => referralApi.move(r.id, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['referral', r.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      notifySuccess(t('referral.movedNotice', { status: t(`referral.statuses.${updated.status}`) }));
      setAsking(null);
      setReason('');
    },
  });
  const acknowledge = useMutation({
    mutationFn: () => referralApi.acknowledge(r.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(['referral', r.id], updated);
      notifySuccess(t('referral.acknowledgedNotice'));
    },
  });
  const reasonMissing =
    isApiError(move.error, 'validation_failed') && move.error.errors.some((e) => e.path.endsWith('reason'));
  const moves = MOVES.filter((m) => m.from.includes(r.status) && r.allowed.includes(m.action));
  const canAcknowledge =
    r.kind === 'transnational' && !r.acknowledgedAt && r.allowed.includes('referral.acknowledge');
  const overdue = r.acknowledgeBy && !r.acknowledgedAt && Date.parse(r.acknowledgeBy) < Date.now();

  return (
    <Page
      title={t('referral.referralTitle', { reference: r.reference })}
      actions={
        <Group gap="xs">
          <PdfLink
            href={`/api/referrals/${encodeURIComponent(r.id)}/form.pdf`}
            label={t('documents.referralForm')}
          />
          {canAcknowledge && (
            <Button variant="default" onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
              {t('referral.acknowledge')}
            </Button>
          )}
          {moves.map((m) => (
            <Button
              key={m.to}
              variant={m.to === 'declined' || m.to === 'closed' ? 'default' : 'filled'}
              loading={move.isPending && move.variables?.to === m.to}
              onClick={() =>
                m.to === 'declined' || m.to === 'closed' ? setAsking(m.to) : move.mutate({ to: m.to })
              }
            >
              {t(`referral.moves.${m.to}`)}
            </Button>
          ))}
        </Group>
      }
    >
      {!asking && <ErrorAlert error={move.error ?? acknowledge.error} />}
      <Group gap="xs">
        <ReferralStatusBadge status={r.status} />
        {r.urgent && (
          <Badge color="red.9" variant="outline" tt="none">
            {t('referral.urgent')}
          </Badge>
        )}
        <Badge color="gray.8" variant="outline" tt="none">
          {t(`referral.kinds.${r.kind}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('referral.details')}
            </Title>
            <Detail label={t('referral.person')} value={personLabel(r)} />
            <Detail label={t('referral.service')} value={t(`referral.services.${r.service}`)} />
            <Detail label={t('referral.to')} value={destination(r)} />
            <Detail label={t('referral.from')} value={t(`jurisdictions.${r.fromJurisdiction}`)} />
            <Detail
              label={t('referral.createdBy')}
              value={`${r.createdBy.displayName}, ${format.dateTime(r.createdAt)}`}
            />
            <Detail
              label={t('referral.shared')}
              value={
                r.sharedScope.length === 0
                  ? t('referral.sharedNothing')
                  : r.sharedScope
                      .map((part) => t(`referral.scope.${part}`, { defaultValue: part }))
                      .join(', ')
              }
            />
            {r.status !== 'proposed' &&
              r.sharedScope.some((part) => part === 'identity' || part === 'contact') && (
                <IdentityPanel referralId={r.id} />
              )}
            {r.declineReason && <Detail label={t('referral.declineReason')} value={r.declineReason} />}
            {r.closeReason && <Detail label={t('referral.closeReason')} value={r.closeReason} />}
            {r.message && <Detail label={t('referral.message')} value={r.message} />}
          </Stack>
        </Card>
        <Stack>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('referral.reflection')}
              </Title>
              {r.reflection ? (
                <>
                  <Text fw={600} size="lg">
                    {reflectionText(r)}
                  </Text>
                  <Progress
                    value={Math.min(
                      100,
                      Math.max(
                        0,
                        ((Date.now() - Date.parse(r.reflection.startsAt)) /
                          (Date.parse(r.reflection.endsAt) - Date.parse(r.reflection.startsAt))) *
                          100,
                      ),
                    )}
                    aria-label={t('referral.reflectionProgress')}
                    color={r.reflection.daysLeft <= 7 ? 'red.9' : 'teal.9'}
                  />
                  <Text size="sm">
                    {t('referral.reflectionRange', {
                      from: format.date(r.reflection.startsAt),
                      to: format.date(r.reflection.endsAt),
                    })}
                  </Text>
                </>
              ) : (
                <Text size="sm">{t('referral.reflectionNotStarted')}</Text>
              )}
            </Stack>
          </Card>
          {r.kind === 'transnational' && (
            <Card withBorder>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('referral.acknowledgement')}
                </Title>
                {r.acknowledgedAt ? (
                  <Text size="sm">
                    {t('referral.acknowledgedOn', { date: format.dateTime(r.acknowledgedAt) })}
                  </Text>
                ) : r.acknowledgeBy ? (
                  <Alert
                    color={overdue ? 'red.9' : 'blue.9'}
                    variant="outline"
                    icon={<IconClockHour4 aria-hidden="true" />}
                  >
                    {overdue
                      ? t('referral.acknowledgeOverdue', { date: format.date(r.acknowledgeBy) })
                      : t('referral.acknowledgeBy', { date: format.date(r.acknowledgeBy) })}
                  </Alert>
                ) : (
                  <Text size="sm">{t('referral.acknowledgeAfterSending')}</Text>
                )}
              </Stack>
            </Card>
          )}
        </Stack>
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="referral-timeline">
        <Title order={2} size="h4" id="referral-timeline">
          {t('referral.timeline')}
        </Title>
        <Timeline active={r.timeline.length - 1} bulletSize={14} lineWidth={2} color="blue.9">
          {r.timeline.map((event, index) => (
            <Timeline.Item key={`${event.at}-${index}`} title={t(`referral.events.${event.type}`)}>
              <Text size="sm">
                {event.actor ? event.actor.displayName : t('referral.system')} · {format.dateTime(event.at)}
              </Text>
              {event.note && (
                <Text size="sm" fs="italic">
                  {event.type === 'reminder'
                    ? t(`referral.reminders.${event.note}`, { defaultValue: event.note })
                    : event.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
      <Anchor component={Link} to="/referrals">
        {t('referral.backToList')}
      </Anchor>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`referral.moves.${asking}`) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (asking) move.mutate({ to: asking, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          }}
          noValidate
        >
          <Stack>
            {!reasonMissing && <ErrorAlert error={move.error} />}
            <Textarea
              error={reasonMissing ? t('referral.reasonRequired') : undefined}
              label={asking === 'declined' ? t('referral.declineReason') : t('referral.closeReason')}
              required={asking === 'declined'}
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={move.isPending}>
                {asking ? t(`referral.moves.${asking}`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Page>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600} component="div">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}
