import { Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LinkSide } from '@veza/shared';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Page } from '../../ui/Page.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { WRAPPING_BADGE } from '../cases/HandlingBadge.tsx';
import { linkageApi } from './linkage.api.ts';

/**
 * Persons, phones, vehicles, addresses and accounts found both in a drug case and in a trafficking
 * case: the cases and units to put in touch. A side the user may not see is a hit: unit and reference.
 */
export function DrugsLinksPage() {
  const { t } = useTranslation();
  const links = useQuery({
    queryKey: ['linkage', 'drugs-trafficking'],
    queryFn: linkageApi.drugsLinks,
    staleTime: 0,
  });
  return (
    <Page title={t('linkage.drugsTitle')}>
      <Text>{t('linkage.drugsIntro')}</Text>
      {links.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : links.isError ? (
        <ErrorAlert error={links.error} />
      ) : links.data.length === 0 ? (
        <Text>{t('linkage.noLinks')}</Text>
      ) : (
        <ScrollTable minWidth={1000} label={t('linkage.drugsTable')}>
          <Table captionSide="top" striped>
            <Table.Caption>{t('linkage.drugsTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('linkage.kind')}</Table.Th>
                <Table.Th scope="col">{t('linkage.shared')}</Table.Th>
                <Table.Th scope="col">{t('linkage.drugsSide')}</Table.Th>
                <Table.Th scope="col">{t('linkage.traffickingSide')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.map((link, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t(`linkage.kinds.${link.kind}`)}</Table.Td>
                  <Table.Td>{link.value ?? t('linkage.matchedPerson')}</Table.Td>
                  <Table.Td>
                    <Side side={link.drugs} />
                  </Table.Td>
                  <Table.Td>
                    <Side side={link.trafficking} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}

function Side({ side }: { side: LinkSide }) {
  const { t } = useTranslation();
  const unit = t('linkage.unitLine', {
    unit: side.unit,
    jurisdiction: t(`jurisdictions.${side.jurisdiction}`),
  });
  return (
    <Stack gap={2}>
      {side.caseId ? (
        <Anchor component={Link} to={`/cases/${side.caseId}`}>
          {side.caseReference}
        </Anchor>
      ) : (
        <Text span>{side.caseReference}</Text>
      )}
      <Text span size="sm">
        {unit}
      </Text>
      {side.caption !== null ? (
        <Text span fw={600}>
          {side.caption}
        </Text>
      ) : side.caseId !== null ? (
        // A case seen by rank, not as a member of its team: the link, not who the person is.
        <Text span fs="italic">
          {t('casework.withheldPerson')}
        </Text>
      ) : (
        <span>
          <Badge variant="outline" color="gray.8" tt="none" styles={WRAPPING_BADGE}>
            {t('linkage.hitOnly')}
          </Badge>{' '}
          <Anchor component={Link} to="/linkage/hits" size="sm">
            {t('linkage.toHits')}
          </Anchor>
        </span>
      )}
    </Stack>
  );
}
