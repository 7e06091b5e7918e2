import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { expectHtmlLang, newPage, pageHeading, signIn, signOut, t, visible } from './support/app.ts';

const TRAINER = 'trainer@demo.veza.example';
const TRAINER_NAME = 'Besa Krasniqi';
const CYRILLIC = /[\u0400-\u04FF]/;

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

/** What a reader of the language sees: heading, labels, button, footer, tab title, <html lang>. */
async function expectSignInPageIn(page: Page, lang: Locale): Promise<void> {
  await visible(pageHeading(page, t(lang, 'auth.signInTitle')));
  await expectHtmlLang(page, lang);
  await visible(page.getByRole('textbox', { name: t(lang, 'auth.email'), exact: true }));
  await visible(page.getByRole('textbox', { name: t(lang, 'auth.password'), exact: true }));
  await visible(page.getByRole('button', { name: t(lang, 'auth.signIn'), exact: true }));
  await visible(page.getByRole('contentinfo').getByText(t(lang, 'layout.footer')));
  expect(await page.title()).toBe(`${t(lang, 'auth.signInTitle')} · Veza`);
  await expectLetters(page, lang);
}

/** Serbian Latin is all Latin letters; Serbian Cyrillic and Macedonian are Cyrillic (the switcher aside). */
async function expectLetters(page: Page, lang: Locale): Promise<void> {
  // The signed-in layout has a navigation and no footer; the sign-in page the other way round.
  const parts = page.locator('main, nav, footer');
  const text = (await parts.allInnerTexts()).join('\n');
  if (lang === 'sr-Cyrl' || lang === 'mk') expect(text).toMatch(CYRILLIC);
  else expect(text, `${lang} page shows Cyrillic letters`).not.toMatch(CYRILLIC);
}

describe('languages', () => {
  it('switches the sign-in page to each of the eight languages and remembers the choice after reload', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(veza.url);
    await expectSignInPageIn(page, 'en');
    let current: Locale = 'en';
    for (const lang of LOCALES) {
      await page.getByRole('combobox', { name: t(current, 'language.label') }).selectOption(lang);
      await expectSignInPageIn(page, lang);
      await expectAccessible(page, `sign-in (${lang})`);
      await screenshot(page, `sign-in-${lang}`);
      await page.reload();
      await expectSignInPageIn(page, lang);
      current = lang;
    }
    // Serbian Latin is derived from the Cyrillic catalogue letter by letter.
    await page.getByRole('combobox', { name: t(current, 'language.label') }).selectOption('sr-Latn');
    await visible(pageHeading(page, 'Prijava'));
    await visible(page.getByRole('button', { name: 'Prijavi se', exact: true }));
    expect(t('sr-Latn', 'auth.help')).toBe(
      'Zaboravili ste lozinku ili izgubili aplikaciju za autentifikaciju? Zamolite administratora svoje agencije da je poništi.',
    );
    await visible(page.getByText(t('sr-Latn', 'auth.help')));
    await context.close();
  });

  it("starts in the browser's language when nothing was chosen yet", async () => {
    const context = await browser.newContext({ locale: 'sq-AL' });
    const page = await context.newPage();
    await page.goto(veza.url);
    await expectSignInPageIn(page, 'sq');
    await context.close();
  });

  it('switches after sign-in, and the server remembers the choice for the next sign-in', async () => {
    const first = await newPage(browser);
    const { page } = first;
    await signIn(page, veza.url, TRAINER);
    await visible(pageHeading(page, `Welcome, ${TRAINER_NAME}`));
    let current: Locale = 'en';
    for (const lang of [...LOCALES.filter((l) => l !== 'en'), 'en' as const, 'mk' as const]) {
      await page.getByRole('combobox', { name: t(current, 'language.label') }).selectOption(lang);
      await visible(pageHeading(page, t(lang, 'home.welcome', { name: TRAINER_NAME })));
      await expectHtmlLang(page, lang);
      const nav = page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') });
      // A trainer has home, the contact points (everyone signed in reads them) and the profile.
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        t(lang, 'nav.home'),
        t(lang, 'nav.directory'),
        t(lang, 'nav.profile'),
      ]);
      await visible(page.getByRole('button', { name: t(lang, 'auth.signOut'), exact: true }));
      await visible(page.getByRole('heading', { level: 2, name: t(lang, 'home.youTitle') }));
      await expectLetters(page, lang);
      current = lang;
    }
    // Macedonian was chosen last; it survives a reload.
    await page.reload();
    await visible(pageHeading(page, t('mk', 'home.welcome', { name: TRAINER_NAME })));
    await signOut(page, 'mk');
    await first.context.close();

    // Another browser, nothing stored in it: the sign-in page is English until the account says otherwise.
    const second = await newPage(browser);
    await signIn(second.page, veza.url, TRAINER);
    await visible(pageHeading(second.page, t('mk', 'home.welcome', { name: TRAINER_NAME })));
    await expectHtmlLang(second.page, 'mk');
    await screenshot(second.page, 'home-trainer-mk');

    // The profile page offers the same choice, and says it is remembered.
    await second.page.getByRole('link', { name: t('mk', 'nav.profile'), exact: true }).click();
    await visible(second.page.getByText(t('mk', 'profile.languageHelp')));
    await second.page
      .getByRole('region', { name: t('mk', 'language.label') })
      .getByRole('combobox', { name: t('mk', 'language.label') })
      .selectOption('en');
    await visible(pageHeading(second.page, 'Profile'));
    await expectHtmlLang(second.page, 'en');
    await second.context.close();
  });
});
