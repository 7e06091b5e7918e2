import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@veza/demo';
import type { Locale, Person, Provider, Referral, ReferralPage } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

const OFFICER_RS = 'officer.rs@demo.veza.example';
const OFFICER_XK = 'officer.xk@demo.veza.example';
const SHELTER = 'Сигурна кућа „Светионик“';

/**
 * The shelter's caseworker and the national coordinator of Serbia are staff of the demo scenario
 * (every demo account shares the demo password), found where the seed puts them.
 */
function staffOf(kind: 'ngo' | 'coordinator_office', role: 'ngo_caseworker' | 'national_coordinator') {
  const scenario = generateScenario();
  const agency = scenario.agencies.find((a) => a.jurisdiction === 'RS' && a.kind === kind);
  const units = new Set(scenario.units.filter((u) => u.agencyId === agency?.id).map((u) => u.id));
  const user = scenario.users.find((u) => units.has(u.unitId) && u.roles.includes(role));
  if (!user) throw new Error(`No ${role} in the demo scenario of Serbia`);
  return { email: user.email, language: user.language };
}

/** A write through the same-origin API, as the signed-in page would make it (CSRF token of the session). */
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

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  // Four people in four browsers from one address load the app's scripts within a minute: more than
  // the default 600 requests per minute and address (static files count too).
  [veza, browser] = await Promise.all([startVeza({ env: { VEZA_RATE_LIMIT: '3000' } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('referral', () => {
  it('an officer refers a girl to a shelter, the shelter accepts, the coordinator sees it, another jurisdiction does not', async () => {
    // The officer in Belgrade works in Serbian Cyrillic. The girl (16) and her guardian's consent are
    // recorded through the persons API, as the person page does.
    const officer = await newPage(browser);
    const lang: Locale = 'sr-Cyrl';
    await signIn(officer.page, veza.url, OFFICER_RS);
    const providers = (await apiGet(officer.page, '/api/providers?jurisdiction=RS&service=shelter'))
      .body as Provider[];
    const shelter = providers.find((p) => p.name === SHELTER);
    expect(shelter?.agencyId).toBeTruthy();
    const created = await apiPost(officer.page, '/api/persons', {
      category: 'presumed_victim',
      categoryKind: 'assessment',
      sex: 'female',
      ageGroup: 'child',
      nationality: 'RS',
      identity: { givenName: 'Јована', familyName: 'Петровић', birthDate: '2010-02-11' },
      guardianAppointed: true,
    });
    expect(created.status).toBe(201);
    const person = created.body as Person;
    const consent = await apiPost(officer.page, `/api/persons/${person.id}/consents`, {
      purpose: 'referral',
      recipient: `provider:${shelter?.id}`,
      status: 'granted',
      scope: ['identity'],
      givenBy: 'guardian',
    });
    expect(consent.status).toBe(201);

    await officer.page.goto(`${veza.url}/referrals/new?person=${person.id}`);
    await visible(pageHeading(officer.page, t(lang, 'referral.newTitle')));
    await officer.page.getByLabel(t(lang, 'referral.provider')).selectOption(shelter?.id ?? '');
    // What the guardian's consent lets go to the shelter is shown before sending.
    await visible(officer.page.getByText(t(lang, 'referral.scope.identity')));
    await officer.page.getByLabel(t(lang, 'referral.urgentLabel')).check();
    await officer.page
      .getByLabel(t(lang, 'referral.message'))
      .fill('Девојчица од 16 година, пронађена на аутобуској станици; потребан смештај вечерас.');
    await expectAccessible(officer.page, 'new referral');
    await screenshot(officer.page, 'referral-new-sr-Cyrl');
    await officer.page.getByRole('button', { name: t(lang, 'referral.send'), exact: true }).click();
    await officer.page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralId = officer.page.url().split('/').pop() ?? '';
    const sent = (await apiGet(officer.page, `/api/referrals/${referralId}`)).body as Referral;
    await visible(
      pageHeading(officer.page, t(lang, 'referral.referralTitle', { reference: sent.reference })),
    );
    await visible(officer.page.getByText(t(lang, 'referral.statuses.sent'), { exact: true }));
    // The reflection clock starts at sending: 30 days (ICU plural "other" in Serbian).
    await visible(officer.page.getByText('Још 30 дана', { exact: true }));
    expect(sent).toMatchObject({ status: 'sent', sharedScope: ['identity'], urgent: true });
    await expectAccessible(officer.page, 'referral (sender)');
    await screenshot(officer.page, 'referral-sent-sr-Cyrl');
    await officer.context.close();

    // The shelter's caseworker finds it in her organisation's inbox, told by the bell, and accepts it.
    const caseworkerAccount = staffOf('ngo', 'ngo_caseworker');
    const ngoLang = caseworkerAccount.language;
    const caseworker = await newPage(browser);
    await signIn(caseworker.page, veza.url, caseworkerAccount.email);
    const bell = caseworker.page.getByRole('button', {
      name: new RegExp(`^${t(ngoLang, 'notifications.title')}, \\d+ `),
    });
    await (await visible(bell)).click();
    await visible(
      caseworker.page.getByText(
        t(ngoLang, 'notifications.kinds.referral_received', { referral: sent.reference }),
      ),
    );
    await expectAccessible(caseworker.page, 'notifications');
    await screenshot(caseworker.page, `referral-bell-${ngoLang}`);
    await caseworker.page.keyboard.press('Escape');
    await caseworker.page
      .getByRole('navigation', { name: t(ngoLang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(ngoLang, 'nav.referrals'), exact: true })
      .click();
    await visible(pageHeading(caseworker.page, t(ngoLang, 'referral.inboxTitle')));
    const inbox = await visible(
      caseworker.page.getByRole('table', { name: t(ngoLang, 'referral.referralsTable') }),
    );
    await expectAccessible(caseworker.page, 'referral inbox');
    await screenshot(caseworker.page, `referral-inbox-${ngoLang}`);
    await inbox.getByRole('link', { name: sent.reference, exact: true }).click();
    await visible(
      pageHeading(caseworker.page, t(ngoLang, 'referral.referralTitle', { reference: sent.reference })),
    );
    await caseworker.page
      .getByRole('button', { name: t(ngoLang, 'referral.moves.accepted'), exact: true })
      .click();
    await visible(caseworker.page.getByText(t(ngoLang, 'referral.statuses.accepted'), { exact: true }));
    await visible(caseworker.page.getByText(t(ngoLang, 'referral.events.accepted'), { exact: true }).first());
    // Who the girl is, as far as her guardian's consent shared it: after a reason, logged.
    await caseworker.page
      .getByRole('button', { name: t(ngoLang, 'referral.showIdentity'), exact: true })
      .click();
    const dialog = await visible(
      caseworker.page.getByRole('dialog', { name: t(ngoLang, 'justification.title') }),
    );
    await dialog
      .getByRole('textbox', { name: t(ngoLang, 'justification.label') })
      .fill('Пријем у сигурну кућу, попуњавање пријемног листа');
    await dialog.getByRole('button', { name: t(ngoLang, 'justification.submit') }).click();
    await visible(caseworker.page.getByText(`${t(ngoLang, 'referral.identityFields.givenName')}: Јована`));
    await visible(caseworker.page.getByText(`${t(ngoLang, 'referral.identityFields.familyName')}: Петровић`));
    await expectAccessible(caseworker.page, 'referral (receiver)');
    await screenshot(caseworker.page, `referral-accepted-${ngoLang}`);
    await caseworker.context.close();

    // The national coordinator sees every referral made in Serbia, with its timeline.
    const coordinatorAccount = staffOf('coordinator_office', 'national_coordinator');
    const coordLang = coordinatorAccount.language;
    const coordinator = await newPage(browser);
    await signIn(coordinator.page, veza.url, coordinatorAccount.email);
    await coordinator.page.goto(`${veza.url}/referrals`);
    await visible(pageHeading(coordinator.page, t(coordLang, 'referral.listTitle')));
    const table = await visible(
      coordinator.page.getByRole('table', { name: t(coordLang, 'referral.referralsTable') }),
    );
    await table.getByRole('link', { name: sent.reference, exact: true }).click();
    await visible(coordinator.page.getByText(t(coordLang, 'referral.statuses.accepted'), { exact: true }));
    await expectAccessible(coordinator.page, 'referral (coordinator)');
    await screenshot(coordinator.page, `referral-coordinator-${coordLang}`);
    await coordinator.context.close();

    // A border officer of Kosovo*: the referral does not exist for him, in the list or by its address.
    const foreign = await newPage(browser);
    await signIn(foreign.page, veza.url, OFFICER_XK);
    const page = (await apiGet(foreign.page, '/api/referrals')).body as ReferralPage;
    expect(page.items.map((r) => r.reference)).not.toContain(sent.reference);
    expect((await apiGet(foreign.page, `/api/referrals/${referralId}`)).status).toBe(404);
    await foreign.page.goto(`${veza.url}/referrals/${referralId}`);
    await visible(foreign.page.getByText(t('sq', 'referral.notFound')));
    await expectAccessible(foreign.page, 'referral (other jurisdiction)');
    await foreign.context.close();
  });

  it('shows the directory of a jurisdiction with its filters', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_XK);
    await page.goto(`${veza.url}/providers`);
    const lang: Locale = 'sq';
    await visible(pageHeading(page, t(lang, 'referral.providersTitle')));
    const table = await visible(page.getByRole('table', { name: t(lang, 'referral.providersTable') }));
    await screenshot(page, 'providers-sq');
    await visible(table.getByText('Streha „Drita“'));
    await page.getByLabel(t(lang, 'referral.open24h')).check();
    await visible(table.getByText('Streha „Drita“'));
    expect(await table.getByText('Ndihma Juridike Falas – Zyra Rajonale').count()).toBe(0);
    await expectAccessible(page, 'providers');
    await screenshot(page, 'providers-sq');
    await context.close();
  });
});
