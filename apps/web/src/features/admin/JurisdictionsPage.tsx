import { Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { LOCALE_NATIVE_NAMES } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { useJurisdictions } from './organisation.queries.ts';

/** The seven jurisdictions with their default language and how many agencies and users each has. */
export function JurisdictionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const jurisdictions = useJurisdictions();
  return (
    <Page title={t('jurisdictionsPage.title')}>
      {jurisdictions.isError && <ErrorAlert error={jurisdictions.error} />}
      {jurisdictions.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <ScrollTable minWidth={560} label={t('jurisdictionsPage.caption')}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('jurisdictionsPage.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.jurisdiction')}</Table.Th>
                <Table.Th scope="col">{t('jurisdictionsPage.code')}</Table.Th>
                <Table.Th scope="col">{t('jurisdictionsPage.defaultLanguage')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('jurisdictionsPage.agencies')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('jurisdictionsPage.users')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(jurisdictions.data ?? []).map((j) => (
                <Table.Tr key={j.code}>
                  <Table.Th scope="row" fw={600}>
                    {t(`jurisdictions.${j.code}`)}
                  </Table.Th>
                  <Table.Td>{j.code}</Table.Td>
                  <Table.Td lang={j.defaultLanguage}>{LOCALE_NATIVE_NAMES[j.defaultLanguage]}</Table.Td>
                  <Table.Td ta="right">{format.number(j.agencyCount)}</Table.Td>
                  <Table.Td ta="right">{format.number(j.userCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Text size="sm">{t('jurisdictions.kosovoFootnote')}</Text>
    </Page>
  );
}
