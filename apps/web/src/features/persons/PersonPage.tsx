import { useState } from 'react';
import { Button, Card, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LOCALE_NATIVE_NAMES, isLocale, type Identity, type Person } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { JustificationModal } from '../audit/JustificationModal.tsx';
import { useCan } from '../auth/session.tsx';
import { Fact } from '../screenings/ScreeningDetailPage.tsx';
import { useNames } from '../screenings/languages.ts';
import { ConsentPanel } from './ConsentPanel.tsx';
import { personsApi } from './persons.api.ts';

/** A person by pseudonymous reference; the identity only on request, with a justification. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => personsApi.person(personId),
    retry: false,
  });
  if (isApiError(person.error, 'not_found')) return <NotFoundPage />;
  if (person.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (person.isError)
    return (
      <Page title={t('persons.title')}>
        <ErrorAlert error={person.error} />
      </Page>
    );
  return <PersonDetail person={person.data} />;
}

function PersonDetail({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const language = person.preferredLanguage;
  const can = useCan();
  return (
    <Page
      title={t('persons.heading', { reference: person.reference })}
      actions={
        can('referral.create') && (
          <Button component={Link} to={`/referrals/new?person=${person.id}`}>
            {t('documents.referPerson')}
          </Button>
        )
      }
    >
      <Text>{t('persons.pseudonymNote')}</Text>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="person-record">
        <Title order={2} id="person-record" mb="sm">
          {t('persons.recordTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Fact
            label={t('persons.category')}
            value={`${t(`persons.categories.${person.category}`)} (${t(`persons.categoryKinds.${person.categoryKind}`)})`}
          />
          <Fact label={t('persons.sex')} value={t(`persons.sexes.${person.sex}`)} />
          <Fact label={t('persons.ageGroup')} value={t(`persons.ageGroups.${person.ageGroup}`)} />
          <Fact label={t('persons.nationality')} value={names.country(person.nationality) || '—'} />
          <Fact
            label={t('persons.preferredLanguage')}
            value={
              language ? (isLocale(language) ? LOCALE_NATIVE_NAMES[language] : names.language(language)) : '—'
            }
          />
          <Fact
            label={t('persons.guardianAppointed')}
            value={person.guardianAppointed ? t('persons.yes') : t('persons.no')}
          />
          <Fact label={t('persons.recordedAt')} value={format.date(person.createdAt)} />
          <Fact label={t('persons.reviewDueAt')} value={format.date(person.reviewDueAt)} />
          <Fact label={t('persons.retainUntil')} value={format.date(person.retainUntil)} />
        </SimpleGrid>
      </Card>
      {person.allowed.includes('victim.identity.view') && <IdentityPanel person={person} />}
      <ConsentPanel person={person} />
    </Page>
  );
}

function IdentityPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [askReason, setAskReason] = useState(false);
  const identity = useQuery({
    queryKey: ['person', person.id, 'identity'],
    queryFn: () => personsApi.identity(person.id),
    enabled: shown,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  const needsReason = isApiError(identity.error, 'justification_required');

  function show() {
    setShown(true);
    setAskReason(true);
  }

  return (
    <Stack component="section" aria-labelledby="person-identity" gap="sm">
      <Title order={2} id="person-identity">
        {t('persons.identityLegend')}
      </Title>
      {!shown ? (
        <Stack align="flex-start" gap="xs">
          <Text>{t('persons.identityHidden')}</Text>
          <Button leftSection={<IconEye size={16} aria-hidden="true" />} onClick={show}>
            {t('persons.showIdentity')}
          </Button>
        </Stack>
      ) : identity.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : needsReason ? (
        <Button leftSection={<IconEye size={16} aria-hidden="true" />} onClick={() => setAskReason(true)}>
          {t('persons.showIdentity')}
        </Button>
      ) : identity.isError ? (
        <ErrorAlert error={identity.error} />
      ) : (
        <>
          <IdentityFacts identity={identity.data.identity} />
          <Button
            variant="default"
            leftSection={<IconEyeOff size={16} aria-hidden="true" />}
            onClick={() => setShown(false)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('persons.hideIdentity')}
          </Button>
        </>
      )}
      <JustificationModal
        opened={needsReason && askReason}
        scope={`person:${person.id}`}
        onClose={() => {
          setAskReason(false);
          setShown(false);
        }}
        onGiven={() => {
          setAskReason(false);
          void identity.refetch();
        }}
      />
    </Stack>
  );
}

function IdentityFacts({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const rows: [string, string | undefined][] = [
    [t('persons.givenName'), identity.givenName],
    [t('persons.familyName'), identity.familyName],
    [t('persons.birthDate'), identity.birthDate],
    [t('persons.placeOfBirth'), identity.placeOfBirth],
    [t('persons.documentNumber'), identity.documentNumber],
    [t('persons.phone'), identity.phone],
    [t('persons.address'), identity.address],
    [t('persons.guardianName'), identity.guardian?.name],
    [t('persons.guardianRelation'), identity.guardian?.relation],
    [t('persons.guardianContact'), identity.guardian?.contact],
  ];
  return (
    <Card withBorder radius="md" padding="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fact key={label} label={label} value={value ?? ''} />
          ))}
      </SimpleGrid>
    </Card>
  );
}
