import { useState } from 'react';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordChangeSchema } from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { authApi } from './auth.api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current password, new password twice; the server ends the user's other sessions. */
export function PasswordChangeForm({
  onChanged,
  currentLabel,
}: {
  onChanged: () => void | Promise<void>;
  currentLabel?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const schemaCheck = zodResolver(PasswordChangeSchema, t, (values: Values) => ({
    currentPassword: values.currentPassword,
    newPassword: values.newPassword,
  }));
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors: Record<string, string> = schemaCheck(values);
      if (!errors.newPassword && values.confirmPassword !== values.newPassword) {
        errors.confirmPassword = t('validation.passwords_differ');
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      await authApi.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.reset();
      await onChanged();
    } catch (caught) {
      const placed = applyServerErrors(form, caught, t, {
        password_incorrect: 'currentPassword',
        password_too_weak: 'newPassword',
        password_reused: 'newPassword',
      });
      if (!placed) setError(caught);
    } finally {
      setPending(false);
    }
  });

  const toggle = { 'aria-label': t('auth.showPassword') };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <PasswordInput
          label={currentLabel ?? t('password.current')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={toggle}
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rules')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggle}
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={toggle}
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {t('password.change')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
