import { Suspense, lazy, type ComponentType } from 'react';
import { AppShell, Burger, Button, Center, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconFileSearch,
  IconFolders,
  IconHome,
  IconLogout,
  IconMap,
  IconSearch,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import type { Action } from '@veza/shared';
import { useMe, useSession } from '../features/auth/session.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { Brand } from './Brand.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = lazyPage(() => import('../features/home/HomePage.tsx'), 'HomePage');
const UsersPage = lazyPage(() => import('../features/admin/UsersPage.tsx'), 'UsersPage');
const OrganisationPage = lazyPage(() => import('../features/admin/OrganisationPage.tsx'), 'OrganisationPage');
const JurisdictionsPage = lazyPage(
  () => import('../features/admin/JurisdictionsPage.tsx'),
  'JurisdictionsPage',
);
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const ScreeningPage = lazyPage(() => import('../features/screening/ScreeningPage.tsx'), 'ScreeningPage');
const CasesPage = lazyPage(() => import('../features/investigation/CasesPage.tsx'), 'CasesPage');
const CasePage = lazyPage(() => import('../features/investigation/CasePage.tsx'), 'CasePage');
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');

interface Destination {
  path: string;
  labelKey: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }>;
  element: ComponentType;
  /** Shown when the user holds any of these capabilities; always when absent. */
  anyOf?: Action[];
}

export const DESTINATIONS: Destination[] = [
  { path: '/', labelKey: 'nav.home', icon: IconHome, element: HomePage },
  {
    path: '/screening',
    labelKey: 'nav.screening',
    icon: IconSearch,
    element: ScreeningPage,
    anyOf: ['screening.assess'],
  },
  {
    path: '/cases',
    labelKey: 'nav.cases',
    icon: IconFolders,
    element: CasesPage,
    anyOf: ['case.view'],
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    icon: IconUsers,
    element: UsersPage,
    anyOf: ['user.view', 'user.manage'],
  },
  {
    path: '/admin/organisation',
    labelKey: 'nav.organisation',
    icon: IconBuildingCommunity,
    element: OrganisationPage,
    anyOf: ['organisation.manage'],
  },
  {
    path: '/admin/jurisdictions',
    labelKey: 'nav.jurisdictions',
    icon: IconMap,
    element: JurisdictionsPage,
    anyOf: ['organisation.manage', 'user.view', 'user.manage'],
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: IconFileSearch,
    element: AuditPage,
    anyOf: ['audit.search'],
  },
  { path: '/profile', labelKey: 'nav.profile', icon: IconUser, element: ProfilePage },
];

export function useDestinations(): Destination[] {
  const me = useMe();
  return DESTINATIONS.filter((d) => !d.anyOf || d.anyOf.some((action) => me.capabilities.includes(action)));
}

/** The signed-in application: header, navigation and the routed page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const destinations = useDestinations();

  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('layout.closeNavigation') : t('layout.openNavigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Link
                to="/"
                aria-label={t('layout.homeLink')}
                style={{ color: 'inherit', textDecoration: 'none' }}
              >
                <Brand />
              </Link>
            </Group>
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <Text size="sm" visibleFrom="md" component="span">
                {me.displayName}
              </Text>
              <LanguageSwitcher />
              <Button
                variant="default"
                leftSection={<IconLogout size={16} aria-hidden="true" />}
                onClick={() => void signOut()}
              >
                {t('auth.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('layout.mainNavigation')}>
          <Stack gap={4}>
            {destinations.map((d) => {
              const active =
                d.path === '/' ? location.pathname === '/' : location.pathname.startsWith(d.path);
              const Icon = d.icon;
              return (
                <NavLink
                  key={d.path}
                  component={Link}
                  to={d.path}
                  label={t(d.labelKey)}
                  leftSection={<Icon size={18} aria-hidden="true" />}
                  active={active}
                  variant="filled"
                  aria-current={active ? 'page' : undefined}
                  onClick={close}
                />
              );
            })}
          </Stack>
          {/* On small screens the header has room only for the menu button: language and sign-out live here. */}
          <Stack gap="sm" mt="lg" hiddenFrom="sm">
            <Text size="sm">{me.displayName}</Text>
            <LanguageSwitcher withLabel />
            <Button
              variant="default"
              leftSection={<IconLogout size={16} aria-hidden="true" />}
              onClick={() => void signOut()}
            >
              {t('auth.signOut')}
            </Button>
          </Stack>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            }
          >
            <Routes>
              {destinations.map((d) => (
                <Route key={d.path} path={d.path} element={<d.element />} />
              ))}
              {me.capabilities.includes('case.view') && (
                <Route path="/cases/:caseId" element={<CasePage />} />
              )}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
