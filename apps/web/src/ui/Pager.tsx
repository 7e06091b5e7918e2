import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** Previous / next with "21–40 of 230": plain buttons with text, usable by keyboard and screen reader. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
  label,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group component="nav" aria-label={label} justify="space-between" wrap="wrap">
      <Text aria-live="polite">
        {t('common.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('common.previousPage')}
        </Button>
        <Button
          variant="default"
          rightSection={<IconChevronRight size={16} aria-hidden="true" />}
          disabled={to >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('common.nextPage')}
        </Button>
      </Group>
    </Group>
  );
}
