import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { gone, newPage, pageHeading, signIn, signOut, t, visible } from './support/app.ts';

const DPO = 'dpo.al@demo.veza.example';
const DPO_NAME = 'Drita Hoxha';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const REASON = 'Kontroll periodik i regjistrit, vendimi DPO-AL-2025/07';
// The data protection officer of Albania works in Albanian.
const lang = 'sq';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('audit log', () => {
  it('asks the DPO for a reason, then shows her jurisdiction’s entries, and the chain is intact', async () => {
    // Sign-ins to find afterwards: a Serbian officer, and the DPO herself twice.
    for (const email of [OFFICER_RS, DPO]) {
      const { context, page } = await newPage(browser);
      await signIn(page, veza.url, email);
      await visible(page.getByRole('navigation'));
      await signOut(page, email === DPO ? lang : 'sr-Cyrl');
      await context.close();
    }

    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, DPO);
    await visible(pageHeading(page, t(lang, 'home.welcome', { name: DPO_NAME })));
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.audit'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'audit.title')));

    // Consulting the log needs a reason, asked once.
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await expectAccessible(page, 'audit justification');
    await screenshot(page, 'audit-justification-sq');
    // Too short a reason is refused on the field.
    const reason = dialog.getByRole('textbox', { name: t(lang, 'justification.label') });
    await reason.fill('kontroll');
    await dialog.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await visible(dialog.getByText(/10/));
    await reason.fill(REASON);
    await dialog.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));

    const table = await visible(page.getByRole('table', { name: t(lang, 'audit.caption') }));
    const signInRows = table
      .getByRole('row')
      .filter({ hasText: DPO })
      .filter({ has: page.getByRole('cell', { name: t(lang, 'auditOperations.sign_in'), exact: true }) });
    await visible(signInRows);
    expect(await signInRows.count()).toBeGreaterThanOrEqual(2);
    await visible(
      table
        .getByRole('row')
        .filter({ hasText: DPO })
        .filter({ hasText: t(lang, 'auditOperations.sign_out') }),
    );
    // The Serbian officer signed in too, but that is Serbia's log, not hers.
    expect(await table.getByRole('row').filter({ hasText: OFFICER_RS }).count()).toBe(0);
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit-sq');

    // The reason is remembered for the session: a reload shows the entries without asking again.
    await page.reload();
    await visible(page.getByRole('table', { name: t(lang, 'audit.caption') }));
    expect(await page.getByRole('dialog').count()).toBe(0);
    // ...and her own search is in the log with the reason she gave.
    await visible(page.getByRole('row').filter({ hasText: 'audit.search' }).filter({ hasText: REASON }));

    await page.getByRole('button', { name: t(lang, 'audit.verify') }).click();
    const verdict = await visible(page.getByRole('status').filter({ hasText: t(lang, 'audit.chainOk') }));
    expect(await verdict.textContent()).not.toContain(t(lang, 'audit.chainBroken'));
    await expectAccessible(page, 'audit log verified');
    await screenshot(page, 'audit-verified-sq');
    await context.close();
  });

  it("does not show a national DPO another jurisdiction's entries", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, DPO);
    await page.goto(`${veza.url}/audit`);
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await dialog.getByRole('textbox', { name: t(lang, 'justification.label') }).fill(REASON);
    await dialog.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await visible(page.getByRole('table', { name: t(lang, 'audit.caption') }));

    // Searching for the Serbian officer by e-mail finds nothing, although he signed in.
    await page.getByRole('searchbox', { name: t(lang, 'audit.actor') }).fill(OFFICER_RS);
    await page.getByRole('button', { name: t(lang, 'common.search'), exact: true }).click();
    await visible(page.getByText(t(lang, 'audit.empty')));

    // Asking for Serbia's log outright is refused.
    await page.getByRole('button', { name: t(lang, 'common.clearFilters') }).click();
    await page.getByRole('combobox', { name: t(lang, 'fields.jurisdiction') }).selectOption('RS');
    await page.getByRole('button', { name: t(lang, 'common.search'), exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: t(lang, 'errors.forbidden') }));
    expect(await page.getByRole('table', { name: t(lang, 'audit.caption') }).count()).toBe(0);
    await expectAccessible(page, 'audit log refused');
    await screenshot(page, 'audit-refused-sq');

    // Her own jurisdiction is fine.
    await page.getByRole('combobox', { name: t(lang, 'fields.jurisdiction') }).selectOption('AL');
    await page.getByRole('button', { name: t(lang, 'common.search'), exact: true }).click();
    await visible(
      page
        .getByRole('table', { name: t(lang, 'audit.caption') })
        .getByRole('row')
        .filter({ hasText: DPO }),
    );
    await context.close();
  });
});
