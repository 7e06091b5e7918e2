import { useMemo, useState } from 'react';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORM_SCHEMATA, FORM_SCHEMA_NAMES, type FormSchema } from '@veza/model/forms';
import { type Case, type EntitySummary, type Statement, type StatementInput } from '@veza/shared';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { fieldProblemMessage } from '../../ui/validation.ts';
import { notifySuccess } from '../../ui/notify.ts';
import { ProvenanceFields, type Provenance, type ProvenanceLabels } from './ProvenanceFields.tsx';
import { entityApi } from './entities.api.ts';
import { entityCaption } from './entity-caption.ts';

function initialProvenance(record: Case): Provenance {
  return {
    source: '',
    evaluationSource: 'B',
    evaluationInfo: 2,
    handlingCode: record.handlingCode,
    kind: 'fact',
  };
}

/** The case's own words for the provenance fields. */
function useProvenanceLabels(): ProvenanceLabels {
  const { t } = useTranslation();
  return {
    legend: t('casework.provenance'),
    source: t('investigation.source'),
    sourceHelp: t('casework.sourceHelp'),
    sourceGrade: t('casework.sourceGrade'),
    infoGrade: t('casework.infoGrade'),
  };
}

const formOf = (schema: string): FormSchema | undefined =>
  (FORM_SCHEMATA as Record<string, FormSchema>)[schema];

/** "New entity": a person, phone, vehicle ... or a relationship between two entities of the case. */
export function NewEntityButton({ record, entities }: { record: Case; entities: EntitySummary[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={() => setOpen(true)}
      >
        {t('casework.newEntity')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('casework.newEntityTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && <NewEntityForm record={record} entities={entities} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function NewEntityForm({
  record,
  entities,
  onClose,
}: {
  record: Case;
  entities: EntitySummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useProvenanceLabels();
  const queryClient = useQueryClient();
  const [schema, setSchema] = useState<string>('Person');
  const [values, setValues] = useState<Record<string, string>>({});
  const [provenance, setProvenance] = useState(() => initialProvenance(record));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const form = formOf(schema);
  const things = entities.filter((e) => !formOf(e.schema)?.ends);

  const caption = useMemo(() => {
    if (form?.ends) {
      const [source, target] = form.ends.map((end) => things.find((e) => e.id === values[end])?.caption);
      return source && target ? `${source} → ${target}` : '';
    }
    return (
      values.name ??
      values.number ??
      values.registrationNumber ??
      values.iban ??
      values.full ??
      ''
    ).trim();
  }, [form, things, values]);

  const [unplaced, setUnplaced] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (statements: StatementInput[]) =>
      entityApi.createEntity(record.id, { schema, caption, statements }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['case', record.id, 'entities'] });
      const [source, target] = form?.ends ?? [];
      const ends =
        source && target ? { source: [values[source] ?? ''], target: [values[target] ?? ''] } : undefined;
      const named = entityCaption({ ...created, ends }, (id) => things.find((e) => e.id === id)?.caption, t);
      notifySuccess(t('casework.entityCreated', { caption: named }));
      onClose();
    },
    onError: (error, statements) => {
      // The server names the statement ("statements.2.value"); the form shows it on its field.
      const placed: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const problem of error.errors) {
          const index = /^(?:body\.)?statements\.(\d+)\./.exec(problem.path)?.[1];
          const property = index === undefined ? undefined : statements[Number(index)]?.property;
          if (property) placed[property] = fieldProblemMessage(t, problem);
        }
      }
      setProblems(placed);
      setUnplaced(Object.keys(placed).length > 0 ? null : error);
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!provenance.source.trim()) found.source = t('casework.sourceRequired');
    for (const end of form?.ends ?? []) if (!values[end]) found[end] = t('casework.endRequired');
    if (!form?.ends && !caption) found.caption = t('casework.captionRequired');
    setProblems(found);
    setUnplaced(null);
    if (Object.keys(found).length > 0) return;
    const names = [...(form?.ends ?? []), ...(form?.properties ?? [])];
    create.mutate(
      names
        .filter((name) => (values[name] ?? '').trim() !== '')
        .map((name) => ({ property: name, value: (values[name] ?? '').trim(), ...provenance })),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={unplaced} />
        <NativeSelect
          label={t('casework.schema')}
          value={schema}
          data-autofocus
          onChange={(e) => {
            setSchema(e.currentTarget.value);
            setValues({});
            setProblems({});
          }}
        >
          <optgroup label={t('casework.things')}>
            {FORM_SCHEMA_NAMES.filter((name) => !formOf(name)?.ends).map((name) => (
              <option key={name} value={name}>
                {t(`casework.schemata.${name}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('casework.relationships')}>
            {FORM_SCHEMA_NAMES.filter((name) => formOf(name)?.ends).map((name) => (
              <option key={name} value={name}>
                {t(`casework.schemata.${name}`)}
              </option>
            ))}
          </optgroup>
        </NativeSelect>
        {form?.ends && things.length < 2 && <Text c="dimmed">{t('casework.needTwoEntities')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {form?.ends?.map((end) => (
            <NativeSelect
              key={end}
              label={t(`casework.properties.${end}`)}
              required
              value={values[end] ?? ''}
              error={problems[end]}
              onChange={(e) => setValues({ ...values, [end]: e.currentTarget.value })}
            >
              <option value="">{t('casework.pickEntity')}</option>
              {things.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {`${entity.caption} (${t(`casework.schemata.${entity.schema}`, { defaultValue: entity.schema })})`}
                </option>
              ))}
            </NativeSelect>
          ))}
          {form?.properties.map((name, index) => (
            <TextInput
              key={name}
              label={t(`casework.properties.${name}`)}
              value={values[name] ?? ''}
              error={problems[name] ?? (index === 0 && !form.ends ? problems.caption : undefined)}
              placeholder={PLACEHOLDERS[name]}
              onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        <ProvenanceFields
          value={provenance}
          onChange={setProvenance}
          labels={labels}
          sourceError={problems.source}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('casework.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Format hints for values FtM keeps in a fixed form. */
const PLACEHOLDERS: Record<string, string> = {
  birthDate: '1991-04-17',
  startDate: '2026-03',
  endDate: '2026-05-31',
  date: '2026-04-02',
  nationality: 'RS',
  country: 'MK',
  number: '+381 64 123 4567',
  latitude: '42.6629',
  longitude: '21.1655',
};

/** Adds a statement to an entity, or corrects one (a correction is a new statement; the old one stays). */
export function StatementButton({
  record,
  entity,
  caption = entity.caption,
  correcting,
}: {
  record: Case;
  entity: EntitySummary;
  /** How the case's lists name the entity (a relationship by its ends), for the dialog's title. */
  caption?: string;
  correcting?: Statement;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = correcting
    ? t('casework.correctTitle', {
        property: t(`casework.properties.${correcting.property}`, { defaultValue: correcting.property }),
      })
    : t('casework.addStatementTitle', { caption });
  return (
    <>
      {correcting ? (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden="true" />}
          onClick={() => setOpen(true)}
          aria-label={t('casework.correctLabel', { property: correcting.property, value: correcting.value })}
        >
          {t('casework.correct')}
        </Button>
      ) : (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => setOpen(true)}
        >
          {t('casework.addStatement')}
        </Button>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && (
          <StatementForm
            record={record}
            entity={entity}
            correcting={correcting}
            onClose={() => setOpen(false)}
          />
        )}
      </Modal>
    </>
  );
}

function StatementForm({
  record,
  entity,
  correcting,
  onClose,
}: {
  record: Case;
  entity: EntitySummary;
  correcting?: Statement | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useProvenanceLabels();
  const queryClient = useQueryClient();
  const offered = formOf(entity.schema)?.properties ?? ['name', 'notes'];
  const [property, setProperty] = useState(correcting?.property ?? offered[0] ?? 'name');
  const [value, setValue] = useState(correcting?.value ?? '');
  const [provenance, setProvenance] = useState<Provenance>(() =>
    correcting
      ? {
          source: '',
          evaluationSource: correcting.evaluationSource,
          evaluationInfo: correcting.evaluationInfo as 1 | 2 | 3 | 4,
          handlingCode: correcting.handlingCode,
          kind: correcting.kind,
        }
      : initialProvenance(record),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () => {
      const body = { value: value.trim(), ...provenance };
      return correcting
        ? entityApi.correct(record.id, entity.id, correcting.id, body)
        : entityApi.addStatement(record.id, entity.id, { property, ...body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', record.id, 'entity', entity.id] });
      notifySuccess(correcting ? t('casework.corrected') : t('casework.statementAdded'));
      onClose();
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!value.trim()) found.value = t('casework.valueRequired');
    if (!provenance.source.trim()) found.source = t('casework.sourceRequired');
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        {correcting ? (
          <Text>{t('casework.correctIntro', { value: correcting.value })}</Text>
        ) : (
          <NativeSelect
            label={t('investigation.property')}
            value={property}
            onChange={(e) => setProperty(e.currentTarget.value)}
          >
            {offered.map((name) => (
              <option key={name} value={name}>
                {t(`casework.properties.${name}`)}
              </option>
            ))}
          </NativeSelect>
        )}
        <TextInput
          label={t('investigation.value')}
          required
          data-autofocus
          maxLength={2000}
          value={value}
          error={problems.value}
          placeholder={PLACEHOLDERS[property]}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <ProvenanceFields
          value={provenance}
          onChange={setProvenance}
          labels={labels}
          sourceError={problems.source}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('casework.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
