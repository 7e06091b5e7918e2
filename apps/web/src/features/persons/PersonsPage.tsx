import { useState } from 'react';
import { Anchor, Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useNames } from '../screenings/languages.ts';
import { personsApi } from './persons.api.ts';

const LIMIT = 25;

/** The persons in reach, by pseudonymous reference: never a name in a list. */
export function PersonsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const [offset, setOffset] = useState(0);
  const list = useQuery({ queryKey: ['persons', offset], queryFn: () => personsApi.list(offset, LIMIT) });
  return (
    <Page title={t('persons.title')}>
      <Text>{t('persons.intro')}</Text>
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.total === 0 ? (
        <Text>{t('persons.empty')}</Text>
      ) : (
        <>
          <ScrollTable minWidth={800} label={t('persons.table')}>
            <Table captionSide="top" striped highlightOnHover>
              <Table.Caption>{t('persons.table')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('persons.reference')}</Table.Th>
                  <Table.Th scope="col">{t('persons.category')}</Table.Th>
                  <Table.Th scope="col">{t('persons.ageGroup')}</Table.Th>
                  <Table.Th scope="col">{t('persons.nationality')}</Table.Th>
                  <Table.Th scope="col">{t('persons.recordedAt')}</Table.Th>
                  <Table.Th scope="col">{t('persons.reviewDueAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/persons/${p.id}`}>
                        {p.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {t(`persons.categories.${p.category}`)} ({t(`persons.categoryKinds.${p.categoryKind}`)})
                    </Table.Td>
                    <Table.Td>{t(`persons.ageGroups.${p.ageGroup}`)}</Table.Td>
                    <Table.Td>{names.country(p.nationality) || '—'}</Table.Td>
                    <Table.Td>{format.date(p.createdAt)}</Table.Td>
                    <Table.Td>{format.date(p.reviewDueAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Pager
            offset={offset}
            limit={LIMIT}
            total={list.data.total}
            onChange={setOffset}
            label={t('persons.pages')}
          />
        </>
      )}
    </Page>
  );
}
