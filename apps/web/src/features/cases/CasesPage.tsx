import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Center,
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
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  CASE_TYPES,
  CaseCreateSchema,
  HANDLING_CODES,
  type Case,
  type CaseCreate,
  type CaseType,
  type HandlingCode,
} from '@veza/shared';
import { useCan } from '../auth/session.tsx';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { zodResolver } from '../../ui/validation.ts';
import { HandlingBadge, WRAPPING_BADGE } from './HandlingBadge.tsx';
import { caseApi } from './cases.api.ts';

/** The cases the user may see: their teams' cases, and their unit's for a supervisor. */
export function CasesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const cases = useQuery({ queryKey: ['cases'], queryFn: caseApi.cases });

  return (
    <Page
      title={t('investigation.casesTitle')}
      actions={
        can('case.create') && (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t('investigation.newCase')}
          </Button>
        )
      }
    >
      <Text>{t('investigation.casesIntro')}</Text>
      {cases.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : cases.isError ? (
        <ErrorAlert error={cases.error} />
      ) : cases.data.length === 0 ? (
        <Text>{t('investigation.noCases')}</Text>
      ) : (
        <CasesTable cases={cases.data} />
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        size="lg"
        title={t('investigation.newCase')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && <CaseForm onClose={() => setCreating(false)} />}
      </Modal>
    </Page>
  );
}

export function CaseStatusBadge({ status }: { status: Case['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.8" tt="none" styles={WRAPPING_BADGE}>
      {t(`investigation.statuses.${status}`)}
    </Badge>
  );
}

function CasesTable({ cases }: { cases: Case[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={800} label={t('investigation.casesTable')}>
      <Table captionSide="top" striped highlightOnHover>
        <Table.Caption>{t('investigation.casesTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('investigation.reference')}</Table.Th>
            <Table.Th scope="col">{t('investigation.caseTitle')}</Table.Th>
            <Table.Th scope="col">{t('investigation.type')}</Table.Th>
            <Table.Th scope="col">{t('investigation.jurisdiction')}</Table.Th>
            <Table.Th scope="col">{t('investigation.handlingCode')}</Table.Th>
            <Table.Th scope="col">{t('investigation.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${c.id}`}>
                  {c.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td>{t(`investigation.types.${c.type}`)}</Table.Td>
              <Table.Td>{t(`jurisdictions.${c.jurisdiction}`)}</Table.Td>
              <Table.Td>
                <HandlingBadge code={c.handlingCode} />
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

interface Values {
  title: string;
  type: CaseType;
  handlingCode: HandlingCode;
  legalBasis: string;
  notes: string;
}

const FIELDS = ['title', 'type', 'handlingCode', 'legalBasis', 'notes'];

function toCreate(values: Values): CaseCreate {
  return {
    title: values.title,
    type: values.type,
    handlingCode: values.handlingCode,
    ...(values.legalBasis.trim() ? { legalBasis: values.legalBasis } : {}),
    ...(values.notes.trim() ? { notes: values.notes } : {}),
  };
}

function CaseForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { title: '', type: 'trafficking', handlingCode: 'H0', legalBasis: '', notes: '' },
    validate: zodResolver(CaseCreateSchema, t, toCreate),
  });
  const create = useMutation({
    mutationFn: (values: Values) => caseApi.createCase(toCreate(values)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      notifySuccess(t('investigation.created', { reference: created.reference }));
      onClose();
      void navigate(`/cases/${created.id}`);
    },
    onError: (error) => {
      if (!applyServerErrors(form, error, t, {}, FIELDS)) setUnplaced(error);
    },
  });

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setUnplaced(null);
        create.mutate(values);
      })}
      noValidate
    >
      <Stack>
        <ErrorAlert error={unplaced} />
        <TextInput
          label={t('investigation.caseTitle')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('investigation.type')} required {...form.getInputProps('type')}>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`investigation.types.${type}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('investigation.handlingCode')}
            required
            {...form.getInputProps('handlingCode')}
          >
            {HANDLING_CODES.map((code) => (
              <option key={code} value={code}>
                {t('investigation.handlingBadge', { code, meaning: t(`investigation.handling.${code}`) })}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Textarea
          label={t('investigation.legalBasis')}
          description={t('investigation.legalBasisHelp')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('legalBasis')}
        />
        <Textarea
          label={t('investigation.notes')}
          autosize
          minRows={3}
          maxLength={10000}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('investigation.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
