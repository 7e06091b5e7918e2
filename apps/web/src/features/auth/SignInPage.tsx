import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoginRequestSchema } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { authApi } from './auth.api.ts';
import { useSession, type SignedOutNotice } from './session.tsx';

interface Credentials {
  email: string;
  password: string;
}

/** E-mail and password; a second step asks for the six-digit code when the account has two-factor on. */
export function SignInPage({ notice }: { notice: SignedOutNotice }) {
  const { t } = useTranslation();
  const [credentials, setCredentials] = useState<Credentials | null>(null);

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} · Veza`;
  }, [t]);

  return (
    <PublicLayout>
      <Stack gap="lg">
        <Title order={1}>{t('auth.signInTitle')}</Title>
        {notice && !credentials && (
          <Alert role="status" variant="outline" icon={<IconInfoCircle aria-hidden="true" />}>
            {notice === 'session_ended' ? t('auth.sessionEnded') : t('auth.signedOut')}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          {credentials ? (
            <CodeStep credentials={credentials} onBack={() => setCredentials(null)} />
          ) : (
            <CredentialsStep onTotpRequired={setCredentials} />
          )}
        </Paper>
        <Text size="sm" c="dimmed">
          {t('auth.help')}
        </Text>
      </Stack>
    </PublicLayout>
  );
}

function CredentialsStep({ onTotpRequired }: { onTotpRequired: (credentials: Credentials) => void }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: zodResolver(LoginRequestSchema, t),
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      await signedIn(await authApi.login({ email: values.email.trim(), password: values.password }));
    } catch (caught) {
      if (isApiError(caught, 'totp_required')) onTotpRequired(values);
      else setError(caught);
    } finally {
      setPending(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} title={t('auth.signInFailed')} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={pending}>
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}

function CodeStep({ credentials, onBack }: { credentials: Credentials; onBack: () => void }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { totp: '' },
    validate: zodResolver(LoginRequestSchema, t, (values: { totp: string }) => ({
      ...credentials,
      totp: values.totp.trim(),
    })),
  });

  useEffect(() => input.current?.focus(), []);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      await signedIn(await authApi.login({ ...credentials, totp: values.totp.trim() }));
    } catch (caught) {
      setError(caught);
      form.setFieldValue('totp', '');
    } finally {
      setPending(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} fz="h3">
          {t('auth.codeStepTitle')}
        </Title>
        <Text>{t('auth.codeStepHelp')}</Text>
        <ErrorAlert error={error} title={t('auth.signInFailed')} />
        <TextInput
          ref={input}
          label={t('auth.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          key={form.key('totp')}
          {...form.getInputProps('totp')}
        />
        <Button type="submit" loading={pending}>
          {t('auth.verifyAndSignIn')}
        </Button>
        <Anchor component="button" type="button" onClick={onBack} ta="left">
          {t('auth.backToPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
