import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import {
  type Authenticator,
  enrolTotp,
  expectHtmlLang,
  gone,
  newPage,
  pageHeading,
  signIn,
  signOut,
  STEP_TIMEOUT_MS,
  submitCredentials,
  t,
  visible,
} from './support/app.ts';

const ADMIN = 'admin@demo.veza.example';
const ADMIN_NAME = 'Ana Kovač';
const NEW_NAME = 'Мирјана Стојановић';
const NEW_EMAIL = 'mirjana.stojanovic@ukp.mup.rs.example';
const NEW_PASSWORD = 'Sremska-Mitrovica-2024!';
const RS_AGENCY = 'Министарство унутрашњих послова – Управа криминалистичке полиције';
const RS_UNIT = 'Одељење за сузбијање трговине људима и кријумчарења људи';

let veza: RunningVeza;
let browser: Browser;
let admin: { context: BrowserContext; page: Page };
let authenticator: Authenticator;
let enrolmentCode = '';
let firstTemporary = '';
let temporary = '';

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
  admin = await newPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

/** The row of the users table that names the person (a row header holds name and e-mail). */
function userRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

async function openUserActions(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

describe('administrator', () => {
  it('must set up two-factor authentication at the first sign-in', async () => {
    const { page } = admin;
    await signIn(page, veza.url, ADMIN);
    await visible(pageHeading(page, 'Set up two-factor authentication'));
    await visible(page.getByRole('img', { name: 'QR code for adding Veza to an authenticator app' }));
    // Nothing else is offered until it is done.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.goto(`${veza.url}/admin/users`);
    await visible(pageHeading(page, 'Set up two-factor authentication'));
    await expectAccessible(page, 'two-factor set-up');
    await screenshot(page, 'totp-setup-en');

    // A wrong code is refused on the field.
    await page.getByRole('textbox', { name: 'Six-digit code', exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await visible(page.getByText('The code is not correct or has expired. Try the current code.'));

    authenticator = await enrolTotp(page);
    enrolmentCode = authenticator.lastCode;
    // Then she is where she wanted to go.
    await visible(pageHeading(page, 'Users'));
    await visible(page.getByText('Two-factor authentication is on.'));
  });

  it('creates a user in a Serbian unit and sees the temporary password once', async () => {
    const { page } = admin;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await visible(pageHeading(page, 'Users'));
    await visible(page.getByRole('table', { name: 'Users matching the filters' }));
    await expectAccessible(page, 'users');
    await screenshot(page, 'users-en');

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'New user' }));
    await expectAccessible(page, 'new user dialog');
    // Submitting the empty form shows what is missing, on the fields.
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await visible(dialog.getByText('Choose at least one.'));

    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(NEW_EMAIL);
    await dialog.getByRole('textbox', { name: 'Full name' }).fill(NEW_NAME);
    await dialog.getByRole('combobox', { name: 'Jurisdiction' }).selectOption({ label: 'Serbia' });
    await dialog.getByRole('combobox', { name: 'Agency' }).selectOption({ label: RS_AGENCY });
    // Playwright waits for the option: the units load once the agency is chosen.
    await dialog.getByRole('combobox', { name: 'Unit' }).selectOption({ label: RS_UNIT });
    await dialog.getByRole('checkbox', { name: 'Police officer' }).check();
    await screenshot(page, 'user-create-dialog-en');
    await dialog.getByRole('button', { name: 'Create user' }).click();

    await visible(dialog.getByText('Hand over the temporary password'));
    await visible(
      dialog.getByText(`Give this password to ${NEW_EMAIL} through a safe channel.`, { exact: false }),
    );
    firstTemporary = (await dialog.getByLabel('Temporary password', { exact: true }).textContent()) ?? '';
    expect(firstTemporary.length).toBeGreaterThanOrEqual(12);
    await expectAccessible(page, 'temporary password');
    await screenshot(page, 'user-created-temporary-password-en');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await gone(page.getByRole('dialog'));

    // Shown once: gone from the page; the new account is in the list, never signed in yet.
    expect(await page.getByText(firstTemporary).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('Стојановић');
    const row = await visible(userRow(page, NEW_NAME));
    expect(await row.textContent()).toContain('Police officer');
    expect(await row.textContent()).toContain(RS_UNIT);
    expect(await row.textContent()).toContain('Never');
  });

  it("edits the user's roles", async () => {
    const { page } = admin;
    await openUserActions(page, NEW_NAME, 'Edit');
    const dialog = await visible(page.getByRole('dialog', { name: `Edit ${NEW_NAME}` }));
    expect(await dialog.getByRole('checkbox', { name: 'Police officer' }).isChecked()).toBe(true);
    // The e-mail address is the identity: it cannot be changed here.
    expect(await dialog.getByRole('textbox', { name: 'E-mail' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'edit user dialog');
    await screenshot(page, 'user-edit-dialog-en');
    await dialog.getByRole('checkbox', { name: 'Analyst' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await gone(page.getByRole('dialog'));
    await visible(page.getByText('The user has been saved.'));
    // Both roles now, in whatever order the server keeps them.
    await expect
      .poll(
        async () =>
          (await userRow(page, NEW_NAME).getByRole('cell').first().textContent())?.split(', ').sort(),
        {
          timeout: STEP_TIMEOUT_MS,
        },
      )
      .toEqual(['Analyst', 'Police officer']);
  });

  it("resets the user's password", async () => {
    const { page } = admin;
    await openUserActions(page, NEW_NAME, 'Reset password');
    const confirm = await visible(page.getByRole('dialog', { name: 'Reset the password?' }));
    await visible(confirm.getByText(`${NEW_NAME} will get a temporary password`, { exact: false }));
    await expectAccessible(page, 'reset password confirmation');
    await confirm.getByRole('button', { name: 'Reset password' }).click();
    const shown = await visible(page.getByRole('dialog', { name: 'Temporary password' }));
    temporary = (await shown.getByLabel('Temporary password', { exact: true }).textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(temporary).not.toBe(firstTemporary);
    await screenshot(page, 'user-reset-password-en');
    await shown.getByRole('button', { name: 'Done' }).click();
    await gone(page.getByRole('dialog'));
    await signOut(page);
  });

  it('the new user signs in with the temporary password and must choose her own', async () => {
    const { context, page } = await newPage(browser);
    // The password from before the reset no longer works.
    await page.goto(veza.url);
    await submitCredentials(page, NEW_EMAIL, firstTemporary);
    await visible(
      page.getByRole('alert').filter({ hasText: 'The e-mail, password or code is not correct.' }),
    );

    await submitCredentials(page, NEW_EMAIL, temporary);
    // Her language is her jurisdiction's: Serbian in Cyrillic.
    const lang: Locale = 'sr-Cyrl';
    await visible(pageHeading(page, t(lang, 'password.forcedTitle')));
    await expectHtmlLang(page, lang);
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible(page, 'forced password change');
    await screenshot(page, 'password-change-sr-Cyrl');

    await page.getByRole('textbox', { name: t(lang, 'password.temporary'), exact: true }).fill(temporary);
    await page.getByRole('textbox', { name: t(lang, 'password.new'), exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: t(lang, 'password.confirm'), exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: t(lang, 'password.change') }).click();
    await visible(pageHeading(page, t(lang, 'home.welcome', { name: NEW_NAME })));
    await visible(page.getByText(RS_UNIT, { exact: false }));
    const place = page.getByRole('region', { name: t(lang, 'home.youTitle') });
    expect(await place.textContent()).toContain(t(lang, 'roles.officer'));
    expect(await place.textContent()).toContain(t(lang, 'roles.analyst'));
    await expectAccessible(page, 'home (new user, sr-Cyrl)');
    await context.close();
  });

  it('signs in again with a code from the authenticator, which cannot be replayed', async () => {
    const { page } = admin;
    await submitCredentials(page, ADMIN);
    await visible(page.getByRole('heading', { level: 2, name: 'Two-factor authentication' }));
    await expectAccessible(page, 'sign-in code step');
    await screenshot(page, 'sign-in-code-step-en');

    // The code used to turn two-factor on was accepted once; it does not open a session again.
    await page.getByRole('textbox', { name: 'Six-digit code' }).fill(enrolmentCode);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await visible(
      page.getByRole('alert').filter({ hasText: 'The e-mail, password or code is not correct.' }),
    );

    await page.getByRole('textbox', { name: 'Six-digit code' }).fill(await authenticator.code());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    // She signed out on the users page and comes back to it.
    await visible(pageHeading(page, 'Users'));
    await visible(page.getByText(ADMIN_NAME));
  });

  it('reaches every administration page, each accessible, in English, Serbian (Cyrillic) and Albanian', async () => {
    const { page } = admin;
    const languages: Locale[] = ['en', 'sr-Cyrl', 'sq'];
    for (const lang of languages) {
      await page
        .getByRole('combobox', {
          name: t(lang === 'en' ? 'en' : previous(languages, lang), 'language.label'),
        })
        .first()
        .selectOption(lang);
      await expectHtmlLang(page, lang);
      const nav = page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') });
      const open = async (key: string, title: string) => {
        await nav.getByRole('link', { name: t(lang, key), exact: true }).click();
        await visible(pageHeading(page, title));
      };

      await open('nav.home', t(lang, 'home.welcome', { name: ADMIN_NAME }));
      await screenshot(page, `home-admin-${lang}`);

      await open('nav.users', t(lang, 'users.title'));
      await visible(page.getByRole('table', { name: t(lang, 'users.tableCaption') }));
      await screenshot(page, `users-${lang}`);
      await page.getByRole('button', { name: t(lang, 'users.actionsFor', { name: ADMIN_NAME }) }).click();
      await page.getByRole('menuitem', { name: t(lang, 'users.actions.edit'), exact: true }).click();
      await visible(page.getByRole('dialog', { name: t(lang, 'users.editTitle', { name: ADMIN_NAME }) }));
      await screenshot(page, `user-edit-dialog-${lang}`);
      await page.getByRole('button', { name: t(lang, 'common.cancel') }).click();
      await gone(page.getByRole('dialog'));

      await open('nav.organisation', t(lang, 'organisation.title'));
      await page.getByRole('combobox', { name: t(lang, 'fields.jurisdiction') }).selectOption('RS');
      await page
        .getByRole('button', { name: t(lang, 'organisation.showUnitsOf', { name: RS_AGENCY }) })
        .click();
      const units = await visible(
        page.getByRole('table', { name: t(lang, 'organisation.unitsCaption', { name: RS_AGENCY }) }),
      );
      await visible(units.getByRole('rowheader', { name: RS_UNIT }));
      if (lang === 'en') await expectAccessible(page, 'agencies and units');
      await screenshot(page, `organisation-${lang}`);

      await open('nav.jurisdictions', t(lang, 'jurisdictionsPage.title'));
      const table = await visible(page.getByRole('table', { name: t(lang, 'jurisdictionsPage.caption') }));
      expect(await table.getByRole('rowheader').allTextContents()).toHaveLength(7);
      if (lang === 'en') await expectAccessible(page, 'jurisdictions');
      await screenshot(page, `jurisdictions-${lang}`);

      await open('nav.profile', t(lang, 'profile.title'));
      await visible(page.getByText(t(lang, 'totp.requiredForRole')));
      await visible(page.getByRole('table', { name: t(lang, 'sessions.caption') }));
      if (lang === 'en') await expectAccessible(page, 'profile');
      await screenshot(page, `profile-${lang}`);
    }
  });
});

function previous(list: Locale[], item: Locale): Locale {
  return list[list.indexOf(item) - 1] ?? 'en';
}
