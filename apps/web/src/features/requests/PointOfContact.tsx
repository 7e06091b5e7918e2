import { Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JurisdictionCode } from '@veza/shared';
import { useAvailabilityText } from '../directory/DirectoryPage.tsx';
import { requestsApi } from './requests.api.ts';

/**
 * Whom the request will reach: the requested jurisdiction's SPOC as the directory lists it, with the
 * languages it accepts, its hours and its channels (outside Veza, for a call or a SIENA message).
 */
export function PointOfContact({ jurisdiction }: { jurisdiction: JurisdictionCode }) {
  const { t } = useTranslation();
  const hours = useAvailabilityText();
  const contact = useQuery({
    queryKey: ['requests', 'point-of-contact', jurisdiction],
    queryFn: () => requestsApi.pointOfContact(jurisdiction),
  });
  if (!contact.isSuccess) return null;
  return (
    <Card withBorder component="section" aria-labelledby="point-of-contact" data-testid="point-of-contact">
      <Title order={2} size="h5" id="point-of-contact">
        {t('requests.pointOfContact.title', { jurisdiction: t(`jurisdictions.${jurisdiction}`) })}
      </Title>
      {contact.data.points.length === 0 ? (
        <Text size="sm">{t('requests.pointOfContact.none')}</Text>
      ) : (
        contact.data.points.map((point) => (
          <div key={point.id}>
            <Text fw={500}>{point.organisation}</Text>
            <Text size="sm">
              {t('requests.pointOfContact.languages', { languages: point.languages.join(', ') })} ·{' '}
              {hours(point.availability)}
            </Text>
            <List size="sm">
              {point.channels.map((channel) => (
                <List.Item key={`${channel.kind}-${channel.address}`}>
                  {t(`directory.channelKinds.${channel.kind}`)}: {channel.address}
                </List.Item>
              ))}
            </List>
          </div>
        ))
      )}
    </Card>
  );
}
