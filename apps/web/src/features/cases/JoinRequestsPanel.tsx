import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Case } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { caseApi } from './cases.api.ts';

/** For the case owner: colleagues asking to join the team, with their reasons, to grant or refuse. */
export function JoinRequestsPanel({ record }: { record: Case }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: ['case', record.id, 'join-requests'],
    queryFn: () => caseApi.joinRequests(record.id),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'granted' | 'refused' }) =>
      caseApi.decide(record.id, id, decision),
    onSuccess: async (decided) => {
      await queryClient.invalidateQueries({ queryKey: ['case', record.id] });
      notifySuccess(
        t(decided.status === 'granted' ? 'casework.granted' : 'casework.refused', {
          name: decided.requesterName ?? '',
        }),
      );
    },
  });
  const pending = (requests.data ?? []).filter((r) => r.status === 'pending');
  if (requests.isPending || (requests.isSuccess && pending.length === 0)) return null;

  return (
    <Stack component="section" aria-labelledby="join-requests" gap="xs">
      <Title order={3} id="join-requests">
        {t('casework.joinRequests')}
      </Title>
      <ErrorAlert error={requests.error ?? decide.error} />
      {pending.length > 0 && (
        <ScrollTable minWidth={700} label={t('casework.joinRequests')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('casework.joinRequestsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('casework.requester')}</Table.Th>
                <Table.Th scope="col">{t('casework.reason')}</Table.Th>
                <Table.Th scope="col">{t('casework.asked')}</Table.Th>
                <Table.Th scope="col">{t('casework.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>
                    <Text span fw={600}>
                      {request.requesterName}
                    </Text>
                    {request.requesterUnit && <Text size="sm">{request.requesterUnit}</Text>}
                  </Table.Td>
                  <Table.Td>{request.reason}</Table.Td>
                  <Table.Td>{format.dateTime(request.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        loading={decide.isPending && decide.variables.id === request.id}
                        onClick={() => decide.mutate({ id: request.id, decision: 'granted' })}
                        aria-label={t('casework.grantLabel', { name: request.requesterName ?? '' })}
                      >
                        {t('casework.grant')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => decide.mutate({ id: request.id, decision: 'refused' })}
                        aria-label={t('casework.refuseLabel', { name: request.requesterName ?? '' })}
                      >
                        {t('casework.refuse')}
                      </Button>
                    </Group>
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
