import { useEffect } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { useSession } from './session.tsx';
import { TotpSetupPanel } from './TotpSetupPanel.tsx';

/** Administrators may do nothing else until two-factor authentication is on. */
export function ForcedTotpSetup() {
  const { t } = useTranslation();
  const { updateMe, refresh, signOut } = useSession();
  useEffect(() => {
    document.title = `${t('totp.forcedTitle')} · Veza`;
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
        <Title order={1}>{t('totp.forcedTitle')}</Title>
        <Text>{t('totp.forcedIntro')}</Text>
        <Paper withBorder p="lg" radius="md">
          <TotpSetupPanel
            onConfirmed={(me) => {
              updateMe(me);
              notifySuccess(t('totp.enabled'));
              void refresh().catch(() => undefined);
            }}
          />
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
