import { useState } from 'react';
import {
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { TotpDisableSchema } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Page } from '../../ui/Page.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { authApi } from '../auth/auth.api.ts';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { useMe, useSession } from '../auth/session.tsx';
import { TotpSetupPanel } from '../auth/TotpSetupPanel.tsx';
import { CalendarFeedCard } from '../calendar/CalendarFeedCard.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('profile.title')}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section id="profile-you" title={t('profile.details')}>
          <List listStyleType="none" spacing={4}>
            <List.Item>{t('profile.nameLine', { name: me.displayName })}</List.Item>
            <List.Item>{t('profile.emailLine', { email: me.email })}</List.Item>
            <List.Item>
              {t('home.workplace', {
                unit: me.unit.name,
                agency: me.agency.name,
                jurisdiction: me.jurisdiction
                  ? t(`jurisdictions.${me.jurisdiction}`)
                  : t('jurisdictions.regional'),
              })}
            </List.Item>
            <List.Item>
              {t('home.rolesLine', { roles: me.roles.map((r) => t(`roles.${r}`)).join(', ') })}
            </List.Item>
          </List>
          {me.capabilities.length > 0 && (
            <>
              <Title order={3} fz="h5" mt="md" mb="xs">
                {t('profile.capabilities')}
              </Title>
              <List spacing={2}>
                {me.capabilities.map((action) => (
                  <List.Item key={action}>{t(`actions.${action}`)}</List.Item>
                ))}
              </List>
            </>
          )}
        </Section>
        <Section id="profile-language" title={t('language.label')}>
          <Text mb="sm">{t('profile.languageHelp')}</Text>
          <LanguageSwitcher withLabel />
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section id="profile-password" title={t('password.change')}>
          <Text mb="sm">{t('password.othersEnd')}</Text>
          <PasswordChangeForm onChanged={() => notifySuccess(t('password.changed'))} />
        </Section>
        <TwoFactorSection />
      </SimpleGrid>
      <SessionsSection />
      <CalendarFeedCard />
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function TwoFactorSection() {
  const { t } = useTranslation();
  const me = useMe();
  const { updateMe } = useSession();
  const [settingUp, setSettingUp] = useState(false);
  // Administrators must keep two-factor on: the server says so, and refuses it too.
  const mayDisable = me.allowed.includes('account.totp.disable');

  return (
    <Section id="profile-totp" title={t('totp.title')}>
      <Stack>
        <Text fw={600}>{me.totpEnabled ? t('totp.statusOn') : t('totp.statusOff')}</Text>
        {me.totpEnabled ? (
          mayDisable ? (
            <DisableTotpForm />
          ) : (
            <Text>{t('totp.requiredForRole')}</Text>
          )
        ) : settingUp ? (
          <TotpSetupPanel
            onConfirmed={(updated) => {
              updateMe(updated);
              setSettingUp(false);
              notifySuccess(t('totp.enabled'));
            }}
          />
        ) : (
          <>
            <Text>{t('totp.offHelp')}</Text>
            <Group>
              <Button onClick={() => setSettingUp(true)}>{t('totp.setUp')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}

function DisableTotpForm() {
  const { t } = useTranslation();
  const { updateMe } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: zodResolver(TotpDisableSchema, t),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      updateMe(await authApi.totpDisable(values.password));
      notifySuccess(t('totp.disabled'));
    } catch (caught) {
      if (
        !applyServerErrors(form, caught, t, {
          password_incorrect: 'password',
          invalid_credentials: 'password',
        })
      ) {
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('totp.disableHelp')}</Text>
        <ErrorAlert error={error} />
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" color="red.9" loading={pending}>
            {t('totp.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { forget } = useSession();
  const [confirmAll, setConfirmAll] = useState(false);
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: authApi.sessions, staleTime: 0 });
  const end = useMutation({
    mutationFn: authApi.endSession,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
      notifySuccess(t('sessions.ended'));
    },
  });
  const endAll = useMutation({
    mutationFn: authApi.logoutAll,
    onSuccess: () => forget('signed_out'),
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-sessions">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h3" id="profile-sessions">
          {t('sessions.title')}
        </Title>
        <Button
          color="red.9"
          variant="outline"
          onClick={() => {
            endAll.reset();
            setConfirmAll(true);
          }}
        >
          {t('sessions.endAll')}
        </Button>
      </Group>
      <Text mb="sm">{t('sessions.intro')}</Text>
      {end.isError && <ErrorAlert error={end.error} />}
      {sessions.isError && <ErrorAlert error={sessions.error} />}
      {sessions.isPending ? (
        <Center py="md">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <ScrollTable minWidth={720} label={t('sessions.caption')}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('sessions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.device')}</Table.Th>
                <Table.Th scope="col">{t('sessions.ip')}</Table.Th>
                <Table.Th scope="col">{t('sessions.started')}</Table.Th>
                <Table.Th scope="col">{t('sessions.lastSeen')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {s.userAgent ?? t('sessions.unknownDevice')}
                    </Text>
                    {s.current && (
                      <Text size="sm" fw={700}>
                        {t('sessions.thisSession')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{s.ip ?? ''}</Table.Td>
                  <Table.Td className="nowrap">{format.dateTime(s.createdAt)}</Table.Td>
                  <Table.Td className="nowrap">{format.dateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {/* The current session ends with "Sign out" in the header. */}
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables === s.id}
                        onClick={() => end.mutate(s.id)}
                      >
                        {t('sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <ConfirmDialog
        opened={confirmAll}
        title={t('sessions.endAllTitle')}
        message={t('sessions.endAllText')}
        confirmLabel={t('sessions.endAll')}
        danger
        loading={endAll.isPending}
        error={endAll.error}
        onClose={() => setConfirmAll(false)}
        onConfirm={() => endAll.mutate()}
      />
    </Card>
  );
}
