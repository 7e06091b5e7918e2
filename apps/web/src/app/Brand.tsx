import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <img src="/icon.svg" alt="" width={28} height={28} />
      <Text fw={700} fz="lg" component="span">
        Veza
      </Text>
      <Text size="sm" c="dimmed" visibleFrom="md" component="span">
        {t('layout.tagline')}
      </Text>
    </Group>
  );
}
