import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@veza/demo';
import type { Locale } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import {
  apiGet,
  enrolTotp,
  expectHtmlLang,
  newPage,
  pageHeading,
  signIn,
  t,
  visible,
} from './support/app.ts';

type Task =
  | 'screening'
  | 'investigations'
  | 'referral'
  | 'requests'
  | 'reporting'
  | 'users'
  | 'organisation'
  | 'jurisdictions'
  | 'audit';
type Upcoming = 'cooperation' | 'proceedings' | 'training';

/**
 * What each demo account's home page offers, written out by hand from the policy (docs/architecture.md,
 * the rules in apps/server/src/modules/<name>/<name>.policy.ts): administration only for administrators, the
 * audit log for administrators and the data protection officer, the staff list also for a supervisor
 * (his unit), screening for the front line (officers, supervisors, NGO caseworkers, coordinators); the
 * parts still to come are described for the roles they will serve. A new demo account fails here until someone says what it should see.
 */
/** Navigation entries without a task card on the home page, after the tasks' entries (e.g. statistics). */
type NavOnly =
  | 'nav.statistics'
  | 'nav.instruments'
  | 'nav.referrals'
  | 'nav.requests'
  | 'nav.providers'
  | 'nav.screenings'
  | 'nav.persons'
  | 'nav.hits'
  | 'nav.drugsLinks';

/** The order of the navigation (DESTINATIONS in apps/web/src/app/AppLayout.tsx). */
const NAV_ORDER = [
  'nav.home',
  'nav.screening',
  'nav.screenings',
  'nav.persons',
  'nav.cases',
  'nav.referrals',
  'nav.requests',
  'nav.providers',
  'nav.directory',
  'nav.statistics',
  'nav.instruments',
  'nav.users',
  'nav.organisation',
  'nav.jurisdictions',
  'nav.audit',
  'nav.hits',
  'nav.drugsLinks',
  'nav.profile',
];
// Stored screenings and person records: the unit's officers and supervisors, the jurisdiction's
// coordinators; NGO caseworkers see only the persons referred to them (persons.policy.ts).
const VICTIMS: NavOnly[] = ['nav.screenings', 'nav.persons'];
// Hits and drugs-trafficking links: everyone who may sit on a case team (cases.policy.ts).
const LINKAGE: NavOnly[] = ['nav.hits', 'nav.drugsLinks'];

const EXPECTED: Record<
  string,
  { tasks: Task[]; upcoming: Upcoming[]; twoFactor?: true; navOnly?: NavOnly[] }
> = {
  admin: { tasks: ['users', 'organisation', 'jurisdictions', 'audit'], upcoming: [], twoFactor: true },
  'admin.xk': { tasks: ['users', 'organisation', 'jurisdictions', 'audit'], upcoming: [], twoFactor: true },
  'dpo.al': { tasks: ['users', 'jurisdictions', 'audit'], upcoming: [] },
  // Referrals: the sending unit's officers and supervisors, NGO caseworkers, coordinators; the provider
  // directory (not personal data) for every operational role (referral.policy.ts).
  'officer.rs': {
    tasks: ['screening', 'investigations', 'referral', 'requests'],
    upcoming: ['cooperation'],
    navOnly: [...VICTIMS, 'nav.providers', ...LINKAGE],
  },
  'drugs.rs': {
    tasks: ['screening', 'investigations', 'referral', 'requests'],
    upcoming: ['cooperation'],
    navOnly: [...VICTIMS, 'nav.providers', ...LINKAGE],
  },
  'supervisor.rs': {
    tasks: ['screening', 'investigations', 'referral', 'requests', 'users', 'jurisdictions'],
    upcoming: ['cooperation', 'training'],
    navOnly: [...VICTIMS, 'nav.providers', ...LINKAGE],
  },
  // A national analyst: no statistics (statistics.policy.ts: national coordinators, regional analysts).
  'analyst.mk': {
    tasks: ['investigations', 'requests'],
    upcoming: ['cooperation'],
    navOnly: ['nav.providers', ...LINKAGE],
  },
  'officer.xk': {
    tasks: ['screening', 'investigations', 'referral', 'requests'],
    upcoming: ['cooperation'],
    navOnly: [...VICTIMS, 'nav.providers', ...LINKAGE],
  },
  'prosecutor.hr': {
    tasks: ['investigations', 'requests'],
    upcoming: ['cooperation', 'proceedings'],
    navOnly: ['nav.providers', ...LINKAGE],
  },
  'judge.me': {
    tasks: ['investigations'],
    upcoming: ['cooperation', 'proceedings'],
    navOnly: ['nav.providers', ...LINKAGE],
  },
  'ngo.ba': { tasks: ['screening', 'referral'], upcoming: [], navOnly: ['nav.persons', 'nav.providers'] },
  // Statistics of Montenegro, referrals of Montenegro; the indicator library (indicators.policy.ts:
  // only national coordinators publish a new version of an instrument).
  'coordinator.me': {
    tasks: ['screening', 'referral', 'reporting'],
    upcoming: ['cooperation', 'training'],
    // The statistics of information requests between Montenegro and the others (requests.policy.ts).
    navOnly: [...VICTIMS, 'nav.requests', 'nav.providers', 'nav.instruments'],
  },
  trainer: { tasks: [], upcoming: ['training'] },
  // The single points of contact: information requests only (requests.policy.ts).
  'spoc.al': { tasks: ['requests'], upcoming: [] },
  'spoc.ba': { tasks: ['requests'], upcoming: [] },
  'spoc.hr': { tasks: ['requests'], upcoming: [] },
  'spoc.xk': { tasks: ['requests'], upcoming: [] },
  'spoc.me': { tasks: ['requests'], upcoming: [] },
  'spoc.mk': { tasks: ['requests'], upcoming: [] },
  'spoc.rs': { tasks: ['requests'], upcoming: [] },
};

const NAV_OF_TASK: Record<Task, string> = {
  screening: 'nav.screening',
  investigations: 'nav.cases',
  referral: 'nav.referrals',
  requests: 'nav.requests',
  reporting: 'nav.statistics',
  users: 'nav.users',
  organisation: 'nav.organisation',
  jurisdictions: 'nav.jurisdictions',
  audit: 'nav.audit',
};

let veza: RunningVeza;
let browser: Browser;
/**
 * Home pages already checked against WCAG: accounts with the same expectation show the same page but
 * for the names and the language (the seven SPOCs, the officers), and axe is the slowest step here, so
 * each distinct page is checked once; every page is still screenshot and asserted.
 */
const checkedLayouts = new Set<string>();

beforeAll(async () => {
  // Thirteen sign-ins from one address within a minute: above the default limit of ten per minute.
  [veza, browser] = await Promise.all([
    // The app's scripts count against the general limit too (600 requests a minute per address).
    startVeza({ env: { VEZA_LOGIN_RATE_LIMIT: '100', VEZA_RATE_LIMIT: '5000' } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('each demo role lands on a home page with only what it may do', () => {
  it('has an expectation for every demo account', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email.split('@')[0]).sort());
  });

  for (const account of DEMO_ACCOUNTS) {
    const local = account.email.split('@')[0] ?? '';
    it(`${local} (${account.roles.join(', ')}, ${account.language})`, async () => {
      const expected = EXPECTED[local];
      if (!expected) throw new Error(`No expectation for ${account.email}`);
      const lang: Locale = account.language;
      const { context, page } = await newPage(browser);
      await signIn(page, veza.url, account.email);

      if (expected.twoFactor) {
        // Administrators can do nothing before two-factor authentication is on.
        await visible(pageHeading(page, t(lang, 'totp.forcedTitle')));
        expect(await page.getByRole('navigation').count()).toBe(0);
        expect((await apiGet(page, '/api/users')).status).toBe(403);
        await enrolTotp(page, lang);
      }

      await visible(pageHeading(page, t(lang, 'home.welcome', { name: account.displayName })));
      await expectHtmlLang(page, lang);

      // Where the account sits, as the server has it.
      const me = (await apiGet(page, '/api/me')).body as {
        unit: { name: string };
        agency: { name: string };
      };
      const place = page.getByRole('region', { name: t(lang, 'home.youTitle') });
      await visible(place.getByText(me.unit.name, { exact: false }));
      expect(await place.textContent()).toContain(me.agency.name);
      for (const role of account.roles) expect(await place.textContent()).toContain(t(lang, `roles.${role}`));

      // Navigation: home, the tasks, the contact points (everyone signed in reads them,
      // directory.policy.ts), profile; nothing else.
      const nav = page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') });
      const navKeys = [
        'nav.home',
        ...expected.tasks.map((task) => NAV_OF_TASK[task]),
        ...(expected.navOnly ?? []),
        'nav.directory',
        'nav.profile',
      ].sort((a, b) => NAV_ORDER.indexOf(a) - NAV_ORDER.indexOf(b));
      expect(await nav.getByRole('link').allTextContents()).toEqual(navKeys.map((key) => t(lang, key)));

      // The task cards, each with its link; and the parts of Veza still to come for these roles.
      const tasks = page.getByRole('region', { name: t(lang, 'home.tasksTitle') });
      if (expected.tasks.length === 0) {
        expect(await tasks.count()).toBe(0);
      } else {
        expect(await tasks.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
          expected.tasks.map((task) => t(lang, `home.tasks.${task}.title`)),
        );
        for (const task of expected.tasks) {
          const name = t(lang, 'home.open', { name: t(lang, `home.tasks.${task}.title`) });
          await visible(tasks.getByRole('link', { name, exact: true }));
        }
      }
      const upcoming = page.getByRole('region', { name: t(lang, 'home.upcomingTitle') });
      if (expected.upcoming.length === 0) {
        expect(await upcoming.count()).toBe(0);
      } else {
        expect(await upcoming.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
          expected.upcoming.map((item) => t(lang, `home.upcoming.${item}.title`)),
        );
      }
      if (expected.tasks.length === 0 && expected.upcoming.length === 0) {
        await visible(page.getByText(t(lang, 'home.nothingYet')));
      }

      const layout = JSON.stringify(expected);
      if (!checkedLayouts.has(layout)) {
        checkedLayouts.add(layout);
        await expectAccessible(page, `home (${local}, ${lang})`);
      }
      await screenshot(page, `home-${local}-${lang}`);
      await context.close();
    });
  }
});
