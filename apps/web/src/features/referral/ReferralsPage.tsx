import { useState } from 'react';
import {
  Anchor,
  Center,
  Loader,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REFERRAL_STATUSES, type ReferralStatus } from '@veza/shared';
import { useMe } from '../auth/session.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { referralApi } from './referral.api.ts';
import { ReferralStatusBadge, useDestination, usePersonLabel, useReflectionText } from './ReferralBits.tsx';

const LIMIT = 25;
type Direction = 'all' | 'incoming' | 'outgoing';

/**
 * The referrals the user may see: an NGO's inbox (sent to its organisation), an officer's unit view,
 * a coordinator's whole jurisdiction, and what other jurisdictions referred to it.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const destination = useDestination();
  const personLabel = usePersonLabel();
  const reflectionText = useReflectionText();
  // Who sends no referral only receives them (an NGO's inbox); the capabilities say which.
  const receiverOnly = !me.capabilities.includes('referral.create');
  const [direction, setDirection] = useState<Direction>('all');
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const filter = {
    ...(status ? { status } : {}),
    ...(direction !== 'all' ? { direction } : {}),
    limit: LIMIT,
    offset,
  };
  const referrals = useQuery({
    queryKey: ['referrals', filter],
    queryFn: () => referralApi.referrals(filter),
  });
  const intro = receiverOnly
    ? t('referral.introInbox')
    : me.capabilities.includes('referral.acknowledge')
      ? t('referral.introCoordinator')
      : t('referral.introUnit');

  return (
    <Page title={receiverOnly ? t('referral.inboxTitle') : t('referral.listTitle')}>
      <Text>{intro}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="section" aria-label={t('common.filters')}>
        {!receiverOnly && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="referral-direction">
              {t('referral.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby="referral-direction"
              value={direction}
              onChange={(value) => {
                setDirection(value as Direction);
                setOffset(0);
              }}
              data={[
                { value: 'all', label: t('common.all') },
                { value: 'outgoing', label: t('referral.outgoing') },
                { value: 'incoming', label: t('referral.incoming') },
              ]}
            />
          </Stack>
        )}
        <NativeSelect
          label={t('referral.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as ReferralStatus | '');
            setOffset(0);
          }}
        >
          <option value="">{t('common.all')}</option>
          {REFERRAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`referral.statuses.${s}`)}
            </option>
          ))}
        </NativeSelect>
      </SimpleGrid>
      {referrals.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : referrals.isError ? (
        <ErrorAlert error={referrals.error} />
      ) : referrals.data.items.length === 0 ? (
        <Text>{t('referral.noReferrals')}</Text>
      ) : (
        <>
          <ScrollTable minWidth={900} label={t('referral.referralsTable')}>
            <Table captionSide="top" striped highlightOnHover>
              <Table.Caption>{t('referral.referralsTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('referral.reference')}</Table.Th>
                  <Table.Th scope="col">{t('referral.person')}</Table.Th>
                  <Table.Th scope="col">{t('referral.service')}</Table.Th>
                  <Table.Th scope="col">{t('referral.to')}</Table.Th>
                  <Table.Th scope="col">{t('referral.status')}</Table.Th>
                  <Table.Th scope="col">{t('referral.reflection')}</Table.Th>
                  <Table.Th scope="col">{t('referral.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {referrals.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/referrals/${r.id}`}>
                        {r.reference}
                      </Anchor>
                      {r.urgent && (
                        <Text size="xs" c="red.9" fw={600}>
                          {t('referral.urgent')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{personLabel(r)}</Table.Td>
                    <Table.Td>{t(`referral.services.${r.service}`)}</Table.Td>
                    <Table.Td>{destination(r)}</Table.Td>
                    <Table.Td>
                      <ReferralStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{r.reflection ? reflectionText(r) : '—'}</Table.Td>
                    <Table.Td>{format.dateTime(r.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Pager
            offset={offset}
            limit={LIMIT}
            total={referrals.data.total}
            onChange={setOffset}
            label={t('referral.pages')}
          />
        </>
      )}
    </Page>
  );
}
