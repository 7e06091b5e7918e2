import { useState } from 'react';
import { Button, Code, CopyButton, Group, Image, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TotpConfirmSchema, type Me } from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { authApi } from './auth.api.ts';

/**
 * Two-factor set-up: the QR code for an authenticator app, the secret for typing in by hand, and the
 * first code to prove it works. The secret stays pending on the server until confirmed.
 */
export function TotpSetupPanel({ onConfirmed }: { onConfirmed: (me: Me) => void }) {
  const { t } = useTranslation();
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: authApi.totpSetup,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: zodResolver(TotpConfirmSchema, t),
  });

  if (setup.isPending) return <Loader aria-label={t('common.loading')} />;
  if (setup.isError) return <ErrorAlert error={setup.error} />;
  const { secret, qrSvg } = setup.data;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setPending(true);
    try {
      onConfirmed(await authApi.totpConfirm(values.code.trim()));
    } catch (caught) {
      if (!applyServerErrors(form, caught, t, { totp_invalid: 'code', validation_failed: 'code' }))
        setError(caught);
    } finally {
      setPending(false);
    }
  });

  return (
    <Stack>
      <List type="ordered" spacing="xs">
        <List.Item>{t('totp.stepInstall')}</List.Item>
        <List.Item>{t('totp.stepScan')}</List.Item>
        <List.Item>{t('totp.stepCode')}</List.Item>
      </List>
      <Image
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
        alt={t('totp.qrAlt')}
        className="qr-code"
        w={192}
        h={192}
      />
      <div>
        <Text id="totp-secret-label" fw={600}>
          {t('totp.secretLabel')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Code aria-labelledby="totp-secret-label" fz="md" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('totp.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t('auth.code')}
            description={t('totp.codeHelp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={pending}>
              {t('totp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
