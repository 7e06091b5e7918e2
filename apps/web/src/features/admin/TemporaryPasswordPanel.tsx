import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The one-time password, shown once: the administrator hands it over; it must be changed at sign-in. */
export function TemporaryPasswordPanel({
  email,
  password,
  onDone,
}: {
  email: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        role="status"
        variant="outline"
        icon={<IconKey aria-hidden="true" />}
        title={t('users.tempPasswordTitle')}
      >
        {t('users.tempPasswordText', { email })}
      </Alert>
      <div>
        <Text id="temporary-password-label" fw={600}>
          {t('users.tempPasswordLabel')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Code aria-labelledby="temporary-password-label" fz="lg" data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('users.copyPassword')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <Text size="sm">{t('users.tempPasswordOnce')}</Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('common.done')}</Button>
      </Group>
    </Stack>
  );
}
