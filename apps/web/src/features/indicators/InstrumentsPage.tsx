import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AGE_GROUPS,
  DEFAULT_LOCALE,
  EXPLOITATION_TYPES,
  INDICATOR_ELEMENTS,
  INDICATOR_GRADES,
  InstrumentContentInputSchema,
  LOCALES,
  LOCALE_NATIVE_NAMES,
  isLocale,
  type AgeGroup,
  type ExploitationType,
  type Instrument,
  type InstrumentContentInput,
  type Locale,
} from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { indicatorApi } from './indicators.api.ts';

/** Serbian Latin is derived from the Cyrillic text by the server: the coordinator writes the others. */
type EditLocale = Exclude<Locale, 'sr-Latn'>;
const EDIT_LOCALES = LOCALES.filter((locale): locale is EditLocale => locale !== 'sr-Latn');

type Texts = Record<EditLocale, string>;
type Element = (typeof INDICATOR_ELEMENTS)[number];
type Grade = (typeof INDICATOR_GRADES)[number];

interface IndicatorValues {
  id: string;
  element: Element;
  iloEcElement?: Instrument['indicators'][number]['iloEcElement'];
  grade: Grade;
  exploitationTypes: ExploitationType[];
  appliesTo: AgeGroup;
  tags: string[];
  text: Texts;
}

interface Values {
  stage: Instrument['stage'];
  title: Texts;
  indicators: IndicatorValues[];
}

function texts(source: Partial<Record<Locale, string>> | null): Texts {
  return Object.fromEntries(EDIT_LOCALES.map((locale) => [locale, source?.[locale] ?? ''])) as Texts;
}

function toValues(instrument: Instrument): Values {
  return {
    stage: instrument.stage,
    title: texts(instrument.title),
    indicators: instrument.indicators.map((indicator) => ({
      id: indicator.id,
      element: indicator.element,
      ...(indicator.iloEcElement ? { iloEcElement: indicator.iloEcElement } : {}),
      grade: indicator.grade,
      exploitationTypes: [...indicator.exploitationTypes],
      appliesTo: indicator.appliesTo,
      tags: [...indicator.tags],
      text: texts(indicator.text),
    })),
  };
}

function toBody(values: Values): InstrumentContentInput {
  return {
    stage: values.stage,
    title: values.title,
    indicators: values.indicators.map((indicator) => ({
      id: indicator.id.trim(),
      element: indicator.element,
      ...(indicator.iloEcElement ? { iloEcElement: indicator.iloEcElement } : {}),
      grade: indicator.grade,
      exploitationTypes: indicator.exploitationTypes,
      appliesTo: indicator.appliesTo,
      tags: indicator.tags,
      text: indicator.text,
    })),
  };
}

function useUiLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** The indicator library: each instrument's current version, its history, and a new version to publish. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Instrument | null>(null);
  const current = useQuery({ queryKey: ['instruments'], queryFn: indicatorApi.current });
  const all = useQuery({ queryKey: ['instruments', 'all'], queryFn: indicatorApi.allVersions });

  if (editing) return <VersionEditor instrument={editing} onClose={() => setEditing(null)} />;

  return (
    <Page title={t('instruments.title')}>
      <Text>{t('instruments.intro')}</Text>
      <ErrorAlert error={current.error} />
      {current.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <CurrentTable instruments={current.data ?? []} onNewVersion={setEditing} />
      )}
      <Title order={2} size="h3">
        {t('instruments.history')}
      </Title>
      <ErrorAlert error={all.error} />
      {all.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <HistoryTable versions={all.data ?? []} />
      )}
    </Page>
  );
}

function CurrentTable({
  instruments,
  onNewVersion,
}: {
  instruments: Instrument[];
  onNewVersion: (instrument: Instrument) => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const format = useFormat();
  return (
    <ScrollTable minWidth={720} label={t('instruments.table')}>
      <Table striped aria-label={t('instruments.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('instruments.name')}</Table.Th>
            <Table.Th scope="col">{t('instruments.stage')}</Table.Th>
            <Table.Th scope="col">{t('instruments.version')}</Table.Th>
            <Table.Th scope="col">{t('instruments.publishedAt')}</Table.Th>
            <Table.Th scope="col">{t('instruments.indicatorCount')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instruments.map((instrument) => (
            <Table.Tr key={instrument.id}>
              <Table.Th scope="row">{instrument.title[locale]}</Table.Th>
              <Table.Td>{t(`instruments.stages.${instrument.stage}`)}</Table.Td>
              <Table.Td>{format.number(instrument.version)}</Table.Td>
              <Table.Td>{format.dateTime(instrument.publishedAt)}</Table.Td>
              <Table.Td>{format.number(instrument.indicators.length)}</Table.Td>
              <Table.Td>
                {instrument.allowed.includes('instrument.publish') && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onNewVersion(instrument)}
                    aria-label={t('instruments.newVersionOf', { title: instrument.title[locale] })}
                  >
                    {t('instruments.newVersion')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function HistoryTable({ versions }: { versions: Instrument[] }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const format = useFormat();
  const sorted = [...versions].sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
  return (
    <ScrollTable minWidth={600} label={t('instruments.historyTable')}>
      <Table aria-label={t('instruments.historyTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('instruments.name')}</Table.Th>
            <Table.Th scope="col">{t('instruments.version')}</Table.Th>
            <Table.Th scope="col">{t('instruments.publishedAt')}</Table.Th>
            <Table.Th scope="col">{t('instruments.indicatorCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((version) => (
            <Table.Tr key={`${version.id}@${version.version}`}>
              <Table.Td>{version.title[locale]}</Table.Td>
              <Table.Td>{format.number(version.version)}</Table.Td>
              <Table.Td>{format.dateTime(version.publishedAt)}</Table.Td>
              <Table.Td>{format.number(version.indicators.length)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function hasErrorUnder(errors: Record<string, unknown>, prefix: string): boolean {
  return Object.keys(errors).some((key) => key === prefix || key.startsWith(`${prefix}.`));
}

/** The new version: pre-filled with the current one; a table of indicators, each edited in a dialog. */
function VersionEditor({ instrument, onClose }: { instrument: Instrument; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const form = useForm<Values>({
    initialValues: toValues(instrument),
    validate: zodResolver(InstrumentContentInputSchema, t, toBody),
  });
  const publish = useMutation({
    mutationFn: (values: Values) => indicatorApi.publish(instrument.id, toBody(values)),
    onSuccess: async (published) => {
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
      notifySuccess(t('instruments.published', { version: String(published.version) }));
      onClose();
    },
    onError: (error) => {
      applyServerErrors(form, error, t);
    },
  });
  const uiText = (values: Texts) => values[locale === 'sr-Latn' ? 'sr-Cyrl' : locale];
  const title = t('instruments.editorTitle', {
    title: instrument.title[locale],
    version: String(instrument.version + 1),
  });
  const indicators = form.values.indicators;

  const addIndicator = () => {
    form.insertListItem('indicators', {
      id: '',
      element: 'means',
      grade: 'medium',
      exploitationTypes: [],
      appliesTo: 'both',
      tags: [],
      text: texts(null),
    } satisfies IndicatorValues);
    setOpen(indicators.length);
  };

  return (
    <Page title={title}>
      <Text>{t('instruments.editorIntro')}</Text>
      <form noValidate onSubmit={form.onSubmit((values) => publish.mutate(values))} aria-label={title}>
        <Stack gap="lg">
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Title order={2} size="h4">
                {t('instruments.titleLegend')}
              </Title>
            </legend>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {EDIT_LOCALES.map((language) => (
                <TextInput
                  key={language}
                  lang={language}
                  label={LOCALE_NATIVE_NAMES[language]}
                  {...form.getInputProps(`title.${language}`)}
                />
              ))}
            </SimpleGrid>
          </fieldset>

          <Title order={2} size="h4">
            {t('instruments.indicators')}
          </Title>
          <ScrollTable minWidth={760} label={t('instruments.indicatorsTable')}>
            <Table striped aria-label={t('instruments.indicatorsTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('instruments.indicatorId')}</Table.Th>
                  <Table.Th scope="col">{t('instruments.text')}</Table.Th>
                  <Table.Th scope="col">{t('instruments.element')}</Table.Th>
                  <Table.Th scope="col">{t('instruments.grade')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicators.map((indicator, index) => (
                  <Table.Tr key={form.key(`indicators.${index}`) || index}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {indicator.id || '—'}
                      </Text>
                      {hasErrorUnder(form.errors, `indicators.${index}`) && (
                        <Text size="xs" fw={700} c="red.9" mt={4}>
                          {t('instruments.needsCorrection')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{uiText(indicator.text)}</Table.Td>
                    <Table.Td>{t(`instruments.elements.${indicator.element}`)}</Table.Td>
                    <Table.Td>{t(`screening.grades.${indicator.grade}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setOpen(index)}
                          aria-label={t('instruments.editIndicator', {
                            id: indicator.id || String(index + 1),
                          })}
                        >
                          {t('instruments.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            form.removeListItem('indicators', index);
                            form.clearErrors();
                          }}
                          aria-label={t('instruments.removeIndicator', {
                            id: indicator.id || String(index + 1),
                          })}
                        >
                          {t('instruments.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {typeof form.errors.indicators === 'string' && (
            <Text c="red.9" size="sm" role="alert">
              {form.errors.indicators}
            </Text>
          )}
          <Group>
            <Button variant="default" onClick={addIndicator}>
              {t('instruments.addIndicator')}
            </Button>
          </Group>

          {Object.keys(form.errors).length > 0 && (
            <Text c="red.9" size="sm" role="alert">
              {t('instruments.fixErrors')}
            </Text>
          )}
          <ErrorAlert error={publish.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={publish.isPending}>
              {t('instruments.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={open !== null && open < indicators.length}
        onClose={() => setOpen(null)}
        size="xl"
        title={t('instruments.indicatorTitle', {
          id: open !== null ? indicators[open]?.id || String(open + 1) : '',
        })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open !== null && open < indicators.length && (
          <IndicatorFields form={form} index={open} onDone={() => setOpen(null)} />
        )}
      </Modal>
    </Page>
  );
}

function IndicatorFields({
  form,
  index,
  onDone,
}: {
  form: UseFormReturnType<Values>;
  index: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const path = `indicators.${index}`;
  const own = locale === 'sr-Latn' ? 'sr-Cyrl' : locale;
  // The coordinator's own language first.
  const languages = [own, ...EDIT_LOCALES.filter((language) => language !== own)];
  return (
    <Stack gap="md">
      <TextInput
        label={t('instruments.indicatorId')}
        description={t('instruments.indicatorIdHint')}
        {...form.getInputProps(`${path}.id`)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('instruments.element')}
          data={INDICATOR_ELEMENTS.map((value) => ({ value, label: t(`instruments.elements.${value}`) }))}
          {...form.getInputProps(`${path}.element`)}
        />
        <NativeSelect
          label={t('instruments.grade')}
          data={INDICATOR_GRADES.map((value) => ({ value, label: t(`screening.grades.${value}`) }))}
          {...form.getInputProps(`${path}.grade`)}
        />
        <NativeSelect
          label={t('instruments.appliesTo')}
          data={AGE_GROUPS.map((value) => ({ value, label: t(`instruments.ageGroups.${value}`) }))}
          {...form.getInputProps(`${path}.appliesTo`)}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('instruments.exploitationTypes')}
        {...form.getInputProps(`${path}.exploitationTypes`)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {EXPLOITATION_TYPES.map((value) => (
            <Checkbox key={value} value={value} label={t(`instruments.exploitation.${value}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {languages.map((language) => (
        <Textarea
          key={language}
          lang={language}
          autosize
          minRows={2}
          label={t('instruments.textIn', { language: LOCALE_NATIVE_NAMES[language] })}
          {...form.getInputProps(`${path}.text.${language}`)}
        />
      ))}
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('instruments.done')}</Button>
      </Group>
    </Stack>
  );
}
