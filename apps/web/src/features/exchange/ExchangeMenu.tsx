import { useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Case, CsvTable, ExportFile, ExportFormat } from '@veza/shared';
import { applyServerErrors, ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { download, exchangeApi } from './exchange.api.ts';

/** One entry of the export menu: a format, and for CSV the table. */
interface ExportChoice {
  key: 'ftm' | 'csvStatements' | 'csvCalls' | 'graphml' | 'pdf';
  format: ExportFormat;
  table: CsvTable;
}

const CHOICES: readonly ExportChoice[] = [
  { key: 'ftm', format: 'ftm', table: 'statements' },
  { key: 'csvStatements', format: 'csv', table: 'statements' },
  { key: 'csvCalls', format: 'csv', table: 'calls' },
  { key: 'graphml', format: 'graphml', table: 'statements' },
  { key: 'pdf', format: 'pdf', table: 'statements' },
];

/** "Import and export" on a case: the import page, and exports that are logged as disclosures. */
export function ExchangeMenu({ record }: { record: Case }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ExportChoice | null>(null);
  const canImport = record.allowed.includes('case.edit');
  const canExport = record.allowed.includes('case.disclose');
  if (!canImport && !canExport) return null;
  return (
    <>
      <Group>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden="true" />}>
              {t('exchange.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canImport && (
              <Menu.Item component={Link} to={`/cases/${record.id}/import`}>
                {t('exchange.importData')}
              </Menu.Item>
            )}
            {canExport && (
              <>
                <Menu.Label>{t('exchange.exportLabel')}</Menu.Label>
                {CHOICES.map((c) => (
                  <Menu.Item key={c.key} onClick={() => setChoice(c)}>
                    {t(`exchange.formats.${c.key}`)}
                  </Menu.Item>
                ))}
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {choice && <ExportDialog record={record} choice={choice} onClose={() => setChoice(null)} />}
    </>
  );
}

function ExportDialog({
  record,
  choice,
  onClose,
}: {
  record: Case;
  choice: ExportChoice;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { recipient: '', purpose: '' },
    validate: {
      recipient: (v) => (v.trim() ? null : t('exchange.recipientRequired')),
      purpose: (v) => (v.trim() ? null : t('exchange.purposeRequired')),
    },
  });
  const exported = useMutation({
    mutationFn: (values: { recipient: string; purpose: string }) =>
      exchangeApi.export(record.id, { format: choice.format, table: choice.table, ...values }),
    onSuccess: (file: ExportFile) => {
      download(file);
      notifySuccess(t('exchange.exported', { file: file.fileName }));
      if (file.withheldStatements === 0 && !file.notForCourt) onClose();
    },
    onError: (error) => applyServerErrors(form, error, t),
  });
  const file = exported.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('exchange.exportTitle', { format: t(`exchange.formats.${choice.key}`) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={form.onSubmit((values) => exported.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('exchange.exportRules')}</Text>
          <TextInput
            label={t('exchange.recipient')}
            description={t('exchange.recipientHelp')}
            required
            maxLength={300}
            {...form.getInputProps('recipient')}
          />
          <Textarea
            label={t('exchange.purpose')}
            required
            maxLength={1000}
            autosize
            minRows={2}
            {...form.getInputProps('purpose')}
          />
          {file && (file.withheldStatements > 0 || file.withheldEntities > 0) && (
            <Alert role="status" color="orange" variant="outline">
              {t('exchange.withheld', {
                statements: file.withheldStatements,
                entities: file.withheldEntities,
              })}
            </Alert>
          )}
          {file?.notForCourt && (
            <Alert role="status" color="orange" variant="outline">
              {t('exchange.notForCourt')}
            </Alert>
          )}
          {exported.isError && <ErrorAlert error={exported.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {file ? t('common.close') : t('common.cancel')}
            </Button>
            {!file && (
              <Button type="submit" loading={exported.isPending}>
                {t('exchange.exportButton')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
