import { useState } from 'react';
import { Anchor, Badge, Button, Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Screening } from '@veza/shared';
import { useCan } from '../auth/session.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { screeningApi } from './screenings.api.ts';

const LIMIT = 25;

/** A badge whose text may wrap (long outcomes in Albanian or Macedonian). */
export const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** The unit's stored screenings (a coordinator: the jurisdiction's), newest first. */
export function ScreeningsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['screenings', offset],
    queryFn: () => screeningApi.screenings(offset, LIMIT),
  });
  return (
    <Page
      title={t('screening.list.title')}
      actions={
        can('screening.assess') && (
          <Button component={Link} to="/screening" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            {t('screening.list.new')}
          </Button>
        )
      }
    >
      <Text>{t('screening.list.intro')}</Text>
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.total === 0 ? (
        <Text>{t('screening.list.empty')}</Text>
      ) : (
        <>
          <ScreeningsTable items={list.data.items} />
          <Pager
            offset={offset}
            limit={LIMIT}
            total={list.data.total}
            onChange={setOffset}
            label={t('screening.list.pages')}
          />
        </>
      )}
    </Page>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Screening['outcome'] }) {
  const { t } = useTranslation();
  const color =
    outcome === 'grounds_to_refer' ? 'red.9' : outcome === 'further_interview' ? 'blue.9' : 'gray.8';
  return (
    <Badge variant="outline" color={color} tt="none" styles={WRAPPING_BADGE}>
      {t(`screening.outcomes.${outcome}`)}
    </Badge>
  );
}

function ScreeningsTable({ items }: { items: Screening[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollTable minWidth={900} label={t('screening.list.table')}>
      <Table captionSide="top" striped highlightOnHover>
        <Table.Caption>{t('screening.list.table')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('screening.list.reference')}</Table.Th>
            <Table.Th scope="col">{t('screening.flow.occurredAt')}</Table.Th>
            <Table.Th scope="col">{t('screening.flow.setting')}</Table.Th>
            <Table.Th scope="col">{t('screening.list.stage')}</Table.Th>
            <Table.Th scope="col">{t('screening.resultTitle')}</Table.Th>
            <Table.Th scope="col">{t('screening.list.person')}</Table.Th>
            <Table.Th scope="col">{t('screening.list.screenedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/screenings/${s.id}`}>
                  {s.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{format.dateTime(s.occurredAt)}</Table.Td>
              <Table.Td>
                {t(`screening.flow.settings.${s.setting}`)} · {s.place}
              </Table.Td>
              <Table.Td>{t(`screening.list.stages.${s.stage}`)}</Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={s.outcome} />
                {s.nonPunishmentAlert && (
                  <Badge mt={4} variant="filled" color="red.9" tt="none" styles={WRAPPING_BADGE}>
                    {t('screening.list.alert')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {s.personId && s.personReference ? (
                  <Anchor component={Link} to={`/persons/${s.personId}`} style={{ whiteSpace: 'nowrap' }}>
                    {s.personReference}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{s.screenedBy.displayName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
