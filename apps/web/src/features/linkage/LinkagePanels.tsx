import { useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MatchSuggestion } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { WRAPPING_BADGE } from '../cases/HandlingBadge.tsx';
import { caseApi } from '../cases/cases.api.ts';
import { linkageApi } from './linkage.api.ts';

const DECISIONS = ['same', 'possible', 'different'] as const;
const FIELDS = [
  'name',
  'birthDate',
  'gender',
  'nationality',
  'personalId',
  'document',
  'phone',
  'email',
  'plate',
  'iban',
  'address',
] as const;
const OUTCOMES = ['agree', 'partial', 'disagree'] as const;

interface FieldEvidence {
  field?: unknown;
  outcome?: unknown;
  detail?: unknown;
}

/** The matcher's reasons, one line per field: what it compared, how it came out, in its own words. */
export function Explanation({ explanation }: { explanation: Record<string, unknown> }) {
  const { t } = useTranslation();
  const fields = Array.isArray(explanation.fields) ? (explanation.fields as FieldEvidence[]) : [];
  // "Probably the same person" is the matcher's verdict on names; a shared number speaks for itself.
  const decision = fields.some((f) => f.field === 'name')
    ? DECISIONS.find((d) => d === explanation.decision)
    : undefined;
  return (
    <Stack gap={2}>
      {decision && (
        <Text span fw={600}>
          {t(`investigation.decisions.${decision}`)}
        </Text>
      )}
      <List size="sm" spacing={0}>
        {fields.map((f, i) => {
          const field = FIELDS.find((x) => x === f.field);
          const outcome = OUTCOMES.find((x) => x === f.outcome);
          return (
            <List.Item key={i}>
              {field ? t(`linkage.fields.${field}`) : String(f.field)}
              {outcome ? ` (${t(`linkage.outcomes.${outcome}`)})` : ''}
              {typeof f.detail === 'string' ? `: ${f.detail}` : ''}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/**
 * Matches found in other cases the user may see, with the matcher's explanation. Pending ones can be
 * confirmed (both become one entity) or rejected (never suggested again).
 */
export function SuggestionsPanel({
  entityId,
  suggestions,
}: {
  entityId: string;
  suggestions: MatchSuggestion[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const percent = useMemo(
    () => new Intl.NumberFormat(format.tag, { style: 'percent', maximumFractionDigits: 1 }),
    [format.tag],
  );
  const cases = useQuery({ queryKey: ['cases'], queryFn: caseApi.cases });
  const referenceOf = (id: string) => cases.data?.find((c) => c.id === id)?.reference;
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirmed' | 'rejected' }) =>
      linkageApi.decide(id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (outcome) => {
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['case'] });
      notifySuccess(t(outcome.status === 'confirmed' ? 'linkage.confirmed' : 'linkage.rejected'));
    },
  });
  const pending = suggestions.some((s) => s.status === 'pending');
  return (
    <Stack component="section" aria-labelledby={`suggestions-${entityId}`} gap="xs">
      <Title order={3} id={`suggestions-${entityId}`}>
        {t('linkage.suggestionsTitle')}
      </Title>
      <Text>{t('linkage.suggestionsIntro')}</Text>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <ScrollTable minWidth={900} label={t('investigation.suggestionsTable')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('investigation.suggestionsTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('investigation.score')}</Table.Th>
              <Table.Th scope="col">{t('investigation.otherCase')}</Table.Th>
              <Table.Th scope="col">{t('investigation.otherEntity')}</Table.Th>
              <Table.Th scope="col">{t('investigation.explanation')}</Table.Th>
              <Table.Th scope="col">{t('investigation.suggestionStatus')}</Table.Th>
              <Table.Th scope="col">{t('linkage.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {suggestions.map((s) => {
              const reference = referenceOf(s.otherCaseId) ?? t('investigation.otherCaseLink');
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{percent.format(s.score)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${s.otherCaseId}`}>
                      {reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.otherCaption}</Table.Td>
                  <Table.Td>
                    <Explanation explanation={s.explanation} />
                  </Table.Td>
                  <Table.Td>{t(`investigation.suggestionStatuses.${s.status}`)}</Table.Td>
                  <Table.Td>
                    {s.status === 'pending' && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          aria-label={t('linkage.confirmLabel', { caption: s.otherCaption, reference })}
                          loading={decide.isPending}
                          onClick={() => decide.mutate({ id: s.id, decision: 'confirmed' })}
                        >
                          {t('linkage.confirm')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t('linkage.rejectLabel', { caption: s.otherCaption, reference })}
                          loading={decide.isPending}
                          onClick={() => decide.mutate({ id: s.id, decision: 'rejected' })}
                        >
                          {t('linkage.reject')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {pending && (
        <TextInput
          label={t('linkage.decisionNote')}
          description={t('linkage.decisionNoteHelp')}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

/**
 * An entity joined with the same entity in other cases: every statement of every member the user
 * may see, each with its case, and a Split action for the members of cases the user works on.
 */
export function CanonicalPanel({ caseId, entityId }: { caseId: string; entityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canonical = useQuery({
    queryKey: ['case', caseId, 'entity', entityId, 'canonical'],
    queryFn: () => linkageApi.canonical(caseId, entityId),
    staleTime: 0,
  });
  const split = useMutation({
    mutationFn: (member: { caseId: string; entityId: string }) =>
      linkageApi.split(member.caseId, member.entityId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case'] });
      notifySuccess(t('linkage.splitDone'));
    },
  });
  if (canonical.isPending) return <Loader aria-label={t('common.loading')} />;
  if (canonical.isError) return <ErrorAlert error={canonical.error} />;
  const members = canonical.data.members;
  return (
    <Stack component="section" aria-labelledby={`canonical-${entityId}`} gap="xs">
      <Title order={3} id={`canonical-${entityId}`}>
        {t('linkage.canonicalTitle')}
      </Title>
      <Text>{t('linkage.canonicalIntro', { count: members.length })}</Text>
      {split.isError && <ErrorAlert error={split.error} />}
      <ScrollTable minWidth={900} label={t('linkage.canonicalTable')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('linkage.canonicalTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('linkage.case')}</Table.Th>
              <Table.Th scope="col">{t('linkage.entity')}</Table.Th>
              <Table.Th scope="col">{t('investigation.property')}</Table.Th>
              <Table.Th scope="col">{t('investigation.value')}</Table.Th>
              <Table.Th scope="col">{t('investigation.source')}</Table.Th>
              <Table.Th scope="col">{t('investigation.evaluation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.flatMap((m) =>
              m.statements.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${m.caseId}`}>
                      {m.caseReference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {m.caption}{' '}
                    {m.canonical && (
                      <Badge variant="outline" color="blue.9" tt="none" styles={WRAPPING_BADGE}>
                        {t('linkage.canonicalMark')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.property}</Table.Td>
                  <Table.Td>{s.value}</Table.Td>
                  <Table.Td>{s.source}</Table.Td>
                  <Table.Td>{`${s.evaluationSource}${s.evaluationInfo}`}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group gap="xs">
        {members
          .filter((m) => m.canSplit)
          .map((m) => (
            <Button
              key={m.entityId}
              size="xs"
              variant="outline"
              color="red.9"
              loading={split.isPending}
              onClick={() => split.mutate({ caseId: m.caseId, entityId: m.entityId })}
            >
              {t('linkage.splitLabel', { caption: m.caption, reference: m.caseReference })}
            </Button>
          ))}
      </Group>
    </Stack>
  );
}
