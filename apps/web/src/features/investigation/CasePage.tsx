import { useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Badge, Center, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Case, EntitySummary, MatchSuggestion, Statement } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { JustificationModal, JustificationNeeded } from '../audit/JustificationModal.tsx';
import { CaseStatusBadge } from './CasesPage.tsx';
import { HandlingBadge, WRAPPING_BADGE } from './HandlingBadge.tsx';
import { investigationApi } from './investigation.api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One case: its header, team and entities. A case the user may not see does not exist. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const valid = UUID.test(caseId);
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => investigationApi.case(caseId),
    enabled: valid,
  });

  if (!valid || isApiError(found.error, 'not_found')) return <NotFoundPage />;
  if (found.isError) {
    return (
      <Page title={t('investigation.caseTitle')}>
        <ErrorAlert error={found.error} />
      </Page>
    );
  }
  if (found.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <CaseView record={found.data} />;
}

function CaseView({ record }: { record: Case }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<EntitySummary | null>(null);
  const entities = useQuery({
    queryKey: ['case', record.id, 'entities'],
    queryFn: () => investigationApi.entities(record.id),
  });

  return (
    <Page title={t('investigation.caseHeading', { reference: record.reference, title: record.title })}>
      <Group gap="lg" component="dl" style={{ margin: 0 }}>
        <Fact label={t('investigation.type')}>{t(`investigation.types.${record.type}`)}</Fact>
        <Fact label={t('investigation.jurisdiction')}>{t(`jurisdictions.${record.jurisdiction}`)}</Fact>
        <Fact label={t('investigation.handlingCode')}>
          <HandlingBadge code={record.handlingCode} />
        </Fact>
        <Fact label={t('investigation.status')}>
          <CaseStatusBadge status={record.status} />
        </Fact>
      </Group>
      {record.legalBasis && (
        <Text>
          <Text span fw={600}>
            {t('investigation.legalBasis')}:
          </Text>{' '}
          {record.legalBasis}
        </Text>
      )}
      <Stack component="section" aria-labelledby="case-team" gap="xs">
        <Title order={2} id="case-team">
          {t('investigation.team')}
        </Title>
        <List>
          {record.members.map((member) => (
            <List.Item key={member.userId}>
              {t('investigation.memberLine', {
                name: member.displayName,
                role: t(`investigation.memberRoles.${member.role}`),
              })}
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack component="section" aria-labelledby="case-entities" gap="xs">
        <Title order={2} id="case-entities">
          {t('investigation.entities')}
        </Title>
        {entities.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : entities.isError ? (
          <ErrorAlert error={entities.error} />
        ) : entities.data.length === 0 ? (
          <Text>{t('investigation.noEntities')}</Text>
        ) : (
          <ScrollTable minWidth={500} label={t('investigation.entitiesTable')}>
            <Table captionSide="top" striped highlightOnHover>
              <Table.Caption>{t('investigation.entitiesTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('investigation.caption')}</Table.Th>
                  <Table.Th scope="col">{t('investigation.schema')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entities.data.map((entity) => (
                  <Table.Tr key={entity.id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setSelected(entity)}
                        aria-current={selected?.id === entity.id ? 'true' : undefined}
                        fw={selected?.id === entity.id ? 700 : undefined}
                      >
                        {entity.caption}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{entity.schema}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      {selected && <EntityPanel key={selected.id} record={record} summary={selected} />}
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function EntityPanel({ record, summary }: { record: Case; summary: EntitySummary }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [askReason, setAskReason] = useState(true);
  const entity = useQuery({
    queryKey: ['case', record.id, 'entity', summary.id],
    queryFn: () => investigationApi.entity(record.id, summary.id),
    staleTime: 0,
  });
  const history = useQuery({
    queryKey: ['case', record.id, 'entity', summary.id, 'history'],
    queryFn: () => investigationApi.history(record.id, summary.id),
    enabled: entity.isSuccess,
    staleTime: 0,
  });
  const needsReason = isApiError(entity.error, 'justification_required');

  useEffect(() => {
    heading.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, []);

  return (
    <Stack component="section" aria-labelledby="entity-heading" gap="sm">
      <Title order={2} id="entity-heading" ref={heading}>
        {t('investigation.entityHeading', { caption: summary.caption, schema: summary.schema })}
      </Title>
      {needsReason ? (
        <JustificationNeeded text={t('investigation.justificationText')} onGive={() => setAskReason(true)} />
      ) : entity.isError ? (
        <ErrorAlert error={entity.error} />
      ) : entity.isPending || history.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : (
        <>
          <StatementsTable record={record} statements={history.data.statements} />
          {entity.data.suggestions.length > 0 && <Suggestions suggestions={entity.data.suggestions} />}
        </>
      )}
      <JustificationModal
        opened={needsReason && askReason}
        scope={`case:${record.id}`}
        onClose={() => setAskReason(false)}
        onGiven={() => {
          setAskReason(false);
          void entity.refetch();
        }}
      />
    </Stack>
  );
}

function StatementsTable({ record, statements }: { record: Case; statements: Statement[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useMemo(
    () => new Map(record.members.map((member) => [member.userId, member.displayName])),
    [record.members],
  );
  return (
    <Stack gap="xs">
      <Title order={3}>{t('investigation.statements')}</Title>
      {statements.length === 0 ? (
        <Text>{t('investigation.noStatements')}</Text>
      ) : (
        <ScrollTable minWidth={1100} label={t('investigation.statementsTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('investigation.statementsTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('investigation.property')}</Table.Th>
                <Table.Th scope="col">{t('investigation.value')}</Table.Th>
                <Table.Th scope="col">{t('investigation.kind')}</Table.Th>
                <Table.Th scope="col">{t('investigation.source')}</Table.Th>
                <Table.Th scope="col">{t('investigation.evaluation')}</Table.Th>
                <Table.Th scope="col">{t('investigation.handlingCode')}</Table.Th>
                <Table.Th scope="col">{t('investigation.recorded')}</Table.Th>
                <Table.Th scope="col">{t('investigation.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statements.map((s) => {
                const corrected = s.supersededBy !== null;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.property}</Table.Td>
                    <Table.Td td={corrected ? 'line-through' : undefined}>{s.value}</Table.Td>
                    <Table.Td>{t(`investigation.kinds.${s.kind}`)}</Table.Td>
                    <Table.Td>{s.source}</Table.Td>
                    <Table.Td>
                      <Text span fw={700}>
                        {`${s.evaluationSource}${s.evaluationInfo}`}
                      </Text>{' '}
                      <Text span size="sm">
                        {t('investigation.evaluationText', {
                          source: t(`investigation.sourceGrades.${s.evaluationSource}`),
                          info: t(`investigation.infoGrades.${s.evaluationInfo}`),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <HandlingBadge code={s.handlingCode} />
                    </Table.Td>
                    <Table.Td>
                      {t('investigation.recordedBy', {
                        name: names.get(s.recordedBy) ?? t('investigation.someoneElse'),
                        when: format.dateTime(s.recordedAt),
                      })}
                    </Table.Td>
                    <Table.Td>
                      {corrected ? (
                        <Badge variant="outline" color="gray.8" tt="none" styles={WRAPPING_BADGE}>
                          {t('investigation.corrected')}
                        </Badge>
                      ) : (
                        <Badge variant="outline" color="blue.9" tt="none" styles={WRAPPING_BADGE}>
                          {t('investigation.current')}
                        </Badge>
                      )}
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

const DECISIONS = ['same', 'possible', 'different'] as const;

interface FieldEvidence {
  field?: unknown;
  outcome?: unknown;
  detail?: unknown;
}

/** The matcher's own words: decision and what each field contributed. */
function explanationText(explanation: Record<string, unknown>): string {
  const fields = Array.isArray(explanation.fields) ? (explanation.fields as FieldEvidence[]) : [];
  return fields
    .map((f) => (typeof f.detail === 'string' ? f.detail : ''))
    .filter(Boolean)
    .join('; ');
}

function Suggestions({ suggestions }: { suggestions: MatchSuggestion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = useMemo(
    () => new Intl.NumberFormat(format.tag, { style: 'percent', maximumFractionDigits: 1 }),
    [format.tag],
  );
  const cases = useQuery({ queryKey: ['cases'], queryFn: investigationApi.cases });
  const referenceOf = (caseId: string) => cases.data?.find((c) => c.id === caseId)?.reference;
  return (
    <Stack gap="xs">
      <Title order={3}>{t('investigation.suggestions')}</Title>
      <Text>{t('investigation.suggestionsIntro')}</Text>
      <ScrollTable minWidth={800} label={t('investigation.suggestionsTable')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('investigation.suggestionsTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('investigation.score')}</Table.Th>
              <Table.Th scope="col">{t('investigation.otherCase')}</Table.Th>
              <Table.Th scope="col">{t('investigation.otherEntity')}</Table.Th>
              <Table.Th scope="col">{t('investigation.explanation')}</Table.Th>
              <Table.Th scope="col">{t('investigation.suggestionStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {suggestions.map((s) => {
              const decision = DECISIONS.find((d) => d === s.explanation.decision);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{percent.format(s.score)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${s.otherCaseId}`}>
                      {referenceOf(s.otherCaseId) ?? t('investigation.otherCaseLink')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.otherCaption}</Table.Td>
                  <Table.Td>
                    {decision && (
                      <Text span fw={600}>
                        {t(`investigation.decisions.${decision}`)}{' '}
                      </Text>
                    )}
                    {explanationText(s.explanation)}
                  </Table.Td>
                  <Table.Td>{t(`investigation.suggestionStatuses.${s.status}`)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
