import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralIdentity } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { JustificationModal } from '../audit/JustificationModal.tsx';
import { referralApi } from './referral.api.ts';

const FIELDS = ['givenName', 'familyName', 'birthDate', 'placeOfBirth', 'documentNumber', 'phone', 'address'];

/**
 * Who the person is, as far as the referral shared it: shown on request, after a reason (LED art. 25),
 * and logged as a consultation. Nothing is kept in the page's cache after leaving it.
 */
export function IdentityPanel({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [identity, setIdentity] = useState<ReferralIdentity['identity'] | null>(null);
  const read = useMutation({
    mutationFn: () => referralApi.identity(referralId),
    onSuccess: (result) => setIdentity(result.identity),
    onError: (error) => {
      if (isApiError(error, 'justification_required')) setAsking(true);
    },
  });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="div">
        {t('referral.identity')}
      </Text>
      {identity ? (
        <Stack gap={0}>
          {FIELDS.filter((field) => typeof identity[field] === 'string').map((field) => (
            <Text size="sm" key={field}>
              {t(`referral.identityFields.${field}`)}: {String(identity[field])}
            </Text>
          ))}
        </Stack>
      ) : (
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          leftSection={<IconEye size={14} aria-hidden="true" />}
          onClick={() => read.mutate()}
          loading={read.isPending}
        >
          {t('referral.showIdentity')}
        </Button>
      )}
      {!isApiError(read.error, 'justification_required') && <ErrorAlert error={read.error} />}
      <JustificationModal
        opened={asking}
        scope={`referral:${referralId}`}
        onClose={() => setAsking(false)}
        onGiven={() => {
          setAsking(false);
          read.mutate();
        }}
      />
    </Stack>
  );
}
