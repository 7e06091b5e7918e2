import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The drugs investigator in Belgrade owns "Operacija Sever" and works in Serbian Latin.
const DRUGS_RS = 'drugs.rs@demo.veza.example';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang = 'sr-Latn';
const CASE_TITLE = 'Operacija Sever';
const NEWCOMER = 'Milan Janković';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

/** A write as the signed-in page makes it: the session's CSRF token in the header. */
async function apiPost(page: Page, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ([url, payload]) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(payload),
      });
      return response.status;
    },
    [path, body] as const,
  );
}

async function caseIdOf(page: Page, title: string): Promise<string> {
  const list = (await apiGet(page, '/api/cases')).body as Array<{ id: string; title: string }>;
  const id = list.find((c) => c.title === title)?.id;
  expect(id).toBeTruthy();
  return id as string;
}

describe('recording in a case', () => {
  it('records a person checked against the model, corrects a statement and keeps the old one', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, DRUGS_RS);
    const caseId = await caseIdOf(page, CASE_TITLE);
    await page.goto(`${veza.url}/cases/${caseId}`);
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));

    await page.getByRole('button', { name: t(lang, 'casework.newEntity') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'casework.newEntityTitle') }));
    await dialog.getByRole('textbox', { name: t(lang, 'casework.properties.name') }).fill(NEWCOMER);
    const birth = dialog.getByRole('textbox', { name: t(lang, 'casework.properties.birthDate') });
    // Written as on a Serbian form; FtM keeps ISO dates, and the server says so on the field.
    await birth.fill('17.04.1991.');
    await dialog
      .getByRole('textbox', { name: t(lang, 'investigation.source') })
      .fill('Službena beleška 9/26');
    await dialog.getByRole('button', { name: t(lang, 'casework.save') }).click();
    await visible(dialog.getByText(t(lang, 'validation.invalid_format')));
    await expectAccessible(page, 'new entity with a bad date');
    await screenshot(page, 'casework-bad-date-sr-Latn');

    await birth.fill('1991-04-17');
    await dialog.getByRole('button', { name: t(lang, 'casework.save') }).click();
    await gone(page.getByRole('dialog'));
    const entities = await visible(page.getByRole('table', { name: t(lang, 'investigation.entitiesTable') }));
    await entities.getByRole('button', { name: NEWCOMER, exact: true }).click();

    // A person's record is opened with a reason, once for the case.
    const reason = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await reason
      .getByRole('textbox', { name: t(lang, 'justification.label') })
      .fill('KTO 112/26: novi svedok');
    await reason.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));
    const statements = await visible(
      page.getByRole('table', { name: t(lang, 'investigation.statementsTable') }),
    );
    await visible(statements.getByText('1991-04-17'));

    await statements
      .getByRole('button', {
        name: t(lang, 'casework.correctLabel', { property: 'birthDate', value: '1991-04-17' }),
      })
      .click();
    const correction = await visible(page.getByRole('dialog'));
    await correction.getByRole('textbox', { name: t(lang, 'investigation.value') }).fill('1991-04-18');
    await correction
      .getByRole('textbox', { name: t(lang, 'investigation.source') })
      .fill('Izvod iz matične knjige rođenih');
    await correction.getByRole('button', { name: t(lang, 'casework.save') }).click();
    await gone(page.getByRole('dialog'));

    // The corrected value stays, marked as history; the correction is current.
    await visible(statements.getByText('1991-04-18'));
    const old = statements.getByRole('row').filter({ hasText: '1991-04-17' });
    await visible(old.getByText(t(lang, 'investigation.corrected')));
    await expectAccessible(page, 'corrected statement');
    await screenshot(page, 'casework-corrected-sr-Latn');
    await context.close();
  });

  it('lets the owner see who asks to join, with the reason, and grant it', async () => {
    const owner = await newPage(browser);
    await signIn(owner.page, veza.url, DRUGS_RS);
    const caseId = await caseIdOf(owner.page, CASE_TITLE);

    const asking = await newPage(browser);
    await signIn(asking.page, veza.url, OFFICER_RS);
    expect((await apiGet(asking.page, `/api/cases/${caseId}`)).status).toBe(404);
    expect(
      await apiPost(asking.page, `/api/cases/${caseId}/join-requests`, {
        reason: 'Isti telefon u mom predmetu trgovine ljudima',
      }),
    ).toBe(201);

    await owner.page.goto(`${veza.url}/cases/${caseId}`);
    const requests = await visible(
      owner.page.getByRole('table', { name: t(lang, 'casework.joinRequestsCaption') }),
    );
    const row = requests.getByRole('row').filter({ hasText: 'Isti telefon u mom predmetu trgovine ljudima' });
    await visible(row);
    await expectAccessible(owner.page, 'join requests');
    await screenshot(owner.page, 'casework-join-request-sr-Latn');
    const me = (await apiGet(asking.page, '/api/me')).body as { displayName: string };
    await row.getByRole('button', { name: t(lang, 'casework.grantLabel', { name: me.displayName }) }).click();
    await gone(owner.page.getByRole('table', { name: t(lang, 'casework.joinRequestsCaption') }));

    expect((await apiGet(asking.page, `/api/cases/${caseId}`)).status).toBe(200);
    await owner.context.close();
    await asking.context.close();
  });
});
