import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JURISDICTIONS, type JurisdictionCode } from '@veza/shared';
import { useAgencies, useUnits } from './organisation.queries.ts';

export const REGIONAL = 'regional';
export type JurisdictionChoice = JurisdictionCode | typeof REGIONAL | '';

export interface UnitChoice {
  jurisdiction: JurisdictionChoice;
  agencyId: string;
  unitId: string;
}

/** Jurisdiction, then agency, then unit: each list narrows the next. */
export function UnitPicker({
  value,
  onChange,
  unitError,
}: {
  value: UnitChoice;
  onChange: (value: UnitChoice) => void;
  unitError?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const units = useUnits(value.agencyId || undefined);
  const agencyOptions = (agencies.data ?? [])
    .filter((a) =>
      value.jurisdiction === ''
        ? true
        : value.jurisdiction === REGIONAL
          ? a.jurisdiction === null
          : a.jurisdiction === value.jurisdiction,
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NativeSelect
        label={t('fields.jurisdiction')}
        value={value.jurisdiction}
        onChange={(e) =>
          onChange({ jurisdiction: e.currentTarget.value as JurisdictionChoice, agencyId: '', unitId: '' })
        }
      >
        <option value="">{t('common.all')}</option>
        {JURISDICTIONS.map((code) => (
          <option key={code} value={code}>
            {t(`jurisdictions.${code}`)}
          </option>
        ))}
        <option value={REGIONAL}>{t('jurisdictions.regional')}</option>
      </NativeSelect>
      <NativeSelect
        label={t('fields.agency')}
        value={value.agencyId}
        onChange={(e) => onChange({ ...value, agencyId: e.currentTarget.value, unitId: '' })}
      >
        <option value="">{t('common.choose')}</option>
        {agencyOptions.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t('fields.unit')}
        required
        value={value.unitId}
        disabled={!value.agencyId}
        error={unitError}
        onChange={(e) => onChange({ ...value, unitId: e.currentTarget.value })}
      >
        <option value="">{t('common.choose')}</option>
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </NativeSelect>
    </SimpleGrid>
  );
}
