import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The drugs investigator in Belgrade (Serbian Latin) owns Operacija Sever, whose courier uses
// +381 64 123 4567. A Macedonian analyst and a Belgrade trafficking officer come across the same phone.
const DRUGS_RS = 'drugs.rs@demo.veza.example';
const ANALYST_MK = 'analyst.mk@demo.veza.example';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const SEVER_PHONE = '+381 64 123 4567';

let veza: RunningVeza;
let browser: Browser;

interface CaseRow {
  id: string;
  title: string;
  reference: string;
  members: { userId: string; displayName: string }[];
}

/** A write through the same-origin API, with the session's CSRF token, as the app would send it. */
async function apiPost(page: Page, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ url, payload }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(payload),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { url: path, payload: body },
  );
}

const fact = (property: string, value: string) => ({
  property,
  value,
  source: 'Службена белешка 3/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
});

async function casesOf(page: Page): Promise<CaseRow[]> {
  const list = (await apiGet(page, '/api/cases')).body as CaseRow[] | { items: CaseRow[] };
  return Array.isArray(list) ? list : list.items;
}

async function openCaseWithPhone(
  page: Page,
  title: string,
  phone: string,
): Promise<{ id: string; reference: string }> {
  const opened = await apiPost(page, '/api/cases', { title, type: 'trafficking', handlingCode: 'H0' });
  expect(opened.status).toBe(201);
  const { id: caseId, reference } = opened.body as { id: string; reference: string };
  const saved = await apiPost(page, `/api/cases/${caseId}/entities`, {
    schema: 'Phone',
    caption: phone,
    statements: [fact('number', phone)],
  });
  expect(saved.status).toBe(201);
  return { id: caseId, reference };
}

beforeAll(async () => {
  [veza, browser] = await Promise.all([
    startVeza({ env: { VEZA_LOGIN_RATE_LIMIT: '100' } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('linkage across cases', () => {
  let severReference = '';

  it('suggests to an analyst that a phone also appears in another unit’s drug case, and joins them', async () => {
    // The drug case's owner puts the Macedonian analyst on the team (she works the border case with him).
    const owner = await newPage(browser);
    await signIn(owner.page, veza.url, DRUGS_RS);
    const cases = await casesOf(owner.page);
    const sever = cases.find((c) => c.title === 'Operacija Sever');
    const analyst = cases
      .find((c) => c.title === 'Табановце')
      ?.members.find((m) => m.displayName === 'Елена Николовска');
    expect(sever && analyst).toBeTruthy();
    severReference = sever?.reference ?? '';
    expect(
      (await apiPost(owner.page, `/api/cases/${sever?.id}/members`, { userId: analyst?.userId })).status,
    ).toBe(200);
    await owner.context.close();

    const lang = 'mk';
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, ANALYST_MK);
    const own = await openCaseWithPhone(page, 'Операција Граница', '00381 64 123 4567');
    await page.goto(`${veza.url}/cases/${own.id}`);
    await visible(pageHeading(page, /Операција Граница/));
    await page.getByRole('button', { name: '00381 64 123 4567', exact: true }).click();
    const suggestions = await visible(
      page.getByRole('table', { name: t(lang, 'investigation.suggestionsTable') }),
    );
    const row = suggestions.getByRole('row').filter({ hasText: severReference });
    await visible(row.getByText('+381641234567', { exact: false }));
    await visible(row.getByText(t(lang, 'linkage.fields.phone'), { exact: false }));
    await expectAccessible(page, 'suggestion of a phone in a drug case');
    await screenshot(page, 'linkage-suggestion-mk');

    await row
      .getByRole('button', {
        name: t(lang, 'linkage.confirmLabel', { caption: SEVER_PHONE, reference: severReference }),
      })
      .click();
    const joined = await visible(page.getByRole('table', { name: t(lang, 'linkage.canonicalTable') }));
    await visible(joined.getByRole('row').filter({ hasText: severReference }).getByText(SEVER_PHONE));
    await visible(joined.getByRole('row').filter({ hasText: '00381 64 123 4567' }));
    await visible(
      page.getByRole('button', {
        name: t(lang, 'linkage.splitLabel', { caption: '00381 64 123 4567', reference: own.reference }),
      }),
    );
    await expectAccessible(page, 'joined phone');
    await screenshot(page, 'linkage-canonical-mk');

    // The drugs-trafficking view shows the phone linking her trafficking case to the drug case.
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.drugsLinks'), exact: true })
      .click();
    const links = await visible(page.getByRole('table', { name: t(lang, 'linkage.drugsTable') }));
    const link = links
      .getByRole('row')
      .filter({ hasText: severReference })
      .filter({ hasText: own.reference });
    await visible(link.filter({ hasText: '+381641234567' }).first());
    await expectAccessible(page, 'drugs-trafficking links');
    await screenshot(page, 'linkage-drugs-trafficking-mk');
    await context.close();
  });

  it('gives an officer outside the case team only a hit, and lets her ask the owner', async () => {
    const lang = 'sr-Cyrl';
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_RS);
    await openCaseWithPhone(page, 'Операција Југ', '064/123-4567');
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.hits'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'linkage.hitsTitle')));
    const mine = await visible(page.getByRole('table', { name: t(lang, 'linkage.mineTable') }));
    const hit = mine.getByRole('row').filter({ hasText: severReference });
    await visible(hit.getByText(t(lang, 'linkage.kinds.phone'), { exact: true }));
    // Unit and reference only: no caption, number or statement of the drug case reaches her.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(SEVER_PHONE);
    expect(text).not.toContain('00381 64 123 4567');
    expect(text).not.toContain('Ђорђе');
    expect((await apiGet(page, '/api/linkage/hits')).body).not.toMatchObject({
      mine: expect.arrayContaining([expect.objectContaining({ entityCaption: SEVER_PHONE })]),
    });
    await expectAccessible(page, 'hits of the requester');
    await screenshot(page, 'linkage-hits-sr-Cyrl');

    await hit
      .getByRole('button', { name: t(lang, 'linkage.askAccessLabel', { reference: severReference }) })
      .click();
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'linkage.askAccessTitle') }));
    await dialog
      .getByRole('textbox', { name: t(lang, 'linkage.reason') })
      .fill('Исти број користи врбовалац жртава у предмету Југ');
    await dialog.getByRole('button', { name: t(lang, 'linkage.send') }).click();
    await visible(hit.getByText(t(lang, 'linkage.statuses.access_requested'), { exact: true }));
    await expectAccessible(page, 'access requested');
    await context.close();

    // The owner sees who asks and why, and grants the one record.
    const owner = await newPage(browser);
    await signIn(owner.page, veza.url, DRUGS_RS);
    await owner.page.goto(`${veza.url}/linkage/hits`);
    const ownerLang = 'sr-Latn';
    const onMine = await visible(owner.page.getByRole('table', { name: t(ownerLang, 'linkage.onMyTable') }));
    const asked = onMine.getByRole('row').filter({ hasText: 'Милица Јовановић' });
    await visible(asked.getByText('Исти број користи врбовалац', { exact: false }));
    await expectAccessible(owner.page, 'hits on the owner’s cases');
    await screenshot(owner.page, 'linkage-hits-owner-sr-Latn');
    await asked
      .getByRole('button', {
        name: t(ownerLang, 'linkage.grantLabel', { name: 'Милица Јовановић', caption: SEVER_PHONE }),
      })
      .click();
    await visible(asked.getByText(t(ownerLang, 'linkage.statuses.granted'), { exact: true }));
    await owner.context.close();
  });
});
