import { useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Badge, Center, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isRelationshipType } from '@veza/graph/model';
import type { Case, EntitySummary, Statement } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { JustificationModal, JustificationNeeded } from '../audit/JustificationModal.tsx';
import { CaseStatusBadge } from './CasesPage.tsx';
import { HandlingBadge, WRAPPING_BADGE } from './HandlingBadge.tsx';
import { caseApi } from './cases.api.ts';
import { entityApi } from '../entities/entities.api.ts';
import { CanonicalPanel, SuggestionsPanel } from '../linkage/LinkagePanels.tsx';
import { ExchangeMenu } from '../exchange/ExchangeMenu.tsx';
import { NewEntityButton, StatementButton } from '../entities/EntityForms.tsx';
import { useEntityCaption } from '../entities/entity-caption.ts';
import { JoinRequestsPanel } from './JoinRequestsPanel.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One case: its header, team and entities. A case the user may not see does not exist. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const valid = UUID.test(caseId);
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => caseApi.case(caseId),
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
    queryFn: () => entityApi.entities(record.id),
  });
  const captionOf = useEntityCaption(entities.data);

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
      <Anchor component={Link} to={`/cases/${record.id}/chart`}>
        {t('chart.openChart')}
      </Anchor>
      <ExchangeMenu record={record} />
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
        {record.allowed.includes('case.manage_team') && <JoinRequestsPanel record={record} />}
      </Stack>
      <Stack component="section" aria-labelledby="case-entities" gap="xs">
        <Group justify="space-between">
          <Title order={2} id="case-entities">
            {t('investigation.entities')}
          </Title>
          {record.allowed.includes('case.edit') && entities.isSuccess && (
            <NewEntityButton record={record} entities={entities.data} />
          )}
        </Group>
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
                        {captionOf(entity)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {t(`casework.schemata.${entity.schema}`, { defaultValue: entity.schema })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      {selected && (
        <EntityPanel key={selected.id} record={record} summary={selected} entities={entities.data ?? []} />
      )}
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

function EntityPanel({
  record,
  summary,
  entities,
}: {
  record: Case;
  summary: EntitySummary;
  entities: EntitySummary[];
}) {
  const { t } = useTranslation();
  const captionOf = useEntityCaption(entities);
  const caption = captionOf(summary);
  // A relationship's caption already says what kind of link it is.
  const heading = isRelationshipType(summary.schema)
    ? caption
    : t('investigation.entityHeading', {
        caption,
        schema: t(`casework.schemata.${summary.schema}`, { defaultValue: summary.schema }),
      });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [askReason, setAskReason] = useState(true);
  const entity = useQuery({
    queryKey: ['case', record.id, 'entity', summary.id],
    queryFn: () => entityApi.entity(record.id, summary.id),
    staleTime: 0,
  });
  const history = useQuery({
    queryKey: ['case', record.id, 'entity', summary.id, 'history'],
    queryFn: () => entityApi.history(record.id, summary.id),
    enabled: entity.isSuccess,
    staleTime: 0,
  });
  const needsReason = isApiError(entity.error, 'justification_required');

  useEffect(() => {
    headingRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, []);

  return (
    <Stack component="section" aria-labelledby="entity-heading" gap="sm">
      <Title order={2} id="entity-heading" ref={headingRef}>
        {heading}
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
          <StatementsTable
            record={record}
            entity={summary}
            entities={entities}
            statements={history.data.statements}
          />
          {record.allowed.includes('case.edit') && (
            <Group>
              <StatementButton record={record} entity={summary} caption={caption} />
            </Group>
          )}
          {entity.data.canonicalId && <CanonicalPanel caseId={record.id} entityId={summary.id} />}
          {entity.data.suggestions.length > 0 && (
            <SuggestionsPanel entityId={summary.id} suggestions={entity.data.suggestions} />
          )}
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

function StatementsTable({
  record,
  entity,
  entities,
  statements,
}: {
  record: Case;
  entity: EntitySummary;
  entities: EntitySummary[];
  statements: Statement[];
}) {
  const canEdit = record.allowed.includes('case.edit');
  const { t } = useTranslation();
  const format = useFormat();
  const names = useMemo(
    () => new Map(record.members.map((member) => [member.userId, member.displayName])),
    [record.members],
  );
  // A relationship's ends and references (a passport's holder) hold an entity's id: show its caption.
  const captions = useMemo(() => new Map(entities.map((e) => [e.id, e.caption])), [entities]);
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
                {canEdit && <Table.Th scope="col">{t('casework.correct')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statements.map((s) => {
                const corrected = s.supersededBy !== null;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {t(`casework.properties.${s.property}`, { defaultValue: s.property })}
                    </Table.Td>
                    <Table.Td td={corrected ? 'line-through' : undefined}>
                      {captions.get(s.value) ?? s.value}
                    </Table.Td>
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
                    {canEdit && (
                      <Table.Td>
                        {!corrected && <StatementButton record={record} entity={entity} correcting={s} />}
                      </Table.Td>
                    )}
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
