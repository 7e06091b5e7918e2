import { useId, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Input,
  Loader,
  NativeSelect,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProvenanceFields } from '../entities/ProvenanceFields.tsx';
import { Link, useParams } from 'react-router-dom';
import {
  CALL_FIELDS,
  ENTITY_TARGETS,
  guessCallColumns,
  type Case,
  type CallField,
  type CaseImport,
  type EntityTarget,
  type ImportPreview,
  type ImportProvenance,
  type ImportTarget,
  type RejectedRow,
} from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { caseApi } from '../cases/cases.api.ts';
import { exchangeApi, fileAsBase64 } from './exchange.api.ts';

const NOT_MAPPED = -1;

/** `Person.name` → the message key of its label. */
export const targetKey = (target: string) => `exchange.targets.${target.replace('.', '_')}`;

export function ImportPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const found = useQuery({ queryKey: ['case', caseId], queryFn: () => caseApi.case(caseId) });
  if (found.isError) {
    return isApiError(found.error, 'not_found') ? <NotFoundPage /> : <ErrorAlert error={found.error} />;
  }
  if (found.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <ImportView record={found.data} />;
}

interface Chosen {
  file: File;
  content: string;
  preview: ImportPreview;
}

function ImportView({ record }: { record: Case }) {
  const { t } = useTranslation();
  const fileInputId = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [target, setTarget] = useState<ImportTarget>('calls');
  const [calls, setCalls] = useState<Record<CallField, number>>(() => guessCallColumns([]));
  const [columns, setColumns] = useState<(EntityTarget | '')[]>([]);
  const [provenance, setProvenance] = useState<ImportProvenance>({
    source: '',
    evaluationSource: 'X',
    evaluationInfo: 4,
    handlingCode: record.handlingCode,
    kind: 'fact',
  });
  const [importId, setImportId] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: async (file: File) => {
      const content = await fileAsBase64(file);
      return {
        file,
        content,
        preview: await exchangeApi.preview(record.id, { fileName: file.name, content }),
      };
    },
    onSuccess: (result) => {
      setChosen(result);
      setImportId(null);
      setCalls(guessCallColumns(result.preview.headers));
      setColumns(result.preview.headers.map(() => ''));
      setProvenance((p) => ({ ...p, source: p.source || result.file.name }));
    },
  });

  const start = useMutation({
    mutationFn: () => {
      if (!chosen) throw new Error('no file');
      const mapped = columns.flatMap((c, column) => {
        if (!c) return [];
        const [schema = '', property = ''] = c.split('.');
        return [{ column, schema, property }];
      });
      return exchangeApi.start(record.id, {
        fileName: chosen.file.name,
        content: chosen.content,
        target,
        provenance,
        ...(target === 'calls'
          ? { calls: { ...calls, cell: calls.cell === NOT_MAPPED ? null : calls.cell } }
          : { entities: mapped }),
      });
    },
    onSuccess: (started) => setImportId(started.id),
  });

  const isTable = chosen !== null && chosen.preview.fileType !== 'ftm';
  const callsComplete = (['caller', 'callee', 'start', 'duration'] as const).every(
    (f) => calls[f] !== NOT_MAPPED,
  );
  const ready =
    chosen !== null &&
    provenance.source.trim() !== '' &&
    (!isTable || (target === 'calls' ? callsComplete : columns.some((c) => c !== '')));

  return (
    <Page title={t('exchange.importTitle', { reference: record.reference, title: record.title })}>
      <Anchor component={Link} to={`/cases/${record.id}`}>
        {t('exchange.backToCase')}
      </Anchor>
      <Text>{t('exchange.importIntro')}</Text>
      <Input.Wrapper label={t('exchange.file')} description={t('exchange.fileHelp')} id={fileInputId}>
        <input
          id={fileInputId}
          type="file"
          accept=".csv,.xlsx,.jsonl,.ndjson,.json,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) preview.mutate(file);
          }}
        />
      </Input.Wrapper>
      {preview.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={preview.error} />
      {chosen && (
        <>
          {isTable ? (
            <SampleTable preview={chosen.preview} />
          ) : (
            <Text>{t('exchange.ftmFile', { lines: chosen.preview.rows })}</Text>
          )}
          {isTable && (
            <Stack component="section" aria-labelledby="import-mapping" gap="sm">
              <Title order={2} id="import-mapping">
                {t('exchange.mapping')}
              </Title>
              <SegmentedControl
                aria-label={t('exchange.target')}
                value={target}
                onChange={(v) => setTarget(v as ImportTarget)}
                data={[
                  { value: 'calls', label: t('exchange.targetCalls') },
                  { value: 'entities', label: t('exchange.targetEntities') },
                ]}
              />
              {target === 'calls' ? (
                <CallMappingFields headers={chosen.preview.headers} value={calls} onChange={setCalls} />
              ) : (
                <EntityMappingFields preview={chosen.preview} value={columns} onChange={setColumns} />
              )}
            </Stack>
          )}
          {isTable ? (
            <ProvenanceFields
              value={provenance}
              onChange={setProvenance}
              labels={{
                legend: t('exchange.provenance'),
                source: t('exchange.source'),
                sourceHelp: t('exchange.sourceHelp'),
                sourceGrade: t('exchange.sourceGrade'),
                infoGrade: t('exchange.infoGrade'),
              }}
            />
          ) : (
            <Text size="sm">{t('exchange.ftmProvenance')}</Text>
          )}
          <Group>
            <Button
              onClick={() => start.mutate()}
              disabled={!ready || importId !== null}
              loading={start.isPending}
            >
              {t('exchange.startImport')}
            </Button>
          </Group>
          <ErrorAlert error={start.error} />
        </>
      )}
      {importId && <ImportProgress caseId={record.id} importId={importId} />}
    </Page>
  );
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text>{t('exchange.rowsInFile', { rows: preview.rows })}</Text>
      <ScrollTable minWidth={500} label={t('exchange.sample')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('exchange.sample')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((h, i) => (
                <Table.Th key={i} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((row, r) => (
              <Table.Tr key={r}>
                {preview.headers.map((_, i) => (
                  <Table.Td key={i}>{row[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function CallMappingFields({
  headers,
  value,
  onChange,
}: {
  headers: string[];
  value: Record<CallField, number>;
  onChange: (value: Record<CallField, number>) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {CALL_FIELDS.map((field) => (
        <NativeSelect
          key={field}
          label={t(`exchange.callFields.${field}`)}
          required={field !== 'cell'}
          value={String(value[field])}
          onChange={(e) => onChange({ ...value, [field]: Number(e.currentTarget.value) })}
        >
          <option value={NOT_MAPPED}>{t('exchange.noColumn')}</option>
          {headers.map((h, i) => (
            <option key={i} value={i}>
              {h || t('exchange.columnNumber', { number: i + 1 })}
            </option>
          ))}
        </NativeSelect>
      ))}
    </SimpleGrid>
  );
}

function EntityMappingFields({
  preview,
  value,
  onChange,
}: {
  preview: ImportPreview;
  value: (EntityTarget | '')[];
  onChange: (value: (EntityTarget | '')[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">{t('exchange.entitiesHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {preview.headers.map((h, i) => (
          <NativeSelect
            key={i}
            label={h || t('exchange.columnNumber', { number: i + 1 })}
            description={preview.sample[0]?.[i] ?? ''}
            value={value[i] ?? ''}
            onChange={(e) => {
              const next = [...value];
              next[i] = e.currentTarget.value as EntityTarget | '';
              onChange(next);
            }}
          >
            <option value="">{t('exchange.notImported')}</option>
            {ENTITY_TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(targetKey(target))}
              </option>
            ))}
          </NativeSelect>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ImportProgress({ caseId, importId }: { caseId: string; importId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const polled = useQuery({
    queryKey: ['case', caseId, 'imports', importId],
    queryFn: async () => {
      const result = await exchangeApi.import(caseId, importId);
      if (result.status !== 'running')
        void queryClient.invalidateQueries({ queryKey: ['case', caseId, 'entities'] });
      return result;
    },
    refetchInterval: (query) =>
      query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 500,
  });
  if (polled.isError) return <ErrorAlert error={polled.error} />;
  if (!polled.data) return <Loader aria-label={t('common.loading')} />;
  const record = polled.data;
  const percent = record.total === 0 ? 100 : Math.round((record.processed / record.total) * 100);
  return (
    <Stack component="section" aria-labelledby="import-result" gap="sm">
      <Title order={2} id="import-result">
        {t('exchange.result')}
      </Title>
      {record.status === 'running' && (
        <>
          <Progress value={percent} aria-label={t('exchange.progress')} animated />
          <Text aria-live="polite">
            {t('exchange.processed', { processed: record.processed, total: record.total })}
          </Text>
        </>
      )}
      {record.status === 'failed' && (
        <Alert role="alert" color="red" variant="outline" title={t('exchange.failed')}>
          {t(`errors.${record.failure ?? 'internal_error'}`)}
        </Alert>
      )}
      {record.status === 'done' && <ImportReport caseId={caseId} record={record} />}
    </Stack>
  );
}

function ImportReport({ caseId, record }: { caseId: string; record: CaseImport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert role="status" color="teal.9" variant="outline" title={t('exchange.done')}>
        {t('exchange.summary', {
          imported: record.imported,
          rejected: record.rejected,
          suggestions: record.suggestions,
        })}
      </Alert>
      {record.suggestions > 0 && <Text>{t('exchange.suggestionsHint')}</Text>}
      <Group>
        <Anchor component={Link} to={`/cases/${caseId}`}>
          {t('exchange.backToCase')}
        </Anchor>
        <Anchor component={Link} to={`/cases/${caseId}/chart`}>
          {t('exchange.openChart')}
        </Anchor>
      </Group>
      {record.rejections.length > 0 && <RejectedTable rows={record.rejections} total={record.rejected} />}
    </Stack>
  );
}

function RejectedTable({ rows, total }: { rows: RejectedRow[]; total: number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Stack gap="xs">
      {total > rows.length && <Text>{t('exchange.rejectedShown', { shown: rows.length, total })}</Text>}
      <ScrollTable minWidth={500} label={t('exchange.rejectedTable')}>
        <Table captionSide="top" striped>
          <Table.Caption>{t('exchange.rejectedTable')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('exchange.row')}</Table.Th>
              <Table.Th scope="col">{t('exchange.reason')}</Table.Th>
              <Table.Th scope="col">{t('exchange.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.row}-${r.reason}`}>
                <Table.Td>{number(r.row)}</Table.Td>
                <Table.Td>
                  {t(`exchange.reasons.${r.reason}`, {
                    field: r.field
                      ? (CALL_FIELDS as readonly string[]).includes(r.field)
                        ? t(`exchange.callFields.${r.field}`)
                        : (ENTITY_TARGETS as readonly string[]).includes(r.field)
                          ? t(targetKey(r.field))
                          : r.field
                      : '',
                  })}
                </Table.Td>
                <Table.Td>{r.value ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
