import { Suspense, lazy, type ComponentType } from 'react';
import { AppShell, Burger, Center, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconChartBar,
  IconClipboardList,
  IconFileSearch,
  IconFolders,
  IconUserShield,
  IconArrowsExchange,
  IconWorldShare,
  IconHome,
  IconLink,
  IconListCheck,
  IconTargetArrow,
  IconBuildingHospital,
  IconAddressBook,
  IconMap,
  IconSearch,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import type { Action } from '@veza/shared';
import { useMe } from '../features/auth/session.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { SignOutButton } from '../features/offline/SignOutButton.tsx';
import { SyncIndicator } from '../features/offline/SyncIndicator.tsx';
import { UpdateNotice } from '../features/offline/UpdateNotice.tsx';
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
const ScreeningPage = lazyPage(() => import('../features/screenings/ScreeningPage.tsx'), 'ScreeningPage');
const ScreeningsPage = lazyPage(() => import('../features/screenings/ScreeningsPage.tsx'), 'ScreeningsPage');
const ScreeningDetailPage = lazyPage(
  () => import('../features/screenings/ScreeningDetailPage.tsx'),
  'ScreeningDetailPage',
);
const PersonsPage = lazyPage(() => import('../features/persons/PersonsPage.tsx'), 'PersonsPage');
const PersonPage = lazyPage(() => import('../features/persons/PersonPage.tsx'), 'PersonPage');
const CasesPage = lazyPage(() => import('../features/cases/CasesPage.tsx'), 'CasesPage');
const CasePage = lazyPage(() => import('../features/cases/CasePage.tsx'), 'CasePage');
const HitsPage = lazyPage(() => import('../features/linkage/HitsPage.tsx'), 'HitsPage');
const DrugsLinksPage = lazyPage(() => import('../features/linkage/DrugsLinksPage.tsx'), 'DrugsLinksPage');
const ChartPage = lazyPage(() => import('../features/chart/ChartPage.tsx'), 'ChartPage');
const ImportPage = lazyPage(() => import('../features/exchange/ImportPage.tsx'), 'ImportPage');
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');
const SyncPage = lazyPage(() => import('../features/offline/SyncPage.tsx'), 'SyncPage');
const ScreeningEditPage = lazyPage(
  () => import('../features/offline/ScreeningEditPage.tsx'),
  'ScreeningEditPage',
);
const ReferralsPage = lazyPage(() => import('../features/referral/ReferralsPage.tsx'), 'ReferralsPage');
const ReferralPage = lazyPage(() => import('../features/referral/ReferralPage.tsx'), 'ReferralPage');
const NewReferralPage = lazyPage(() => import('../features/referral/NewReferralPage.tsx'), 'NewReferralPage');
const ProvidersPage = lazyPage(() => import('../features/referral/ProvidersPage.tsx'), 'ProvidersPage');
const RequestsPage = lazyPage(() => import('../features/requests/RequestsPage.tsx'), 'RequestsPage');
const RequestPage = lazyPage(() => import('../features/requests/RequestPage.tsx'), 'RequestPage');
const RequestStatisticsPage = lazyPage(
  () => import('../features/requests/RequestStatisticsPage.tsx'),
  'RequestStatisticsPage',
);
const NewRequestPage = lazyPage(() => import('../features/requests/NewRequestPage.tsx'), 'NewRequestPage');
const DirectoryPage = lazyPage(() => import('../features/directory/DirectoryPage.tsx'), 'DirectoryPage');
const StatisticsPage = lazyPage(() => import('../features/statistics/StatisticsPage.tsx'), 'StatisticsPage');
const InstrumentsPage = lazyPage(
  () => import('../features/indicators/InstrumentsPage.tsx'),
  'InstrumentsPage',
);

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
    path: '/screenings',
    labelKey: 'nav.screenings',
    icon: IconClipboardList,
    element: ScreeningsPage,
    anyOf: ['screening.view'],
  },
  {
    path: '/persons',
    labelKey: 'nav.persons',
    icon: IconUserShield,
    element: PersonsPage,
    anyOf: ['victim.view'],
  },
  {
    path: '/cases',
    labelKey: 'nav.cases',
    icon: IconFolders,
    element: CasesPage,
    anyOf: ['case.view'],
  },
  {
    path: '/referrals',
    labelKey: 'nav.referrals',
    icon: IconArrowsExchange,
    element: ReferralsPage,
    anyOf: ['referral.view'],
  },
  {
    path: '/requests',
    labelKey: 'nav.requests',
    icon: IconWorldShare,
    element: RequestsPage,
    anyOf: ['request.view', 'request.statistics'],
  },
  {
    path: '/providers',
    labelKey: 'nav.providers',
    icon: IconBuildingHospital,
    element: ProvidersPage,
    anyOf: ['provider.view'],
  },
  {
    path: '/directory',
    labelKey: 'nav.directory',
    icon: IconAddressBook,
    element: DirectoryPage,
    anyOf: ['directory.view'],
  },
  {
    path: '/statistics',
    labelKey: 'nav.statistics',
    icon: IconChartBar,
    element: StatisticsPage,
    anyOf: ['statistics.view'],
  },
  {
    path: '/instruments',
    labelKey: 'nav.instruments',
    icon: IconListCheck,
    element: InstrumentsPage,
    anyOf: ['instrument.publish'],
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
  {
    path: '/linkage/hits',
    labelKey: 'nav.hits',
    icon: IconTargetArrow,
    element: HitsPage,
    anyOf: ['case.view'],
  },
  {
    path: '/linkage/drugs-trafficking',
    labelKey: 'nav.drugsLinks',
    icon: IconLink,
    element: DrugsLinksPage,
    anyOf: ['case.view'],
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
              <SyncIndicator />
              {/* Floats over the page (a portal): the header has no room for it. */}
              <UpdateNotice />
            </Group>
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              <Text size="sm" visibleFrom="md" component="span">
                {me.displayName}
              </Text>
              <NotificationBell />
              <LanguageSwitcher />
              <SignOutButton />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('layout.mainNavigation')}>
          <Stack gap={4}>
            {destinations.map((d) => {
              const active =
                d.path === '/'
                  ? location.pathname === '/'
                  : location.pathname === d.path || location.pathname.startsWith(`${d.path}/`);
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
            <SignOutButton />
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
              {me.capabilities.includes('screening.view') && (
                <Route path="/screenings/:screeningId" element={<ScreeningDetailPage />} />
              )}
              {me.capabilities.includes('victim.view') && (
                <Route path="/persons/:personId" element={<PersonPage />} />
              )}
              {me.capabilities.includes('case.view') && (
                <Route path="/cases/:caseId/chart" element={<ChartPage />} />
              )}
              {me.capabilities.includes('case.edit') && (
                <Route path="/cases/:caseId/import" element={<ImportPage />} />
              )}
              {me.capabilities.includes('referral.create') && (
                <Route path="/referrals/new" element={<NewReferralPage />} />
              )}
              {me.capabilities.includes('referral.view') && (
                <Route path="/referrals/:referralId" element={<ReferralPage />} />
              )}
              {me.capabilities.includes('request.create') && (
                <Route path="/requests/new" element={<NewRequestPage />} />
              )}
              {me.capabilities.includes('request.statistics') && (
                <Route path="/requests/statistics" element={<RequestStatisticsPage />} />
              )}
              {me.capabilities.includes('request.view') && (
                <Route path="/requests/:requestId" element={<RequestPage />} />
              )}
              {me.capabilities.includes('screening.edit') && (
                <Route path="/screenings/:screeningId/edit" element={<ScreeningEditPage />} />
              )}
              <Route path="/sync" element={<SyncPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
