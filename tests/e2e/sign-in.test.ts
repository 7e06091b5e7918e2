import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import {
  apiGet,
  expectHtmlLang,
  gone,
  newPage,
  pageHeading,
  signIn,
  submitCredentials,
  t,
  visible,
} from './support/app.ts';

const OFFICER = 'officer.rs@demo.veza.example';
const OFFICER_NAME = 'Милица Јовановић';
const SUPERVISOR = 'supervisor.rs@demo.veza.example';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('sign-in', () => {
  it('refuses a wrong password and an unknown e-mail with the same translated message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(veza.url);
    await visible(pageHeading(page, 'Sign in'));
    await expectHtmlLang(page, 'en');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in-en');

    await submitCredentials(page, OFFICER, 'not-the-password-1234');
    const alert = await visible(page.getByRole('alert'));
    expect(await alert.textContent()).toContain('Sign-in failed');
    expect(await alert.textContent()).toContain('The e-mail, password or code is not correct.');
    await expectAccessible(page, 'sign-in with error');
    await screenshot(page, 'sign-in-error-en');

    // An e-mail nobody has gets the very same answer: the form does not tell which accounts exist.
    await submitCredentials(page, 'nobody@demo.veza.example', 'not-the-password-1234');
    await visible(page.getByRole('alert').filter({ hasText: t('en', 'errors.invalid_credentials') }));

    // The same refusal in Albanian once the user picks it.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sq');
    await visible(pageHeading(page, t('sq', 'auth.signInTitle')));
    await submitCredentials(page, OFFICER, 'not-the-password-1234', 'sq');
    await visible(page.getByRole('alert').filter({ hasText: t('sq', 'errors.invalid_credentials') }));
    expect(await page.getByRole('alert').textContent()).toContain(t('sq', 'auth.signInFailed'));
    await expectAccessible(page, 'sign-in with error (sq)');
    await screenshot(page, 'sign-in-error-sq');
    await context.close();
  });

  it('lets an officer in: her home page in her language, with her unit and no administration', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER);
    // Her account's language is Serbian in Cyrillic; the page switches to it at sign-in.
    await visible(pageHeading(page, t('sr-Cyrl', 'home.welcome', { name: OFFICER_NAME })));
    await expectHtmlLang(page, 'sr-Cyrl');
    await visible(
      page.getByText('Одељење за сузбијање трговине људима и кријумчарења људи', { exact: false }),
    );
    await visible(page.getByText('Управа криминалистичке полиције', { exact: false }));
    await visible(page.getByText(t('sr-Cyrl', 'jurisdictions.RS'), { exact: false }));
    await visible(page.getByText(t('sr-Cyrl', 'roles.officer'), { exact: false }));

    const nav = page.getByRole('navigation', { name: t('sr-Cyrl', 'layout.mainNavigation') });
    // Frontline work and her cases (tests/e2e/roles.test.ts has every account's full list).
    expect(await nav.getByRole('link').allTextContents()).toEqual(
      [
        'nav.home',
        'nav.screening',
        'nav.screenings',
        'nav.persons',
        'nav.cases',
        'nav.referrals',
        'nav.requests',
        'nav.providers',
        'nav.directory',
        'nav.hits',
        'nav.drugsLinks',
        'nav.profile',
      ].map((key) => t('sr-Cyrl', key)),
    );
    for (const key of ['nav.users', 'nav.organisation', 'nav.jurisdictions', 'nav.audit']) {
      expect(await page.getByRole('link', { name: t('sr-Cyrl', key) }).count(), key).toBe(0);
    }
    // Her tasks are screening, her cases, referral and information requests; nothing of administration.
    const tasks = page.getByRole('region', { name: t('sr-Cyrl', 'home.tasksTitle') });
    expect(await tasks.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      t('sr-Cyrl', 'home.tasks.screening.title'),
      t('sr-Cyrl', 'home.tasks.investigations.title'),
      t('sr-Cyrl', 'home.tasks.referral.title'),
      t('sr-Cyrl', 'home.tasks.requests.title'),
    ]);
    await expectAccessible(page, 'home (officer, sr-Cyrl)');
    await screenshot(page, 'home-officer-sr-Cyrl');
    await context.close();
  });
});

describe('refusals where the policy says so', () => {
  it('shows an officer who types an administration address the not-found page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER);
    await visible(pageHeading(page, t('sr-Cyrl', 'home.welcome', { name: OFFICER_NAME })));
    for (const path of ['/admin/users', '/admin/organisation', '/admin/jurisdictions', '/audit']) {
      await page.goto(`${veza.url}${path}`);
      await visible(pageHeading(page, t('sr-Cyrl', 'notFound.title')));
      await visible(page.getByText(t('sr-Cyrl', 'notFound.text')));
      // Nothing of the page behind the address leaks through.
      expect(await page.getByRole('table').count(), path).toBe(0);
    }
    await expectAccessible(page, 'not found (officer)');
    await screenshot(page, 'not-found-sr-Cyrl');
    await page.getByRole('link', { name: t('sr-Cyrl', 'notFound.home') }).click();
    await visible(pageHeading(page, t('sr-Cyrl', 'home.welcome', { name: OFFICER_NAME })));
    await context.close();
  });

  it("answers 404 to an officer asking the API for a colleague's record", async () => {
    // Her supervisor may see the people of his unit, so his session names her and himself.
    const supervisor = await newPage(browser);
    await signIn(supervisor.page, veza.url, SUPERVISOR);
    const unit = await apiGet(supervisor.page, '/api/users?limit=100');
    expect(unit.status).toBe(200);
    const people = (unit.body as { items: { id: string; email: string }[] }).items;
    const officerId = people.find((u) => u.email === OFFICER)?.id;
    const supervisorId = people.find((u) => u.email === SUPERVISOR)?.id;
    expect(officerId).toBeDefined();
    expect(supervisorId).toBeDefined();
    expect((await apiGet(supervisor.page, `/api/users/${officerId}`)).status).toBe(200);

    const officer = await newPage(browser);
    await signIn(officer.page, veza.url, OFFICER);
    await visible(pageHeading(officer.page, t('sr-Cyrl', 'home.welcome', { name: OFFICER_NAME })));
    // Her own record: yes. Her supervisor's, in the same unit: "not found", not "forbidden".
    expect((await apiGet(officer.page, `/api/users/${officerId}`)).status).toBe(200);
    const refused = await apiGet(officer.page, `/api/users/${supervisorId}`);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'not_found', status: 404 });
    // The staff list shows her only herself.
    const list = await apiGet(officer.page, '/api/users?limit=100');
    expect(list.status).toBe(200);
    expect((list.body as { items: { email: string }[] }).items.map((u) => u.email)).toEqual([OFFICER]);

    await supervisor.context.close();
    await officer.context.close();
  });

  it('ends the session on sign-out: the app and the API no longer know the officer', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER);
    await visible(pageHeading(page, t('sr-Cyrl', 'home.welcome', { name: OFFICER_NAME })));
    await page.getByRole('button', { name: t('sr-Cyrl', 'auth.signOut') }).click();
    await visible(page.getByRole('status').filter({ hasText: t('sr-Cyrl', 'auth.signedOut') }));
    await gone(page.getByRole('navigation'));
    expect((await apiGet(page, '/api/me')).status).toBe(401);
    await page.goto(`${veza.url}/profile`);
    await visible(pageHeading(page, t('sr-Cyrl', 'auth.signInTitle')));
    await context.close();
  });
});
