import { useEffect } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { useSession } from './session.tsx';

/** After an administrator set a temporary password, the user must choose their own first. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { refresh, signOut } = useSession();
  useEffect(() => {
    document.title = `${t('password.forcedTitle')} · Veza`;
  }, [t]);
  return (
    <PublicLayout
      headerActions={
        <Button variant="default" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Title order={1}>{t('password.forcedTitle')}</Title>
        <Text>{t('password.forcedIntro')}</Text>
        <Paper withBorder p="lg" radius="md">
          <PasswordChangeForm
            currentLabel={t('password.temporary')}
            onChanged={async () => {
              notifySuccess(t('password.changed'));
              await refresh();
            }}
          />
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
