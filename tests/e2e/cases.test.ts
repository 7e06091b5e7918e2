import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The drugs investigator in Belgrade works in Serbian Latin; the courier of her case is on record in Cyrillic.
const DRUGS_RS = 'drugs.rs@demo.veza.example';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang = 'sr-Latn';
const CASE_TITLE = 'Operacija Sever';
const COURIER = 'Ђорђе Ђорђевић';
const COURIER_PHONE = '+381 64 123 4567';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('cases', () => {
  it('lets the drugs investigator open her case and read the courier after giving a reason', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, DRUGS_RS);
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.cases'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'investigation.casesTitle')));
    const cases = await visible(page.getByRole('table', { name: t(lang, 'investigation.casesTable') }));
    await expectAccessible(page, 'cases list');
    await screenshot(page, 'cases-sr-Latn');

    await cases.getByRole('row').filter({ hasText: CASE_TITLE }).getByRole('link').first().click();
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));
    await expectAccessible(page, 'case');

    // Opening a person's record is a consultation: a reason first, then the statements.
    await page.getByRole('button', { name: COURIER, exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await dialog
      .getByRole('textbox', { name: t(lang, 'justification.label') })
      .fill('Istraga KTO 112/26: provera kurira');
    await dialog.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));
    const statements = await visible(
      page.getByRole('table', { name: t(lang, 'investigation.statementsTable') }),
    );
    await visible(statements.getByText('1987-04-12'));
    await expectAccessible(page, 'person in case');
    await screenshot(page, 'case-person-sr-Latn');

    // A relationship reads as what it links, its kind in her language, whatever word it was stored with.
    const usesPhone = t(lang, 'casework.schemata.UsesPhone');
    const relationship = t(lang, 'casework.relationshipCaption', {
      source: COURIER,
      target: COURIER_PHONE,
      type: usesPhone.charAt(0).toLocaleLowerCase() + usesPhone.slice(1),
    });
    expect(relationship).toBe(`${COURIER} → ${COURIER_PHONE} (koristi telefon)`);
    const entities = page.getByRole('table', { name: t(lang, 'investigation.entitiesTable') });
    await entities.getByRole('button', { name: relationship, exact: true }).click();
    await visible(page.getByRole('heading', { name: relationship, level: 2 }));
    const ends = await visible(page.getByRole('table', { name: t(lang, 'investigation.statementsTable') }));
    await visible(ends.getByRole('cell', { name: COURIER, exact: true }));
    await visible(ends.getByRole('cell', { name: COURIER_PHONE, exact: true }));
    await expectAccessible(page, 'relationship in case');
    await screenshot(page, 'case-relationship-sr-Latn');

    const list = (await apiGet(page, '/api/cases')).body as { items?: unknown[] } | Array<unknown>;
    const items = (Array.isArray(list) ? list : (list.items ?? [])) as Array<{ id: string; title: string }>;
    const caseId = items.find((c) => c.title === CASE_TITLE)?.id;
    expect(caseId).toBeTruthy();
    await context.close();

    // A trafficking officer of the same police, not on the team: the case does not exist for her.
    const outsider = await newPage(browser);
    await signIn(outsider.page, veza.url, OFFICER_RS);
    expect((await apiGet(outsider.page, `/api/cases/${caseId}`)).status).toBe(404);
    await outsider.page.goto(`${veza.url}/cases/${caseId}`);
    await visible(pageHeading(outsider.page, t('sr-Cyrl', 'notFound.title')));
    await outsider.context.close();
  });
});
