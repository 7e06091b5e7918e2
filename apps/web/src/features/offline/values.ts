import type { TFunction } from 'i18next';
import {
  SCREENING_ANSWERS,
  SCREENING_EDITABLE_FIELDS,
  SCREENING_SETTINGS,
  type Indicator,
  type Locale,
} from '@veza/shared';

/** Dark orange for "waiting": Mantine's orange 9 reaches only 4.3:1 on white, this one 6.1:1. */
export const WAITING_COLOR = '#b03a07';

const SETTINGS: readonly string[] = SCREENING_SETTINGS;
const ANSWERS: readonly string[] = SCREENING_ANSWERS;

/** A field as the user knows it: "Place", or the question of an indicator in their language. */
export function fieldLabel(
  t: TFunction,
  field: string,
  indicators: readonly Indicator[],
  locale: Locale,
): string {
  if (field.startsWith('answers.')) {
    const id = field.slice('answers.'.length);
    const indicator = indicators.find((i) => i.id === id);
    return indicator ? indicator.text[locale] : t('offline.fields.answer', { id });
  }
  return (SCREENING_EDITABLE_FIELDS as readonly string[]).includes(field)
    ? t(`offline.fields.${field}`)
    : field;
}

/** A value as the user reads it: translated answers and settings, dates in their conventions. */
export function fieldValueText(
  t: TFunction,
  field: string,
  value: unknown,
  formatDateTime: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return t('offline.values.empty');
  if (typeof value === 'boolean') return value ? t('offline.values.yes') : t('offline.values.no');
  if (field.startsWith('answers.') && typeof value === 'string' && ANSWERS.includes(value)) {
    return t(`offline.values.answer.${value}`);
  }
  if (field === 'setting' && typeof value === 'string' && SETTINGS.includes(value)) {
    return t(`offline.values.setting.${value}`);
  }
  if (field === 'occurredAt' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return formatDateTime(value);
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
