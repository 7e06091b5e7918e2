import { useState } from 'react';
import {
  Anchor,
  Badge,
  Blockquote,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isLocale, type Locale, type Screening } from '@veza/shared';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { PdfLink } from '../documents/PdfLink.tsx';
import { useCan } from '../auth/session.tsx';
import { PersonForm } from '../persons/PersonForm.tsx';
import { useNames } from './languages.ts';
import { AssessmentResult } from './ScreeningPage.tsx';
import { screeningApi } from './screenings.api.ts';

/** One stored screening: its context, the person's own words, the answers and the result it had. */
export function ScreeningDetailPage() {
  const { screeningId = '' } = useParams();
  const { t } = useTranslation();
  const screening = useQuery({
    queryKey: ['screening', screeningId],
    queryFn: () => screeningApi.screening(screeningId),
    retry: false,
  });
  if (isApiError(screening.error, 'not_found')) return <NotFoundPage />;
  if (screening.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (screening.isError)
    return (
      <Page title={t('screening.list.title')}>
        <ErrorAlert error={screening.error} />
      </Page>
    );
  return <ScreeningDetail screening={screening.data} />;
}

function ScreeningDetail({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const format = useFormat();
  const names = useNames();
  const can = useCan();
  const navigate = useNavigate();
  const [recording, setRecording] = useState(false);
  const versions = useQuery({
    queryKey: ['instruments', 'all'],
    queryFn: screeningApi.allInstrumentVersions,
  });
  const instrument = versions.data?.find(
    (i) => i.id === screening.instrumentId && i.version === screening.instrumentVersion,
  );
  const textOf = (id: string) => instrument?.indicators.find((i) => i.id === id)?.text[locale] ?? id;

  return (
    <Page
      title={t('screening.detail.title', { reference: screening.reference })}
      actions={
        <Group gap="xs">
          {screening.allowed.includes('screening.edit') && (
            <Button component={Link} variant="default" to={`/screenings/${screening.id}/edit`}>
              {t('offline.edit.open')}
            </Button>
          )}
          <PdfLink
            href={`/api/screenings/${encodeURIComponent(screening.id)}/summary.pdf`}
            label={t('documents.screeningSummary')}
          />
        </Group>
      }
    >
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="screening-context">
        <Title order={2} id="screening-context" mb="sm">
          {t('screening.flow.contextTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Fact label={t('screening.flow.occurredAt')} value={format.dateTime(screening.occurredAt)} />
          <Fact
            label={t('screening.flow.setting')}
            value={t(`screening.flow.settings.${screening.setting}`)}
          />
          <Fact label={t('screening.flow.place')} value={screening.place} />
          <Fact
            label={t('screening.flow.interviewLanguage')}
            value={names.language(screening.interviewLanguage)}
          />
          <Fact
            label={t('screening.flow.interpreterLanguage')}
            value={
              screening.interpreterLanguage
                ? names.language(screening.interpreterLanguage)
                : t('screening.flow.noInterpreter')
            }
          />
          <Fact
            label={t('screening.age')}
            value={`${screening.age ?? '—'}${screening.ageInDoubt ? ` (${t('screening.ageInDoubt')})` : ''}`}
          />
          <Fact label={t('screening.list.screenedBy')} value={screening.screenedBy.displayName} />
          <Fact
            label={t('screening.instrument')}
            value={`${instrument?.title[locale] ?? screening.instrumentId} · ${t('screening.detail.version', {
              version: screening.instrumentVersion,
            })}`}
          />
        </SimpleGrid>
        {screening.parentId && (
          <Anchor component={Link} to={`/screenings/${screening.parentId}`} mt="sm" display="block">
            {t('screening.detail.parent')}
          </Anchor>
        )}
      </Card>

      {screening.narrative && (
        <Stack gap={4} component="section" aria-labelledby="screening-narrative">
          <Title order={2} id="screening-narrative">
            {t('screening.flow.narrative')}
          </Title>
          <Blockquote>{screening.narrative}</Blockquote>
        </Stack>
      )}

      <Group component="section" aria-labelledby="screening-person" gap="sm">
        <Title order={2} fz="h3" id="screening-person">
          {t('screening.list.person')}:
        </Title>
        {screening.personId && screening.personReference ? (
          <Anchor component={Link} to={`/persons/${screening.personId}`}>
            {screening.personReference}
          </Anchor>
        ) : (
          <>
            <Text>{t('screening.detail.noPerson')}</Text>
            {can('victim.create') && screening.allowed.includes('screening.edit') && (
              <Button variant="light" onClick={() => setRecording(true)}>
                {t('persons.record')}
              </Button>
            )}
          </>
        )}
      </Group>

      <AssessmentResult result={screening} instrument={instrument} locale={locale} scroll={false} />

      <Stack gap="xs" component="section" aria-labelledby="screening-answers">
        <Title order={2} id="screening-answers">
          {t('screening.detail.answers')}
        </Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('screening.detail.indicator')}</Table.Th>
              <Table.Th scope="col">{t('screening.detail.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(screening.answers).map(([id, answer]) => (
              <Table.Tr key={id}>
                <Table.Td>{textOf(id)}</Table.Td>
                <Table.Td>
                  <Badge variant={answer === 'yes' ? 'filled' : 'outline'} color="gray.8" tt="none">
                    {t(`screening.answers.${answer}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        size="lg"
        title={t('persons.record')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {recording && (
          <PersonForm
            screeningId={screening.id}
            childHint={screening.childRule}
            onCancel={() => setRecording(false)}
            onCreated={(person) => void navigate(`/persons/${person.id}`)}
          />
        )}
      </Modal>
    </Page>
  );
}

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600} component="div">
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );
}
