import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// A Serbian investigator in Cyrillic asks the Montenegrin point of contact, who works in Montenegrin.
const OFFICER_RS = 'officer.rs@demo.veza.example';
const SPOC_ME = 'spoc.me@demo.veza.example';
const sr = 'sr-Cyrl';
const cnr = 'cnr';
const CASE_TITLE = 'Операција Бисер';
const SOUGHT = 'Власник возила PG-482-ЛМ и његови уласци у Црну Гору код Добраковa 12.–14. новембра 2026.';
const DELAY_REASON = 'Čeka se odobrenje Osnovnog suda u Podgorici za podatke o vlasniku.';
const ANSWER = 'Возило је регистровано на „Јадран транс“ д.о.о. Подгорица; ушло је 12. новембра у 23:10.';

let veza: RunningVeza;
let browser: Browser;
let reference = '';

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

const outboxCount = async (page: Page) =>
  ((await apiGet(page, '/api/requests?box=outbox')).body as { total: number }).total;

/** `YYYY-MM` of the month `back` months ago: the statistics page shows the last three by default. */
function monthOf(back: number): string {
  const now = new Date();
  const at = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

/** Answered in time from Serbia to Montenegro in those months, as the API shows it (null when withheld). */
async function inTimeRsMe(page: Page): Promise<number | null> {
  const query = `from=${monthOf(2)}&to=${monthOf(0)}`;
  const body = (await apiGet(page, `/api/requests/statistics?${query}`)).body as {
    pairs: { from: string; to: string; answeredInTime: { value: number | null } }[];
  };
  return body.pairs.find((p) => p.from === 'RS' && p.to === 'ME')?.answeredInTime.value ?? null;
}

/** `YYYY-MM-DDTHH:mm` in the browser's zone, as a datetime-local field takes it. */
function localInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe('information requests', () => {
  it('sends an urgent request to Montenegro with a case link, refusing it first without urgency reasons', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_RS);
    await page
      .getByRole('navigation', { name: t(sr, 'layout.mainNavigation') })
      .getByRole('link', { name: t(sr, 'nav.requests'), exact: true })
      .click();
    await visible(pageHeading(page, t(sr, 'requests.listTitle')));
    const before = await outboxCount(page);
    await page.getByRole('link', { name: t(sr, 'requests.new'), exact: true }).click();
    await visible(pageHeading(page, t(sr, 'requests.newTitle')));

    const field = (key: string) => page.getByRole('textbox', { name: t(sr, `requests.fields.${key}`) });
    const select = (key: string) => page.getByRole('combobox', { name: t(sr, `requests.fields.${key}`) });
    await select('to').selectOption('ME');
    await select('urgency').selectOption('urgent_direct');
    await field('sought').fill(SOUGHT);
    await field('purpose').fill('Идентификација саучесника у трговини људима ради сексуалне експлоатације');
    await field('facts').fill('Три девојке превезене су из Новог Сада у клуб у Будви возилом из Подгорице.');
    await field('offence').fill('Трговина људима (чл. 388 КЗ)');
    await field('whyHeld').fill('Возило је регистровано у Подгорици.');
    await field('personLink').fill('Возач је осумњичени организатор превоза.');
    await select('handlingCode').selectOption('H2');
    const caseOption = select('case').locator('option', { hasText: CASE_TITLE });
    await select('case').selectOption((await caseOption.getAttribute('value')) ?? '');
    await expectAccessible(page, 'new request');
    await page.getByRole('button', { name: t(sr, 'requests.send'), exact: true }).click();

    // Urgent without its reasons: the field says why, and nothing was stored.
    await visible(page.getByText(t(sr, 'validation.required')));
    expect(await field('urgencyReasons').getAttribute('aria-invalid')).toBe('true');
    expect(await outboxCount(page)).toBe(before);
    await screenshot(page, 'request-new-error-sr-Cyrl');

    await field('urgencyReasons').fill('Жртве су можда још у Будви; прети им даље премештање.');
    await page.getByRole('button', { name: t(sr, 'requests.send'), exact: true }).click();
    const heading = await visible(pageHeading(page, /^(Захтев|Zahtev) RS-\d{4}-\d{4}$/));
    reference = ((await heading.textContent()) ?? '').split(' ').pop() ?? '';
    await visible(page.getByText(t(sr, 'requests.statuses.received'), { exact: true }));
    await visible(page.getByTestId('countdown'));
    await visible(page.getByRole('link', { name: new RegExp(CASE_TITLE) }));
    expect(await outboxCount(page)).toBe(before + 1);
    await expectAccessible(page, 'request sent');
    await screenshot(page, 'request-sent-sr-Cyrl');
    await context.close();
  });

  it('lets the Montenegrin SPOC see the clock, notify a delay, then answer in Serbian', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, SPOC_ME);
    await page
      .getByRole('navigation', { name: t(cnr, 'layout.mainNavigation') })
      .getByRole('link', { name: t(cnr, 'nav.requests'), exact: true })
      .click();
    const inbox = await visible(page.getByRole('table', { name: t(cnr, 'requests.table') }));
    const row = inbox.getByRole('row').filter({ hasText: reference });
    // Eight hours from the next whole hour: between seven and nine hours left, counted down.
    expect(await row.getByTestId('countdown').textContent()).toMatch(/^Preostalo [78] h \d+ min/);
    await expectAccessible(page, 'requests inbox');
    await screenshot(page, 'requests-inbox-cnr');
    await row.getByRole('link', { name: reference }).click();
    await visible(pageHeading(page, t(cnr, 'requests.requestTitle', { reference })));
    // The Serbian side's case is theirs: its title never reaches Montenegro.
    expect(await page.getByText(CASE_TITLE).count()).toBe(0);

    await page.getByRole('button', { name: t(cnr, 'requests.delay'), exact: true }).click();
    await page.getByRole('textbox', { name: t(cnr, 'requests.fields.delayReason') }).fill(DELAY_REASON);
    await page
      .getByLabel(t(cnr, 'requests.fields.expectedAt'))
      .fill(localInput(new Date(Date.now() + 2 * 86_400_000)));
    await page.getByRole('button', { name: t(cnr, 'requests.sendDelay'), exact: true }).click();
    await visible(page.getByText(DELAY_REASON));
    await visible(page.getByText(t(cnr, 'requests.delayPausesNothing')).first());
    await visible(page.getByTestId('countdown'));

    const inTimeBefore = await inTimeRsMe(page);
    await page.getByRole('button', { name: t(cnr, 'requests.answer'), exact: true }).click();
    const language = page.getByRole('combobox', { name: t(cnr, 'requests.fields.answerLanguage') });
    expect(await language.inputValue()).toBe('sr-Cyrl');
    await page.getByRole('textbox', { name: t(cnr, 'requests.fields.answerText') }).fill(ANSWER);
    await page.getByRole('button', { name: t(cnr, 'requests.sendAnswer'), exact: true }).click();
    await visible(page.getByText(t(cnr, 'requests.statuses.answered_fully'), { exact: true }));
    await expectAccessible(page, 'request answered');
    await screenshot(page, 'request-answered-cnr');

    // The statistics count it in time: the pair Serbia → Montenegro shows one more answered in time.
    expect(inTimeBefore).not.toBeNull();
    expect(await inTimeRsMe(page)).toBe((inTimeBefore ?? 0) + 1);
    await page.goto(`${veza.url}/requests/statistics`);
    await visible(pageHeading(page, t(cnr, 'requests.statistics.title')));
    const pair = page.getByTestId('pair-RS-ME');
    expect(await pair.getByTestId('in-time').textContent()).toBe(String((inTimeBefore ?? 0) + 1));
    await expectAccessible(page, 'request statistics');
    await screenshot(page, 'request-statistics-cnr');
    await context.close();

    // The investigator reads the answer and the delay on her own record.
    const officer = await newPage(browser);
    await signIn(officer.page, veza.url, OFFICER_RS);
    const outbox = (await apiGet(officer.page, '/api/requests?box=outbox')).body as {
      items: { id: string; reference: string }[];
    };
    const mine = outbox.items.find((r) => r.reference === reference);
    await officer.page.goto(`${veza.url}/requests/${mine?.id ?? ''}`);
    await visible(officer.page.getByText(ANSWER));
    await visible(officer.page.getByText(DELAY_REASON));
    await visible(officer.page.getByText(t(sr, 'requests.statuses.answered_fully'), { exact: true }));
    await screenshot(officer.page, 'request-answer-received-sr-Cyrl');
    await officer.context.close();
  });
});
