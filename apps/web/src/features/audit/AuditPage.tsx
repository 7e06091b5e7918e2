import { useState } from 'react';
import {
  Alert,
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
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { IconCircleCheck, IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import {
  AUDIT_OPERATIONS,
  JURISDICTIONS,
  type AuditEntry,
  type AuditOperation,
  type JurisdictionCode,
} from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useCan } from '../auth/session.tsx';
import { auditApi, type AuditFilters } from './audit.api.ts';
import { JustificationModal, JustificationNeeded } from './JustificationModal.tsx';

const PAGE_SIZE = 50;

interface FilterValues {
  person: string;
  recordId: string;
  actor: string;
  operation: AuditOperation | '';
  jurisdiction: JurisdictionCode | '';
  from: string;
  to: string;
}

const EMPTY: FilterValues = {
  person: '',
  recordId: '',
  actor: '',
  operation: '',
  jurisdiction: '',
  from: '',
  to: '',
};

/** A calendar day typed in the date field, as the first or last instant of that day in local time. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toQuery(values: FilterValues, offset: number): AuditFilters {
  return {
    person: values.person.trim() || undefined,
    recordId: values.recordId.trim() || undefined,
    actor: values.actor.trim() || undefined,
    operation: values.operation || undefined,
    jurisdiction: values.jurisdiction || undefined,
    from: dayBoundary(values.from, false),
    to: dayBoundary(values.to, true),
    limit: PAGE_SIZE,
    offset,
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [draft, setDraft] = useState<FilterValues>(EMPTY);
  const [applied, setApplied] = useState<FilterValues>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [askReason, setAskReason] = useState(true);

  const query = toQuery(applied, offset);
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: () => auditApi.search(query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const needsReason = isApiError(entries.error, 'justification_required');

  const verify = useMutation({ mutationFn: auditApi.verify });

  const field = (name: keyof FilterValues) => ({
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [name]: e.currentTarget.value }),
  });

  return (
    <Page
      title={t('audit.title')}
      actions={
        can('audit.verify') && (
          <Button
            variant="default"
            leftSection={<IconShieldLock size={16} aria-hidden="true" />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        )
      }
    >
      {verify.isError && <ErrorAlert error={verify.error} />}
      {verify.data && (
        <Alert
          role="status"
          variant="outline"
          color={verify.data.ok ? 'teal.9' : 'red.9'}
          icon={
            verify.data.ok ? <IconCircleCheck aria-hidden="true" /> : <IconAlertTriangle aria-hidden="true" />
          }
          title={verify.data.ok ? t('audit.chainOk') : t('audit.chainBroken')}
        >
          {verify.data.ok
            ? t('audit.chainOkText', { checked: verify.data.checked })
            : t('audit.chainBrokenText', {
                checked: verify.data.checked,
                seq: verify.data.firstBrokenSeq ?? 0,
                reason: verify.data.reason ?? t('audit.noReason'),
              })}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="audit-filters">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setOffset(0);
            setApplied(draft);
          }}
        >
          <Stack>
            <Title order={2} fz="h4" id="audit-filters">
              {t('common.filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <TextInput label={t('audit.person')} {...field('person')} />
              <TextInput label={t('audit.recordId')} {...field('recordId')} />
              <TextInput label={t('audit.actor')} type="search" {...field('actor')} />
              <NativeSelect label={t('audit.operation')} {...field('operation')}>
                <option value="">{t('common.all')}</option>
                {AUDIT_OPERATIONS.map((op) => (
                  <option key={op} value={op}>
                    {t(`auditOperations.${op}`)}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect label={t('fields.jurisdiction')} {...field('jurisdiction')}>
                <option value="">{t('common.all')}</option>
                {JURISDICTIONS.map((code) => (
                  <option key={code} value={code}>
                    {t(`jurisdictions.${code}`)}
                  </option>
                ))}
              </NativeSelect>
              <TextInput label={t('audit.from')} type="date" {...field('from')} />
              <TextInput label={t('audit.to')} type="date" {...field('to')} />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t('common.search')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(EMPTY);
                  setApplied(EMPTY);
                  setOffset(0);
                }}
              >
                {t('common.clearFilters')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {needsReason ? (
        <JustificationNeeded text={t('justification.neededText')} onGive={() => setAskReason(true)} />
      ) : entries.isError ? (
        <ErrorAlert error={entries.error} />
      ) : entries.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <Stack component="section" aria-labelledby="audit-results">
          <Title order={2} id="audit-results">
            {t('audit.results')}
          </Title>
          <AuditTable entries={entries.data.items} />
          <Pager
            label={t('audit.pagination')}
            offset={offset}
            limit={PAGE_SIZE}
            total={entries.data.total}
            onChange={setOffset}
          />
        </Stack>
      )}

      <JustificationModal
        opened={needsReason && askReason}
        scope="audit"
        onClose={() => setAskReason(false)}
        onGiven={() => {
          setAskReason(false);
          void entries.refetch();
        }}
      />
    </Page>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  // Policy actions and the events of signing in and administration both have messages; the
  // technical name stays beneath for the DPO who searches by it.
  const actionLabel = (action: string): string =>
    i18n.exists(`auditActions.${action}`) ? t(`auditActions.${action}`) : t(`actions.${action}`, action);
  const format = useFormat();
  if (entries.length === 0) return <Text>{t('audit.empty')}</Text>;
  return (
    <ScrollTable minWidth={1000} label={t('audit.caption')}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.operation')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.actorColumn')}</Table.Th>
            <Table.Th scope="col">{t('audit.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.subject')}</Table.Th>
            <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
            <Table.Th scope="col">{t('audit.justification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Th scope="row" fw={400}>
                {entry.seq}
              </Table.Th>
              <Table.Td className="nowrap">{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>{t(`auditOperations.${entry.operation}`)}</Table.Td>
              <Table.Td>
                {actionLabel(entry.action)}
                <Text size="xs" c="dimmed">
                  <code>{entry.action}</code>
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.actorEmail ?? t('audit.noActor')}
                {entry.actorJurisdiction && (
                  <Text size="xs" c="dimmed">
                    {t(`jurisdictions.${entry.actorJurisdiction}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {entry.recordType ?? ''}
                {entry.recordId && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {entry.recordId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{entry.subjectLabel ?? entry.subjectId ?? ''}</Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  fw={entry.outcome === 'allowed' ? 400 : 700}
                  c={entry.outcome === 'allowed' ? undefined : 'red.9'}
                >
                  {t(`audit.outcomes.${entry.outcome}`)}
                </Text>
              </Table.Td>
              <Table.Td>{entry.justification ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
