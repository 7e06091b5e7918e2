import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HANDLING_CODES, type ChartFilterState } from '@veza/shared';
import { schemaName } from '../entities/entity-caption.ts';
import { NO_FILTER, type ChartView } from './chart.model.ts';

const SOURCES = ['A', 'B', 'C', 'X'] as const;
const INFORMATION = [1, 2, 3, 4] as const;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What the chart shows: entity types, a period, a minimum 4x4 grade and handling codes; and how. */
export function FiltersPanel({
  types,
  view,
  onChange,
}: {
  types: readonly string[];
  view: ChartView;
  onChange: (update: (view: ChartView) => ChartView) => void;
}) {
  const { t } = useTranslation();
  const filter = view.filter;
  const setFilter = (change: Partial<ChartFilterState>) =>
    onChange((v) => ({ ...v, filter: { ...v.filter, ...change } }));
  const shownTypes = filter.types ?? types;

  return (
    <Stack component="section" aria-labelledby="chart-filters" gap="sm">
      <Title order={2} size="h4" id="chart-filters">
        {t('chart.filters')}
      </Title>
      <Checkbox.Group
        label={t('chart.types')}
        value={[...shownTypes]}
        onChange={(value) => setFilter({ types: value.length === types.length ? null : value })}
      >
        <Stack gap={4} mt={4}>
          {types.map((type) => (
            <Checkbox key={type} value={type} label={schemaName(type, t)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group grow gap="xs" align="flex-start">
        <DateField label={t('chart.from')} value={filter.from} onChange={(from) => setFilter({ from })} />
        <DateField label={t('chart.to')} value={filter.to} onChange={(to) => setFilter({ to })} />
      </Group>
      <Group grow gap="xs" align="flex-start">
        <Select
          label={t('chart.minSource')}
          placeholder={t('chart.any')}
          clearable
          data={SOURCES.map((s) => ({ value: s, label: `${s}: ${t(`investigation.sourceGrades.${s}`)}` }))}
          value={filter.minSource}
          onChange={(value) => setFilter({ minSource: (value as ChartFilterState['minSource']) ?? null })}
        />
        <Select
          label={t('chart.minInformation')}
          placeholder={t('chart.any')}
          clearable
          data={INFORMATION.map((i) => ({
            value: String(i),
            label: `${i}: ${t(`investigation.infoGrades.${i}`)}`,
          }))}
          value={filter.minInformation === null ? null : String(filter.minInformation)}
          onChange={(value) =>
            setFilter({
              minInformation: value === null ? null : (Number(value) as ChartFilterState['minInformation']),
            })
          }
        />
      </Group>
      <Checkbox.Group
        label={t('chart.handlingCodes')}
        value={[...(filter.handlingCodes ?? HANDLING_CODES)]}
        onChange={(value) =>
          setFilter({
            handlingCodes:
              value.length === HANDLING_CODES.length ? null : (value as ChartFilterState['handlingCodes']),
          })
        }
      >
        <Group gap="sm" mt={4}>
          {HANDLING_CODES.map((code) => (
            <Checkbox key={code} value={code} label={code} />
          ))}
        </Group>
      </Checkbox.Group>
      <Button variant="subtle" size="xs" onClick={() => onChange((v) => ({ ...v, filter: NO_FILTER }))}>
        {t('chart.clearFilters')}
      </Button>
      <Title order={2} size="h4">
        {t('chart.display')}
      </Title>
      <Switch
        label={t('chart.hideRelationships')}
        checked={view.hideRelationships}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          onChange((v) => ({ ...v, hideRelationships: checked }));
        }}
      />
      <Switch
        label={t('chart.groupByType')}
        checked={view.groupByType}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          onChange((v) => ({ ...v, groupByType: checked }));
        }}
      />
    </Stack>
  );
}

/** A date or the start of one (`2026`, `2026-03`); the filter changes only once what is typed is one. */
function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const trimmed = text.trim();
  const valid = trimmed === '' || DATE.test(trimmed);
  return (
    <TextInput
      label={label}
      description={t('chart.dateFormat')}
      value={text}
      error={valid ? undefined : t('chart.dateInvalid')}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const clean = next.trim();
        if (clean === '') onChange(null);
        else if (DATE.test(clean)) onChange(clean);
      }}
    />
  );
}
