import type { ReactNode } from 'react';
import { Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { Brand } from './Brand.tsx';

/** Header with the name and the language switcher, and one main column: sign-in and forced steps. */
export function PublicLayout({
  children,
  headerActions,
}: {
  children: ReactNode;
  headerActions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Brand />
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            {headerActions}
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={560} py="xl">
        {children}
      </Container>
      <Box component="footer" px="md" py="md">
        <Text size="sm" c="dimmed" ta="center">
          {t('layout.footer')}
        </Text>
      </Box>
    </>
  );
}
