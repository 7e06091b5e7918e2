import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type ClientErrorCode } from '../api/client.ts';
import { fieldProblemMessage, formPath } from './validation.ts';

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`);
  return t('errors.internal_error');
}

interface FieldErrorSetter {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts the server's per-field problems (and codes that belong to one field, such as `email_taken`)
 * onto the form. Returns false when nothing could be placed, so the caller shows a general alert.
 */
export function applyServerErrors(
  form: FieldErrorSetter,
  error: unknown,
  t: TFunction,
  codeFields: Partial<Record<ClientErrorCode, string>> = {},
  fields?: readonly string[],
): boolean {
  if (!(error instanceof ApiError)) return false;
  const codeField = codeFields[error.code];
  if (codeField) {
    form.setFieldError(codeField, t(`errors.${error.code}`));
    return true;
  }
  let placed = false;
  for (const problem of error.errors) {
    const path = formPath(problem.path);
    if (fields && !fields.includes(path.split('.')[0] ?? path)) continue;
    form.setFieldError(path, fieldProblemMessage(t, problem));
    placed = true;
  }
  return placed;
}

/** A translated alert for a failed request; announced to screen readers. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="outline"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={title ?? t('common.error')}
    >
      {errorMessage(t, error)}
    </Alert>
  );
}
