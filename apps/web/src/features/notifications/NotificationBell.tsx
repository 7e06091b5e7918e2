import { ActionIcon, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { notificationsApi } from './notifications.api.ts';

/** How often the bell asks for news; a notification is a nudge, not an alarm. */
const POLL_MS = 60_000;

/**
 * The bell in the header: the unread count and the latest notifications of the user and their unit.
 * Opening one marks it read (for the whole unit, when it was the unit's) and goes where it points.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: notificationsApi.list,
    refetchInterval: POLL_MS,
  });
  const read = useMutation({
    mutationFn: (id: string) => notificationsApi.read(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.unread ?? 0;
  const open = (n: Notification) => {
    if (!n.read) read.mutate(n.id);
    setOpened(false);
    if (n.link) void navigate(n.link);
  };

  return (
    <Indicator label={unread} size={18} disabled={unread === 0} color="red.9" offset={4}>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={360}
        shadow="md"
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notifications.bell', { count: unread })}
          >
            <IconBell size={18} aria-hidden="true" />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Text fw={600} component="h2" size="md" m={0}>
              {t('notifications.title')}
            </Text>
            {list.data && list.data.items.length === 0 ? (
              <Text size="sm">{t('notifications.empty')}</Text>
            ) : (
              <ScrollArea.Autosize mah={360}>
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {(list.data?.items ?? []).map((n) => (
                    <li key={n.id}>
                      <UnstyledButton
                        onClick={() => open(n)}
                        p="xs"
                        w="100%"
                        style={{
                          borderRadius: 4,
                          background: n.read ? undefined : 'var(--mantine-color-blue-0)',
                        }}
                      >
                        <Text size="sm" fw={n.read ? 400 : 600}>
                          {t(`notifications.kinds.${n.kind}`, messageValues(n, t))}
                        </Text>
                        <Text size="xs" c="gray.7">
                          {format.dateTime(n.createdAt)}
                          {n.read ? '' : ` · ${t('notifications.unread')}`}
                        </Text>
                      </UnstyledButton>
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

/** The payload as message arguments; a referral status and a jurisdiction are themselves translated. */
function messageValues(n: Notification, t: (key: string) => string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.payload)) {
    if (value === null || typeof value === 'boolean') continue;
    values[key] = value;
  }
  if (typeof n.payload['status'] === 'string')
    values['status'] = t(`notifications.statuses.${n.payload['status']}`);
  // An information request names the jurisdiction it came from by its code.
  if (typeof n.payload['from'] === 'string') values['from'] = t(`jurisdictions.${n.payload['from']}`);
  return values;
}
