import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The national coordinator of Montenegro works in Montenegrin; an officer in Belgrade may not publish.
const COORDINATOR_ME = 'coordinator.me@demo.veza.example';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang = 'cnr';
const NEW_TEXT = 'Da li vam je neko oduzeo pasoš ili lične dokumente i ne vraća ih?';

interface Indicator {
  id: string;
  text: Record<string, string>;
}
interface Instrument {
  id: string;
  version: number;
  stage: string;
  title: Record<string, string>;
  indicators: Indicator[];
}

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

describe('indicator library', () => {
  it('lets the coordinator publish a new version of the rapid screen with a changed Montenegrin text', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, COORDINATOR_ME);
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.instruments'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'instruments.title')));
    const table = await visible(page.getByRole('table', { name: t(lang, 'instruments.table') }));

    const before = (await apiGet(page, '/api/instruments')).body as Instrument[];
    const rapid = before.find((instrument) => instrument.stage === 'rapid');
    expect(rapid?.version).toBe(1);
    const indicator = rapid!.indicators[0]!;
    expect(indicator.text.cnr).not.toBe(NEW_TEXT);
    const rapidRow = table.getByRole('row').filter({ hasText: rapid!.title.cnr! });
    expect(await rapidRow.getByRole('cell').nth(1).textContent()).toBe('1');
    await visible(page.getByRole('table', { name: t(lang, 'instruments.historyTable') }));
    await expectAccessible(page, 'indicator library');
    await screenshot(page, 'instruments-cnr');

    await rapidRow.getByRole('button').click();
    await visible(
      pageHeading(page, t(lang, 'instruments.editorTitle', { title: rapid!.title.cnr!, version: '2' })),
    );
    await page
      .getByRole('button', { name: t(lang, 'instruments.editIndicator', { id: indicator.id }) })
      .click();
    const dialog = await visible(
      page.getByRole('dialog', { name: t(lang, 'instruments.indicatorTitle', { id: indicator.id }) }),
    );
    const montenegrin = dialog.getByRole('textbox', {
      name: t(lang, 'instruments.textIn', { language: 'Crnogorski' }),
      exact: true,
    });
    expect(await montenegrin.inputValue()).toBe(indicator.text.cnr);
    // An empty text is refused on its field, and the indicator is marked in the table.
    await montenegrin.fill('');
    await dialog.getByRole('button', { name: t(lang, 'instruments.done') }).click();
    await gone(page.getByRole('dialog'));
    await page.getByRole('button', { name: t(lang, 'instruments.publish'), exact: true }).click();
    await visible(page.getByText(t(lang, 'instruments.needsCorrection')));
    await expectAccessible(page, 'new version with an error');

    await page
      .getByRole('button', { name: t(lang, 'instruments.editIndicator', { id: indicator.id }) })
      .click();
    await visible(page.getByRole('dialog'));
    await montenegrin.fill(NEW_TEXT);
    await expectAccessible(page, 'indicator dialog');
    await screenshot(page, 'instruments-indicator-cnr');
    await dialog.getByRole('button', { name: t(lang, 'instruments.done') }).click();
    await gone(page.getByRole('dialog'));
    await visible(page.getByRole('cell', { name: NEW_TEXT }));
    await screenshot(page, 'instruments-new-version-cnr');
    await page.getByRole('button', { name: t(lang, 'instruments.publish'), exact: true }).click();

    // Back on the list: the rapid screen is at version 2, and the history holds both versions.
    await visible(pageHeading(page, t(lang, 'instruments.title')));
    const after = page.getByRole('table', { name: t(lang, 'instruments.table') });
    await visible(
      after
        .getByRole('row')
        .filter({ hasText: rapid!.title.cnr! })
        .getByRole('cell', { name: '2', exact: true }),
    );
    await expectAccessible(page, 'indicator library after publishing');
    await screenshot(page, 'instruments-published-cnr');

    const current = (await apiGet(page, '/api/instruments')).body as Instrument[];
    const published = current.find((instrument) => instrument.id === rapid!.id)!;
    expect(published.version).toBe(2);
    expect(published.indicators.find((i) => i.id === indicator.id)?.text.cnr).toBe(NEW_TEXT);
    const all = (await apiGet(page, '/api/instruments?all=true')).body as Instrument[];
    const versions = all.filter((instrument) => instrument.id === rapid!.id).map((i) => i.version);
    expect(versions.sort()).toEqual([1, 2]);
    // Version 1 keeps its text: screenings made with it still show what was asked.
    const first = all.find((instrument) => instrument.id === rapid!.id && instrument.version === 1)!;
    expect(first.indicators.find((i) => i.id === indicator.id)?.text.cnr).toBe(indicator.text.cnr);
    await context.close();

    // An officer has no such entry, and the address is not found for him.
    const officer = await newPage(browser);
    await signIn(officer.page, veza.url, OFFICER_RS);
    const nav = officer.page.getByRole('navigation', { name: t('sr-Cyrl', 'layout.mainNavigation') });
    await visible(nav.getByRole('link').first());
    expect(await nav.getByRole('link', { name: t('sr-Cyrl', 'nav.instruments') }).count()).toBe(0);
    await officer.page.goto(`${veza.url}/instruments`);
    await visible(pageHeading(officer.page, t('sr-Cyrl', 'notFound.title')));
    await expectAccessible(officer.page, 'not found');
    await officer.context.close();
  });
});
