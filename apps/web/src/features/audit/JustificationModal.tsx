import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { JustificationSchema } from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { authApi } from '../auth/auth.api.ts';

/**
 * Consulting the log is itself logged with a reason (LED art. 25): the reason is given once and the
 * server remembers it for this session and scope.
 */
export function JustificationModal({
  opened,
  scope,
  onClose,
  onGiven,
}: {
  opened: boolean;
  scope: string;
  onClose: () => void;
  onGiven: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { text: '' },
    validate: zodResolver(JustificationSchema, t, (values: { text: string }) => ({
      scope,
      text: values.text,
    })),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      await authApi.justify(scope, values.text.trim());
      form.reset();
      onGiven();
    } catch (caught) {
      if (!applyServerErrors(form, caught, t, {}, ['text'])) setError(caught);
    } finally {
      setPending(false);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('justification.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t('justification.intro')}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('justification.label')}
            description={t('justification.help')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('justification.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Shown in place of personal data until the user has given a reason for consulting it; `text` says
 * what the reason covers on this screen.
 */
export function JustificationNeeded({ text, onGive }: { text: string; onGive: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      role="status"
      variant="outline"
      icon={<IconShieldLock aria-hidden="true" />}
      title={t('justification.needed')}
    >
      <Stack align="flex-start">
        <Text>{text}</Text>
        <Button onClick={onGive}>{t('justification.give')}</Button>
      </Stack>
    </Alert>
  );
}
