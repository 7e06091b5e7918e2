import IntlMessageFormat from 'intl-messageformat';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTL_TAG, type Locale } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, newPage, pageHeading, signIn, STEP_TIMEOUT_MS, t, visible } from './support/app.ts';

// The trafficking officer in Belgrade works in Serbian Cyrillic, on a phone and on a laptop.
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang: Locale = 'sr-Cyrl';
const PLACE = 'Гранични прелаз Батровци';
const WORDS = 'Јована Петровић каже да су јој на граници одузели пасош.';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

/** A message with its plural forms filled in, as the app's ICU formatter shows it. */
function plural(key: string, count: number): string {
  return String(new IntlMessageFormat(t(lang, key), INTL_TAG[lang]).format({ count }));
}

/** The parts of the browser's global scope used here (this project compiles against Node's types). */
interface BrowserScope {
  navigator: { serviceWorker: { controller: unknown } };
  caches: { open(name: string): Promise<{ match(url: string): Promise<unknown> }> };
  indexedDB: { databases(): Promise<{ name?: string }[]> };
  fetch: typeof fetch;
}

/** Signs in and waits until the service worker serves this page and keeps the indicator library. */
async function signInForTheField(page: Page): Promise<void> {
  await signIn(page, veza.url, OFFICER_RS);
  await page.waitForFunction(
    () => (globalThis as unknown as BrowserScope).navigator.serviceWorker.controller !== null,
  );
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cache = await (globalThis as unknown as BrowserScope).caches.open('veza-instruments');
          return (await cache.match('/api/instruments')) !== undefined;
        }),
      { timeout: STEP_TIMEOUT_MS },
    )
    .toBe(true);
}

function indicator(page: Page) {
  return page.getByTestId('sync-indicator');
}

async function expectIndicator(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => indicator(page).getAttribute('aria-label'), { timeout: STEP_TIMEOUT_MS })
    .toBe(text);
}

/** A write as the signed-in page makes it: session cookie and CSRF token. */
async function apiSend(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const scope = globalThis as unknown as BrowserScope;
      const session = (await (await scope.fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await scope.fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

interface InstrumentTexts {
  id: string;
  indicators: { id: string; text: Record<string, string> }[];
}

async function answerYes(page: Page, indicatorId: string): Promise<void> {
  // Offline too: the service worker answers from the indicator library it keeps.
  const instruments = (await apiGet(page, '/api/instruments')).body as InstrumentTexts[];
  const question = instruments.flatMap((i) => i.indicators).find((i) => i.id === indicatorId);
  if (!question) throw new Error(`No indicator ${indicatorId}`);
  const group = page.getByRole('radiogroup', { name: question.text[lang] ?? '' });
  await group.getByRole('radio', { name: t(lang, 'screening.answers.yes'), exact: true }).check();
}

function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: t(lang, 'layout.mainNavigation') });
}

describe('offline screening', () => {
  it('installs as an app: manifest, icons, and a service worker the server never lets go stale', async () => {
    const manifest = await fetch(`${veza.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = (await manifest.json()) as {
      name: string;
      display: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(body).toMatchObject({ name: 'Veza', display: 'standalone', start_url: '/' });
    for (const size of ['192x192', '512x512']) {
      const icon = body.icons.find((i) => i.sizes === size && i.purpose === 'any');
      const png = await fetch(`${veza.url}${icon?.src ?? '/missing'}`);
      expect(png.headers.get('content-type')).toBe('image/png');
    }
    expect(body.icons.some((i) => i.purpose === 'maskable')).toBe(true);

    const worker = await fetch(`${veza.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const csp = worker.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it('opens the installed app without a connection, as the officer this device knows, and keeps the screening', async () => {
    const { context, page } = await newPage(browser);
    await signInForTheField(page);
    await expectIndicator(page, t(lang, 'offline.indicator.synced'));

    // The next morning, in the field: the app is opened again with no signal at all.
    await context.setOffline(true);
    const field = await context.newPage();
    await page.close();
    await field.goto(`${veza.url}/screening`);
    await visible(pageHeading(field, t(lang, 'screening.title')));
    await expectIndicator(field, t(lang, 'offline.indicator.offline'));
    await field
      .getByRole('combobox', { name: t(lang, 'screening.flow.setting') })
      .selectOption('street_patrol');
    const place = 'Нови Сад, Железничка станица';
    await field.getByRole('textbox', { name: t(lang, 'screening.flow.place') }).fill(place);
    await field
      .getByRole('combobox', { name: t(lang, 'screening.flow.interviewLanguage') })
      .selectOption('sr');
    await field.getByRole('textbox', { name: t(lang, 'screening.age') }).fill('19');
    await field.getByRole('button', { name: t(lang, 'screening.flow.toQuestions'), exact: true }).click();
    await answerYes(field, 'rapid.documents_held');
    await field.getByRole('button', { name: t(lang, 'screening.assess'), exact: true }).click();
    await visible(field.getByText(t(lang, 'screening.outcomes.further_interview')));
    await field.getByRole('button', { name: t(lang, 'screening.flow.save'), exact: true }).click();
    await visible(field.getByText(t(lang, 'offline.submit.queued')));
    await screenshot(field, 'offline-cold-start-sr-Cyrl');

    // In range again: the server confirms the session and takes the screening.
    await context.setOffline(false);
    await expectIndicator(field, t(lang, 'offline.indicator.synced'));
    const list = (await apiGet(field, '/api/screenings')).body as { items: { place: string }[] };
    expect(list.items.filter((s) => s.place === place)).toHaveLength(1);
    await context.close();
  });

  it('keeps a screening saved without a connection on the device and sends it when the connection is back', async () => {
    const { context, page } = await newPage(browser);
    await signInForTheField(page);
    await expectIndicator(page, t(lang, 'offline.indicator.synced'));

    // At the border crossing there is no signal: the form still opens (app and questions from the device).
    await context.setOffline(true);
    await expectIndicator(page, t(lang, 'offline.indicator.offline'));
    await mainNavigation(page)
      .getByRole('link', { name: t(lang, 'nav.screening'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'screening.title')));
    await page
      .getByRole('combobox', { name: t(lang, 'screening.flow.setting') })
      .selectOption('border_crossing');
    await page.getByRole('textbox', { name: t(lang, 'screening.flow.place') }).fill(PLACE);
    await page
      .getByRole('combobox', { name: t(lang, 'screening.flow.interviewLanguage') })
      .selectOption('sr');
    await page.getByRole('textbox', { name: t(lang, 'screening.age') }).fill('17');
    await page.getByRole('textbox', { name: t(lang, 'screening.flow.narrative') }).fill(WORDS);
    await page.getByRole('button', { name: t(lang, 'screening.flow.toQuestions'), exact: true }).click();

    // The same rules as the server's, run on the device: the rapid screen finds a sign.
    await answerYes(page, 'rapid.documents_held');
    await page.getByRole('button', { name: t(lang, 'screening.assess'), exact: true }).click();
    await visible(page.getByText(t(lang, 'screening.outcomes.further_interview')));
    await page.getByRole('button', { name: t(lang, 'screening.flow.save'), exact: true }).click();
    await visible(page.getByText(t(lang, 'offline.submit.queued')));
    await expectIndicator(page, plural('offline.indicator.offlineWaiting', 1));

    await indicator(page).click();
    await visible(pageHeading(page, t(lang, 'offline.page.title')));
    await visible(page.getByText(t(lang, 'offline.item.newScreening', { place: PLACE })));
    await visible(page.getByText(t(lang, 'offline.page.offline')));
    await screenshot(page, 'offline-waiting-sr-Cyrl');
    await expectAccessible(page, 'sync page offline');

    // Back in range: it is sent by itself, deleted from the device, and in the unit's list.
    await context.setOffline(false);
    await expectIndicator(page, t(lang, 'offline.indicator.synced'));
    await visible(page.getByText(t(lang, 'offline.page.empty')));
    await mainNavigation(page)
      .getByRole('link', { name: t(lang, 'nav.screenings'), exact: true })
      .click();
    await visible(page.getByText(PLACE, { exact: false }));
    const list = (await apiGet(page, '/api/screenings')).body as { items: { place: string }[] };
    expect(list.items.filter((s) => s.place === PLACE)).toHaveLength(1);
    await context.close();
  });

  it('shows a field changed on two devices as a conflict, and sends the value the officer keeps', async () => {
    const phone = await newPage(browser);
    const laptop = await newPage(browser);
    await signInForTheField(phone.page);
    await signIn(laptop.page, veza.url, OFFICER_RS);
    const created = await apiSend(laptop.page, 'POST', '/api/screenings', {
      clientId: crypto.randomUUID(),
      instrumentId: 'veza.rapid',
      stage: 'rapid',
      occurredAt: '2026-11-20T08:15:00.000Z',
      setting: 'street_patrol',
      place: 'Сремска Митровица',
      interviewLanguage: 'sr',
      narrative: WORDS,
      age: 19,
      answers: { 'rapid.documents_held': 'yes' },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const reference = String(created.body.reference);

    // Both devices open the screening; the phone loses its connection and the officer corrects it there.
    for (const device of [phone, laptop]) {
      await device.page.goto(`${veza.url}/screenings/${id}/edit`);
      await visible(pageHeading(device.page, t(lang, 'offline.edit.title', { reference })));
    }
    await expectAccessible(phone.page, 'screening edit');
    await screenshot(phone.page, 'offline-edit-sr-Cyrl');
    await phone.context.setOffline(true);
    await phone.page
      .getByRole('textbox', { name: t(lang, 'offline.fields.place') })
      .fill('Шид, железничка станица');
    await phone.page.getByRole('textbox', { name: t(lang, 'offline.fields.age') }).fill('17');
    await phone.page.getByRole('button', { name: t(lang, 'common.save'), exact: true }).click();
    await visible(phone.page.getByText(t(lang, 'offline.submit.queued')));

    // Meanwhile the laptop, online, changes the same place.
    await laptop.page.getByRole('textbox', { name: t(lang, 'offline.fields.place') }).fill('Кузмин');
    await laptop.page.getByRole('button', { name: t(lang, 'common.save'), exact: true }).click();
    await visible(laptop.page.getByText(t(lang, 'offline.edit.saved', { reference })));

    // The phone comes back: the place is a conflict, nothing of its edit was applied.
    await phone.context.setOffline(false);
    await expectIndicator(phone.page, plural('offline.indicator.conflicts', 1));
    const before = (await apiGet(laptop.page, `/api/screenings/${id}`)).body as Record<string, unknown>;
    expect(before).toMatchObject({ place: 'Кузмин', age: 19, revision: 2 });

    await indicator(phone.page).click();
    const card = await visible(
      phone.page.getByRole('article', { name: t(lang, 'offline.item.edit', { reference }) }),
    );
    const place = card.getByRole('radiogroup', { name: t(lang, 'offline.fields.place') });
    await visible(
      place.getByRole('radio', {
        name: t(lang, 'offline.conflict.device', { value: 'Шид, железничка станица' }),
      }),
    );
    await visible(
      place.getByRole('radio', { name: t(lang, 'offline.conflict.server', { value: 'Кузмин' }) }),
    );
    // Age was changed only on the phone: not a conflict.
    expect(await card.getByRole('radiogroup', { name: t(lang, 'offline.fields.age') }).count()).toBe(0);
    await expectAccessible(phone.page, 'sync conflict');
    await screenshot(phone.page, 'offline-conflict-sr-Cyrl');

    await place
      .getByRole('radio', { name: t(lang, 'offline.conflict.device', { value: 'Шид, железничка станица' }) })
      .check();
    await card.getByRole('button', { name: t(lang, 'offline.conflict.resolve'), exact: true }).click();
    await expectIndicator(phone.page, t(lang, 'offline.indicator.synced'));
    const after = (await apiGet(laptop.page, `/api/screenings/${id}`)).body as Record<string, unknown>;
    expect(after).toMatchObject({ place: 'Шид, железничка станица', age: 17, revision: 3 });
    await phone.context.close();
    await laptop.context.close();
  });

  it('warns before sign-out deletes work the server does not have, and leaves nothing on the device', async () => {
    const { context, page } = await newPage(browser);
    await signInForTheField(page);
    const created = await apiSend(page, 'POST', '/api/screenings', {
      clientId: crypto.randomUUID(),
      instrumentId: 'veza.rapid',
      stage: 'rapid',
      occurredAt: '2026-11-21T10:00:00.000Z',
      setting: 'shelter',
      place: 'Суботица',
      interviewLanguage: 'sr',
      answers: {},
    });
    const id = String(created.body.id);
    await page.goto(`${veza.url}/screenings/${id}/edit`);
    await visible(
      pageHeading(page, t(lang, 'offline.edit.title', { reference: String(created.body.reference) })),
    );
    await context.setOffline(true);
    await page.getByRole('textbox', { name: t(lang, 'offline.fields.place') }).fill('Палић');
    await page.getByRole('button', { name: t(lang, 'common.save'), exact: true }).click();
    await expectIndicator(page, plural('offline.indicator.offlineWaiting', 1));

    await page.getByRole('button', { name: t(lang, 'auth.signOut'), exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'offline.signOut.title') }));
    await visible(dialog.getByText(plural('offline.signOut.message', 1)));
    await expectAccessible(page, 'sign-out warning');
    await dialog.getByRole('button', { name: t(lang, 'offline.signOut.confirm'), exact: true }).click();
    await visible(page.getByRole('button', { name: t(lang, 'auth.signIn'), exact: true }));

    const outboxItems = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const scope = globalThis as unknown as {
            indexedDB: {
              open(name: string): {
                result: {
                  transaction(s: string): {
                    objectStore(s: string): { count(): { result: number; onsuccess: () => void } };
                  };
                };
                onsuccess: () => void;
                onerror: () => void;
              };
            };
          };
          const request = scope.indexedDB.open('veza-offline');
          request.onerror = () => reject(new Error('no database'));
          request.onsuccess = () => {
            const count = request.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(outboxItems).toBe(0);
    // Back online, the device ends the session the server still had: this browser is signed out there too.
    await context.setOffline(false);
    await expect
      .poll(async () => (await apiGet(page, `/api/screenings/${id}`)).status, { timeout: STEP_TIMEOUT_MS })
      .toBe(401);
    await context.close();
  });
});
