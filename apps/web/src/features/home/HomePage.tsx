import type { ComponentType } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconFileSearch,
  IconGavel,
  IconMap,
  IconReportAnalytics,
  IconSchool,
  IconSearch,
  IconShieldCheck,
  IconUsers,
  IconWorld,
  IconWorldShare,
  IconHeartHandshake,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Action, Me, UpcomingModule } from '@veza/shared';
import { useMe } from '../auth/session.tsx';
import { Page } from '../../ui/Page.tsx';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }>;

interface Task {
  key: string;
  path: string;
  icon: Icon;
  anyOf: Action[];
}

/** What the user can open today, driven by capabilities only. */
const TASKS: Task[] = [
  { key: 'screening', path: '/screening', icon: IconSearch, anyOf: ['screening.assess'] },
  { key: 'investigations', path: '/cases', icon: IconShieldCheck, anyOf: ['case.view'] },
  { key: 'referral', path: '/referrals', icon: IconHeartHandshake, anyOf: ['referral.view'] },
  { key: 'requests', path: '/requests', icon: IconWorldShare, anyOf: ['request.view'] },
  { key: 'reporting', path: '/statistics', icon: IconReportAnalytics, anyOf: ['statistics.view'] },
  { key: 'users', path: '/admin/users', icon: IconUsers, anyOf: ['user.view', 'user.manage'] },
  {
    key: 'organisation',
    path: '/admin/organisation',
    icon: IconBuildingCommunity,
    anyOf: ['organisation.manage'],
  },
  {
    key: 'jurisdictions',
    path: '/admin/jurisdictions',
    icon: IconMap,
    anyOf: ['organisation.manage', 'user.view'],
  },
  { key: 'audit', path: '/audit', icon: IconFileSearch, anyOf: ['audit.search'] },
];

interface Upcoming {
  key: UpcomingModule;
  icon: Icon;
}

/** What Veza will offer; described only, never linked, to the users the server says it concerns. */
const UPCOMING: Upcoming[] = [
  { key: 'cooperation', icon: IconWorld },
  { key: 'proceedings', icon: IconGavel },
  { key: 'training', icon: IconSchool },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const tasks = TASKS.filter((task) => task.anyOf.some((action) => me.capabilities.includes(action)));
  const upcoming = UPCOMING.filter(
    (item) => me.upcoming.includes(item.key) && !tasks.some((task) => task.key === item.key),
  );

  return (
    <Page title={t('home.welcome', { name: me.displayName })}>
      <Whereabouts me={me} />
      {tasks.length > 0 && (
        <Stack component="section" aria-labelledby="home-tasks">
          <Title order={2} id="home-tasks">
            {t('home.tasksTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {tasks.map((task) => (
              <TaskCard key={task.key} task={task} me={me} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {upcoming.length > 0 && (
        <Stack component="section" aria-labelledby="home-upcoming">
          <Title order={2} id="home-upcoming">
            {t('home.upcomingTitle')}
          </Title>
          <Text>{t('home.upcomingIntro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {upcoming.map((item) => (
              <Card key={item.key} withBorder radius="md" padding="lg">
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                  <Group gap="xs" wrap="nowrap">
                    <item.icon size={22} aria-hidden="true" />
                    <Title order={3} fz="h4">
                      {t(`home.upcoming.${item.key}.title`)}
                    </Title>
                  </Group>
                  <Badge variant="outline" color="gray.8" style={{ flexShrink: 0 }}>
                    {t('home.comingSoon')}
                  </Badge>
                </Group>
                <Text>{t(`home.upcoming.${item.key}.text`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {tasks.length === 0 && upcoming.length === 0 && <Text>{t('home.nothingYet')}</Text>}
    </Page>
  );
}

function Whereabouts({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="home-you">
      <Title order={2} fz="h4" id="home-you" mb="xs">
        {t('home.youTitle')}
      </Title>
      <Stack gap={4}>
        <Text>
          {t('home.workplace', {
            unit: me.unit.name,
            agency: me.agency.name,
            jurisdiction: me.jurisdiction
              ? t(`jurisdictions.${me.jurisdiction}`)
              : t('jurisdictions.regional'),
          })}
        </Text>
        <Text>{t('home.rolesLine', { roles: me.roles.map((role) => t(`roles.${role}`)).join(', ') })}</Text>
      </Stack>
    </Card>
  );
}

function TaskCard({ task, me }: { task: Task; me: Me }) {
  const { t } = useTranslation();
  const canVerify = task.key === 'audit' && me.capabilities.includes('audit.verify');
  return (
    <Card withBorder radius="md" padding="lg">
      <Group gap="xs" wrap="nowrap" mb="xs">
        <task.icon size={22} aria-hidden="true" />
        <Title order={3} fz="h4">
          {t(`home.tasks.${task.key}.title`)}
        </Title>
      </Group>
      <Text mb="md">{t(`home.tasks.${task.key}.text`)}</Text>
      {canVerify && <Text mb="md">{t('home.tasks.audit.verify')}</Text>}
      <Group mt="auto">
        <Button component={Link} to={task.path} variant="filled">
          {t('home.open', { name: t(`home.tasks.${task.key}.title`) })}
        </Button>
      </Group>
    </Card>
  );
}
