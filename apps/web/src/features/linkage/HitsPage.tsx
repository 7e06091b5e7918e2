import { useState } from 'react';
import { Anchor, Button, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Hit, HitLists, OwnedHit } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { HandlingBadge } from '../cases/HandlingBadge.tsx';
import { linkageApi } from './linkage.api.ts';

/**
 * Hit/no-hit: for the requester, that a match exists, where, and a way to ask for access; for the
 * owner of the matched case, who found it and why they ask, to grant or refuse.
 */
export function HitsPage() {
  const { t } = useTranslation();
  const hits = useQuery({ queryKey: ['linkage', 'hits'], queryFn: linkageApi.hits, staleTime: 0 });
  return (
    <Page title={t('linkage.hitsTitle')}>
      <Text>{t('linkage.hitsIntro')}</Text>
      {hits.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : hits.isError ? (
        <ErrorAlert error={hits.error} />
      ) : (
        <>
          <MyHits hits={hits.data.mine} />
          <HitsOnMyCases hits={hits.data.onMyCases} />
        </>
      )}
    </Page>
  );
}

function MyHits({ hits }: { hits: Hit[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [asking, setAsking] = useState<Hit | null>(null);
  const [showing, setShowing] = useState<Hit | null>(null);
  return (
    <Stack component="section" aria-labelledby="my-hits" gap="xs">
      <Title order={2} id="my-hits">
        {t('linkage.mineTitle')}
      </Title>
      {hits.length === 0 ? (
        <Text>{t('linkage.noMine')}</Text>
      ) : (
        <ScrollTable minWidth={1000} label={t('linkage.mineTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('linkage.mineTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('linkage.yourRecord')}</Table.Th>
                <Table.Th scope="col">{t('linkage.kind')}</Table.Th>
                <Table.Th scope="col">{t('linkage.owningUnit')}</Table.Th>
                <Table.Th scope="col">{t('linkage.theirCase')}</Table.Th>
                <Table.Th scope="col">{t('linkage.found')}</Table.Th>
                <Table.Th scope="col">{t('linkage.status')}</Table.Th>
                <Table.Th scope="col">{t('linkage.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hits.map((hit) => (
                <Table.Tr key={hit.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${hit.caseId}`}>
                      {hit.caseReference}
                    </Anchor>
                    : {hit.entityCaption}
                  </Table.Td>
                  <Table.Td>{t(`linkage.kinds.${hit.kind}`)}</Table.Td>
                  <Table.Td>
                    {t('linkage.unitLine', {
                      unit: hit.owningUnit,
                      jurisdiction: t(`jurisdictions.${hit.owningJurisdiction}`),
                    })}
                  </Table.Td>
                  <Table.Td>{hit.otherCaseReference}</Table.Td>
                  <Table.Td>{format.dateTime(hit.createdAt)}</Table.Td>
                  <Table.Td>{t(`linkage.statuses.${hit.status}`)}</Table.Td>
                  <Table.Td>
                    {hit.status === 'notified' && (
                      <Button
                        size="xs"
                        aria-label={t('linkage.askAccessLabel', { reference: hit.otherCaseReference })}
                        onClick={() => setAsking(hit)}
                      >
                        {t('linkage.askAccess')}
                      </Button>
                    )}
                    {hit.status === 'granted' && (
                      <Button
                        size="xs"
                        variant="outline"
                        aria-label={t('linkage.showDetailsLabel', { reference: hit.otherCaseReference })}
                        onClick={() => setShowing(hit)}
                      >
                        {t('linkage.showDetails')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <AskAccessModal hit={asking} onClose={() => setAsking(null)} />
      {showing && <HitDetailsPanel hit={showing} />}
    </Stack>
  );
}

function AskAccessModal({ hit, onClose }: { hit: Hit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ask = useMutation({
    mutationFn: () => linkageApi.askAccess(hit?.id ?? '', reason.trim()),
    onSuccess: async () => {
      const asked = hit?.id;
      setReason('');
      onClose();
      // The row says "requested" at once; the list is then read again from the server.
      queryClient.setQueryData<HitLists>(
        ['linkage', 'hits'],
        (lists) =>
          lists && {
            ...lists,
            mine: lists.mine.map((h) => (h.id === asked ? { ...h, status: 'access_requested' as const } : h)),
          },
      );
      notifySuccess(t('linkage.requested'));
      await queryClient.invalidateQueries({ queryKey: ['linkage', 'hits'] });
    },
  });
  return (
    <Modal opened={hit !== null} onClose={onClose} title={t('linkage.askAccessTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < 10) {
            setTooShort(true);
            return;
          }
          ask.mutate();
        }}
      >
        <Stack gap="sm">
          <Text>{t('linkage.askAccessIntro', { reference: hit?.otherCaseReference ?? '' })}</Text>
          <Textarea
            label={t('linkage.reason')}
            description={t('linkage.reasonHelp')}
            value={reason}
            maxLength={2000}
            autosize
            minRows={3}
            required
            error={tooShort ? t('linkage.reasonTooShort') : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setTooShort(false);
            }}
          />
          {ask.isError && <ErrorAlert error={ask.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={ask.isPending}>
              {t('linkage.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function HitDetailsPanel({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  const details = useQuery({
    queryKey: ['linkage', 'hits', hit.id, 'details'],
    queryFn: () => linkageApi.hitDetails(hit.id),
    staleTime: 0,
  });
  if (details.isPending) return <Loader aria-label={t('common.loading')} />;
  if (details.isError) return <ErrorAlert error={details.error} />;
  const d = details.data;
  return (
    <Stack component="section" aria-labelledby="hit-details" gap="xs">
      <Title order={3} id="hit-details">
        {t('linkage.detailsTitle', {
          caption: d.caption,
          reference: d.otherCaseReference,
          unit: d.owningUnit,
        })}
      </Title>
      <Group gap="xs">
        <Text>{t('investigation.handlingCode')}:</Text>
        <HandlingBadge code={d.handlingCode} />
      </Group>
      <ScrollTable minWidth={700} label={t('investigation.statementsTable')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('investigation.statementsTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('investigation.property')}</Table.Th>
              <Table.Th scope="col">{t('investigation.value')}</Table.Th>
              <Table.Th scope="col">{t('investigation.source')}</Table.Th>
              <Table.Th scope="col">{t('investigation.evaluation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.statements.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.property}</Table.Td>
                <Table.Td>{s.value}</Table.Td>
                <Table.Td>{s.source}</Table.Td>
                <Table.Td>{`${s.evaluationSource}${s.evaluationInfo}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function HitsOnMyCases({ hits }: { hits: OwnedHit[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ hit, decision }: { hit: OwnedHit; decision: 'granted' | 'refused' }) =>
      linkageApi.decideAccess(hit.id, decision),
    onSuccess: async (_, { hit, decision }) => {
      await queryClient.invalidateQueries({ queryKey: ['linkage', 'hits'] });
      notifySuccess(
        t(decision === 'granted' ? 'linkage.granted' : 'linkage.refused', { name: hit.requesterName }),
      );
    },
  });
  return (
    <Stack component="section" aria-labelledby="hits-on-my-cases" gap="xs">
      <Title order={2} id="hits-on-my-cases">
        {t('linkage.onMyTitle')}
      </Title>
      {decide.isError && <ErrorAlert error={decide.error} />}
      {hits.length === 0 ? (
        <Text>{t('linkage.noOnMy')}</Text>
      ) : (
        <ScrollTable minWidth={1000} label={t('linkage.onMyTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('linkage.onMyTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('linkage.yourRecord')}</Table.Th>
                <Table.Th scope="col">{t('linkage.kind')}</Table.Th>
                <Table.Th scope="col">{t('linkage.requester')}</Table.Th>
                <Table.Th scope="col">{t('linkage.reason')}</Table.Th>
                <Table.Th scope="col">{t('linkage.found')}</Table.Th>
                <Table.Th scope="col">{t('linkage.status')}</Table.Th>
                <Table.Th scope="col">{t('linkage.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hits.map((hit) => (
                <Table.Tr key={hit.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${hit.caseId}`}>
                      {hit.caseReference}
                    </Anchor>
                    : {hit.entityCaption}
                  </Table.Td>
                  <Table.Td>{t(`linkage.kinds.${hit.kind}`)}</Table.Td>
                  <Table.Td>
                    {t('linkage.requesterLine', {
                      name: hit.requesterName,
                      unit: hit.requesterUnit,
                      jurisdiction: hit.requesterJurisdiction
                        ? t(`jurisdictions.${hit.requesterJurisdiction}`)
                        : t('linkage.regional'),
                    })}
                  </Table.Td>
                  <Table.Td>{hit.requestReason ?? '—'}</Table.Td>
                  <Table.Td>{format.dateTime(hit.createdAt)}</Table.Td>
                  <Table.Td>{t(`linkage.statuses.${hit.status}`)}</Table.Td>
                  <Table.Td>
                    {hit.canDecide && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          aria-label={t('linkage.grantLabel', {
                            name: hit.requesterName,
                            caption: hit.entityCaption,
                          })}
                          loading={decide.isPending}
                          onClick={() => decide.mutate({ hit, decision: 'granted' })}
                        >
                          {t('linkage.grant')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t('linkage.refuseLabel', {
                            name: hit.requesterName,
                            caption: hit.entityCaption,
                          })}
                          loading={decide.isPending}
                          onClick={() => decide.mutate({ hit, decision: 'refused' })}
                        >
                          {t('linkage.refuse')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
