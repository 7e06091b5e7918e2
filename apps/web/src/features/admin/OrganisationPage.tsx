import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Center,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import {
  AGENCY_KINDS,
  AgencyCreateSchema,
  JURISDICTIONS,
  UNIT_KINDS,
  UnitCreateSchema,
  UnitUpdateSchema,
  type Agency,
  type AgencyKind,
  type Unit,
  type UnitKind,
} from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Page } from '../../ui/Page.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { useCan } from '../auth/session.tsx';
import { adminApi } from './admin.api.ts';
import { useAgencies, useUnits } from './organisation.queries.ts';
import { REGIONAL, type JurisdictionChoice } from './UnitPicker.tsx';

/** Agencies per jurisdiction and the units inside each; creating and renaming where allowed. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const agencies = useAgencies();
  const [jurisdiction, setJurisdiction] = useState<JurisdictionChoice>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [agencyForm, setAgencyForm] = useState<{ agency: Agency | null } | null>(null);
  const [unitForm, setUnitForm] = useState<{ unit: Unit | null; agency: Agency } | null>(null);

  const list = (agencies.data ?? [])
    .filter((a) =>
      jurisdiction === ''
        ? true
        : jurisdiction === REGIONAL
          ? a.jurisdiction === null
          : a.jurisdiction === jurisdiction,
    )
    .sort(
      (a, b) =>
        (a.jurisdiction ?? 'ZZ').localeCompare(b.jurisdiction ?? 'ZZ') || a.name.localeCompare(b.name),
    );
  const selected = (agencies.data ?? []).find((a) => a.id === selectedId) ?? null;

  return (
    <Page
      title={t('organisation.title')}
      actions={
        can('organisation.manage') && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setAgencyForm({ agency: null })}
          >
            {t('organisation.newAgency')}
          </Button>
        )
      }
    >
      <Group>
        <NativeSelect
          label={t('fields.jurisdiction')}
          value={jurisdiction}
          onChange={(e) => setJurisdiction(e.currentTarget.value as JurisdictionChoice)}
        >
          <option value="">{t('common.all')}</option>
          {JURISDICTIONS.map((code) => (
            <option key={code} value={code}>
              {t(`jurisdictions.${code}`)}
            </option>
          ))}
          <option value={REGIONAL}>{t('jurisdictions.regional')}</option>
        </NativeSelect>
      </Group>

      <Stack component="section" aria-labelledby="agencies-heading">
        <Title order={2} id="agencies-heading">
          {t('organisation.agencies')}
        </Title>
        {agencies.isError && <ErrorAlert error={agencies.error} />}
        {agencies.isPending ? (
          <Center py="lg">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : list.length === 0 ? (
          <Text>{t('organisation.noAgencies')}</Text>
        ) : (
          <ScrollTable minWidth={720} label={t('organisation.agenciesCaption')}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>{t('organisation.agenciesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                  <Table.Th scope="col">{t('fields.jurisdiction')}</Table.Th>
                  <Table.Th scope="col">{t('organisation.unitCount')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((agency) => (
                  <Table.Tr key={agency.id} aria-selected={agency.id === selectedId ? true : undefined}>
                    <Table.Th scope="row" fw={600}>
                      {agency.name}
                    </Table.Th>
                    <Table.Td>{t(`agencyKinds.${agency.kind}`)}</Table.Td>
                    <Table.Td>
                      {agency.jurisdiction
                        ? t(`jurisdictions.${agency.jurisdiction}`)
                        : t('jurisdictions.regional')}
                    </Table.Td>
                    <Table.Td>{agency.unitCount}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant={agency.id === selectedId ? 'filled' : 'default'}
                          aria-pressed={agency.id === selectedId}
                          onClick={() => setSelectedId(agency.id === selectedId ? null : agency.id)}
                          aria-label={t('organisation.showUnitsOf', { name: agency.name })}
                        >
                          {t('organisation.showUnits')}
                        </Button>
                        {agency.allowed.includes('organisation.manage') && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setAgencyForm({ agency })}
                            aria-label={t('organisation.editAgencyNamed', { name: agency.name })}
                          >
                            {t('common.edit')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>

      {selected && (
        <UnitsSection
          agency={selected}
          onEdit={(unit) => setUnitForm({ unit, agency: selected })}
          onCreate={() => setUnitForm({ unit: null, agency: selected })}
        />
      )}

      <Modal
        opened={agencyForm !== null}
        onClose={() => setAgencyForm(null)}
        title={agencyForm?.agency ? t('organisation.editAgency') : t('organisation.newAgency')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {agencyForm && <AgencyForm agency={agencyForm.agency} onDone={() => setAgencyForm(null)} />}
      </Modal>
      <Modal
        opened={unitForm !== null}
        onClose={() => setUnitForm(null)}
        title={
          unitForm?.unit
            ? t('organisation.editUnit')
            : t('organisation.newUnitIn', { agency: unitForm?.agency.name ?? '' })
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {unitForm && (
          <UnitForm unit={unitForm.unit} agency={unitForm.agency} onDone={() => setUnitForm(null)} />
        )}
      </Modal>
    </Page>
  );
}

function UnitsSection({
  agency,
  onEdit,
  onCreate,
}: {
  agency: Agency;
  onEdit: (unit: Unit) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const units = useUnits(agency.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // The list of agencies is long: bring the chosen agency's units into view and announce them.
  useEffect(() => {
    heading.current?.focus();
  }, [agency.id]);
  return (
    <Stack component="section" aria-labelledby="units-heading">
      <Group justify="space-between">
        <Title order={2} id="units-heading" ref={heading} tabIndex={-1}>
          {t('organisation.unitsOf', { name: agency.name })}
        </Title>
        {agency.allowed.includes('organisation.manage') && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            variant="default"
            onClick={onCreate}
          >
            {t('organisation.newUnit')}
          </Button>
        )}
      </Group>
      {units.isError && <ErrorAlert error={units.error} />}
      {units.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (units.data ?? []).length === 0 ? (
        <Text>{t('organisation.noUnits')}</Text>
      ) : (
        <ScrollTable minWidth={560} label={t('organisation.unitsCaption', { name: agency.name })}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('organisation.unitsCaption', { name: agency.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.name')}</Table.Th>
                <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('organisation.userCount')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(units.data ?? []).map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Th scope="row" fw={600}>
                    {unit.name}
                  </Table.Th>
                  <Table.Td>{t(`unitKinds.${unit.kind}`)}</Table.Td>
                  <Table.Td>{unit.userCount}</Table.Td>
                  <Table.Td>
                    {unit.allowed.includes('organisation.manage') && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onEdit(unit)}
                        aria-label={t('organisation.editUnitNamed', { name: unit.name })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
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

interface AgencyValues {
  name: string;
  kind: AgencyKind | '';
  jurisdiction: JurisdictionChoice;
}

function agencyBody(values: AgencyValues) {
  return {
    name: values.name,
    kind: values.kind,
    jurisdiction: values.jurisdiction === REGIONAL ? null : values.jurisdiction || undefined,
  };
}

function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<AgencyValues>({
    initialValues: {
      name: agency?.name ?? '',
      kind: agency?.kind ?? '',
      jurisdiction: agency ? (agency.jurisdiction ?? REGIONAL) : '',
    },
    validate: zodResolver(AgencyCreateSchema, t, agencyBody),
  });
  const save = useMutation({
    mutationFn: (values: AgencyValues) => {
      const body = AgencyCreateSchema.parse(agencyBody(values));
      return agency ? adminApi.updateAgency(agency.id, body) : adminApi.createAgency(body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      await queryClient.invalidateQueries({ queryKey: ['jurisdictions'] });
      notifySuccess(t('organisation.saved'));
      onDone();
    },
    onError: (error) =>
      applyServerErrors(form, error, t, { name_taken: 'name' }, ['name', 'kind', 'jurisdiction']),
  });
  const shownOnForm = save.error && Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {!shownOnForm && <ErrorAlert error={save.error} />}
        <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
        <NativeSelect label={t('fields.kind')} required {...form.getInputProps('kind')}>
          <option value="">{t('common.choose')}</option>
          {AGENCY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`agencyKinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('fields.jurisdiction')} required {...form.getInputProps('jurisdiction')}>
          <option value="">{t('common.choose')}</option>
          {JURISDICTIONS.map((code) => (
            <option key={code} value={code}>
              {t(`jurisdictions.${code}`)}
            </option>
          ))}
          <option value={REGIONAL}>{t('jurisdictions.regional')}</option>
        </NativeSelect>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface UnitValues {
  name: string;
  kind: UnitKind | '';
}

function UnitForm({ unit, agency, onDone }: { unit: Unit | null; agency: Agency; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<UnitValues>({
    initialValues: { name: unit?.name ?? '', kind: unit?.kind ?? '' },
    validate: unit
      ? zodResolver(UnitUpdateSchema, t, (values: UnitValues) => ({
          name: values.name,
          kind: values.kind || undefined,
        }))
      : zodResolver(UnitCreateSchema, t, (values: UnitValues) => ({ agencyId: agency.id, ...values })),
  });
  const save = useMutation({
    mutationFn: (values: UnitValues) =>
      unit
        ? adminApi.updateUnit(unit.id, UnitUpdateSchema.parse({ name: values.name, kind: values.kind }))
        : adminApi.createUnit(UnitCreateSchema.parse({ agencyId: agency.id, ...values })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      notifySuccess(t('organisation.saved'));
      onDone();
    },
    onError: (error) => applyServerErrors(form, error, t, { name_taken: 'name' }, ['name', 'kind']),
  });
  const shownOnForm = save.error && Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {!shownOnForm && <ErrorAlert error={save.error} />}
        <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
        <NativeSelect label={t('fields.kind')} required {...form.getInputProps('kind')}>
          <option value="">{t('common.choose')}</option>
          {UNIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`unitKinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
