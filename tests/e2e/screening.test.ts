import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@veza/shared';
import { join } from 'node:path';
import { SCREENSHOTS, expectAccessible, launchBrowser, screenshot, settled } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The trafficking officer in Belgrade works in Serbian Cyrillic; the border officer of Kosovo* in Albanian.
const OFFICER_RS = 'officer.rs@demo.veza.example';
const OFFICER_XK = 'officer.xk@demo.veza.example';
const lang: Locale = 'sr-Cyrl';
const PLACE = 'Нови Сад, Булевар ослобођења 12';
const WORDS = 'Рекли су ми да ћу радити у кафићу, а онда су ми узели пасош.';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

interface InstrumentTexts {
  id: string;
  indicators: { id: string; text: Record<string, string> }[];
}

/** The question as the page shows it: the indicator's text in the officer's language. */
async function questionText(page: Page, indicatorId: string): Promise<string> {
  const instruments = (await apiGet(page, '/api/instruments')).body as InstrumentTexts[];
  const indicator = instruments.flatMap((i) => i.indicators).find((i) => i.id === indicatorId);
  if (!indicator) throw new Error(`No indicator ${indicatorId}`);
  return indicator.text[lang] ?? '';
}

async function answerYes(page: Page, indicatorId: string): Promise<void> {
  const group = page.getByRole('radiogroup', { name: await questionText(page, indicatorId) });
  await group.getByRole('radio', { name: t(lang, 'screening.answers.yes'), exact: true }).check();
}

async function assess(page: Page): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'screening.assess'), exact: true }).click();
}

describe('screening', () => {
  it('takes an officer from the rapid screen to grounds to refer, stores it, and keeps it from another jurisdiction', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_RS);
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.screening'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'screening.title')));

    // The context: a raid in Novi Sad, a 16-year-old, interviewed in Serbian, her own words.
    await page.getByRole('combobox', { name: t(lang, 'screening.flow.setting') }).selectOption('raid');
    await page.getByRole('textbox', { name: t(lang, 'screening.flow.place') }).fill(PLACE);
    await page
      .getByRole('combobox', { name: t(lang, 'screening.flow.interviewLanguage') })
      .selectOption('sr');
    await page.getByRole('textbox', { name: t(lang, 'screening.age') }).fill('16');
    await page.getByRole('textbox', { name: t(lang, 'screening.flow.narrative') }).fill(WORDS);
    await expectAccessible(page, 'screening context');
    await screenshot(page, 'screening-context-sr-Cyrl');
    await page.getByRole('button', { name: t(lang, 'screening.flow.toQuestions'), exact: true }).click();

    // The rapid screen: documents held by someone else is a sign, so the full interview follows.
    await answerYes(page, 'rapid.documents_held');
    await assess(page);
    await visible(page.getByText(t(lang, 'screening.outcomes.further_interview')));
    await page.getByRole('button', { name: t(lang, 'screening.continueFull'), exact: true }).click();
    // The rapid screen was stored first, and the context came along.
    const [before = ''] = t(lang, 'screening.flow.follows', { reference: '§' }).split('§');
    await visible(page.getByText(new RegExp(`^${before}S-RS-\\d{6}`)));
    await visible(page.getByText(PLACE, { exact: false }));

    // Two medium indicators, act and purpose: for a child that is enough.
    await answerYes(page, 'ilo.act_escorted');
    await answerYes(page, 'ilo.abusive_living_conditions');
    await assess(page);
    const result = page.locator('section[aria-labelledby="screening-result"]');
    await visible(result.getByText(t(lang, 'screening.outcomes.grounds_to_refer')));
    await visible(result.getByText(t(lang, 'screening.rules.R-CHILD-ACT-PURPOSE'), { exact: false }));
    await visible(result.getByText(t(lang, 'screening.childRule')));
    expect(await page.getByText(t(lang, 'screening.nonPunishment.title')).count()).toBe(0);
    await expectAccessible(page, 'screening result');
    await settled(page);
    await result.screenshot({ path: join(SCREENSHOTS, 'screening-grounds-to-refer-sr-Cyrl.png') });

    // She was also made to sell drugs: the non-punishment alert.
    await answerYes(page, 'drugs.forced_to_sell');
    await assess(page);
    await visible(page.getByText(t(lang, 'screening.nonPunishment.title')));
    await visible(
      page.getByRole('listitem').filter({ hasText: await questionText(page, 'drugs.forced_to_sell') }),
    );

    await page.getByRole('button', { name: t(lang, 'screening.flow.save'), exact: true }).click();
    const saved = await visible(page.getByText(/S-RS-\d{6}/).last());
    const reference = /S-RS-\d{6}/.exec((await saved.textContent()) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    await page
      .locator('section[aria-labelledby="screening-result"]')
      .screenshot({ path: join(SCREENSHOTS, 'screening-saved-sr-Cyrl.png') });

    // Record the person: the name goes in encrypted and is shown only with a reason.
    await page.getByRole('button', { name: t(lang, 'persons.record'), exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'persons.record') }));
    await dialog.getByRole('textbox', { name: t(lang, 'persons.givenName'), exact: true }).fill('Јована');
    await dialog.getByRole('textbox', { name: t(lang, 'persons.familyName'), exact: true }).fill('Петровић');
    await dialog.getByRole('checkbox', { name: t(lang, 'persons.guardianAppointed'), exact: true }).check();
    await dialog
      .getByRole('textbox', { name: t(lang, 'persons.guardianName'), exact: true })
      .fill('Центар за социјални рад');
    await dialog
      .getByRole('textbox', { name: t(lang, 'persons.guardianRelation'), exact: true })
      .fill('старатељ');
    await expectAccessible(page, 'person form');
    // The page behind is long: the dialog alone shows what the officer sees.
    await settled(page);
    await dialog.screenshot({ path: join(SCREENSHOTS, 'person-form-sr-Cyrl.png') });
    await dialog.getByRole('button', { name: t(lang, 'persons.save'), exact: true }).click();
    await visible(pageHeading(page, /P-RS-[0-9A-Z]{6}/));
    expect(await page.getByText('Петровић').count()).toBe(0);

    await page.getByRole('button', { name: t(lang, 'persons.showIdentity'), exact: true }).click();
    const reason = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await reason
      .getByRole('textbox', { name: t(lang, 'justification.label') })
      .fill('Упућивање у склониште, КТН 45/26');
    await reason.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));
    await visible(page.getByText('Петровић'));

    // Consent of the guardian to referral, to any recipient, for the screening.
    await page.getByRole('button', { name: t(lang, 'persons.consent.record'), exact: true }).click();
    const consents = await visible(page.getByRole('table', { name: t(lang, 'persons.consent.table') }));
    await visible(consents.getByText(t(lang, 'persons.consent.inForce')));
    await expectAccessible(page, 'person page');
    await screenshot(page, 'person-sr-Cyrl');

    // The unit's list shows the screening, linked to the person's reference.
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.screenings'), exact: true })
      .click();
    const table = await visible(page.getByRole('table', { name: t(lang, 'screening.list.table') }));
    const row = table.getByRole('row').filter({ hasText: reference });
    await visible(row.getByText(/P-RS-/));
    await expectAccessible(page, 'screenings list');
    await screenshot(page, 'screenings-sr-Cyrl');
    await row.getByRole('link', { name: reference }).click();
    await visible(pageHeading(page, new RegExp(reference)));
    await visible(page.getByText(WORDS));
    await expectAccessible(page, 'screening detail');
    await screenshot(page, 'screening-detail-sr-Cyrl');
    const screeningId = page.url().split('/').pop() ?? '';
    await context.close();

    // The border officer of Kosovo* cannot find it: not in the list, not by its address.
    const foreign = await newPage(browser);
    await signIn(foreign.page, veza.url, OFFICER_XK);
    expect((await apiGet(foreign.page, `/api/screenings/${screeningId}`)).status).toBe(404);
    const list = (await apiGet(foreign.page, '/api/screenings')).body as { items: { reference: string }[] };
    expect(list.items.map((s) => s.reference)).not.toContain(reference);
    await foreign.page.goto(`${veza.url}/screenings/${screeningId}`);
    await visible(pageHeading(foreign.page, t('sq', 'notFound.title')));
    await foreign.page.goto(`${veza.url}/screenings`);
    await visible(pageHeading(foreign.page, t('sq', 'screening.list.title')));
    expect(await foreign.page.getByText(reference).count()).toBe(0);
    await foreign.context.close();
  });
});
