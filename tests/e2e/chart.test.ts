import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The Belgrade drugs investigator works in Serbian Latin; her case holds the courier's network.
const DRUGS_RS = 'drugs.rs@demo.veza.example';
const lang = 'sr-Latn';
const CASE_TITLE = 'Operacija Sever';
const SUPPLIER = 'Arben Krasniqi';
const COURIER = 'Ђорђе Ђорђевић';
const BUYER = 'Marko Petrović';
const PARTNER = 'Јована Петровић';
const CHART_NAME = 'Mreža kurira, mart 2026';
// The Macedonian analyst is on the team of the border-crossing case.
const ANALYST_MK = 'analyst.mk@demo.veza.example';
const BORDER_CASE = 'Табановце';
const DRIVER = 'Djordje Djordjevic';
const MIGRANT = 'Бујар Рамадани';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

/** Chooses in a select as a user does: open it, type to narrow it down when it is searchable, pick. */
async function pick(page: Page, label: string, option: string, typed?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
}

async function downloaded(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return readFileSync(path);
}

describe('link chart', () => {
  it('lets the investigator find the path from the supplier to the buyer’s partner, and the two groups', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, DRUGS_RS);
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.cases'), exact: true })
      .click();
    const cases = await visible(page.getByRole('table', { name: t(lang, 'investigation.casesTable') }));
    await cases.getByRole('row').filter({ hasText: CASE_TITLE }).getByRole('link').first().click();
    await visible(pageHeading(page, new RegExp(CASE_TITLE)));
    await page.getByRole('link', { name: t(lang, 'chart.openChart'), exact: true }).click();

    // Persons on a chart are consulted: a reason first.
    const dialog = await visible(page.getByRole('dialog', { name: t(lang, 'justification.title') }));
    await dialog
      .getByRole('textbox', { name: t(lang, 'justification.label') })
      .fill('Istraga KTO 112/26: analiza mreže kurira');
    await dialog.getByRole('button', { name: t(lang, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));
    await visible(page.getByTestId('link-chart-canvas'));
    const entities = page.getByRole('table', { name: t(lang, 'chart.entitiesTable') });
    await visible(entities.getByRole('button', { name: COURIER, exact: true }));
    await screenshot(page, 'chart-sr-Latn');
    await expectAccessible(page, 'link chart');

    // Shortest path: the supplier reaches the buyer's partner through the courier and the buyer.
    await pick(page, t(lang, 'chart.pathFrom'), SUPPLIER, 'Arben');
    await pick(page, t(lang, 'chart.pathTo'), PARTNER, 'Јована');
    await page.getByRole('button', { name: t(lang, 'chart.findPath'), exact: true }).click();
    const steps = await visible(page.getByTestId('chart-path-steps'));
    const names = (await steps.getByRole('listitem').allTextContents()).map((s) =>
      s.replace(/\s*\(.*\)$/, ''),
    );
    expect(names).toEqual([SUPPLIER, COURIER, BUYER, PARTNER]);
    await screenshot(page, 'chart-path-sr-Latn');

    // Communities: Louvain splits the supplier's side from the buyer's circle (path cleared to see colours).
    await page.getByRole('button', { name: t(lang, 'chart.clearPath'), exact: true }).click();
    expect(await page.getByTestId('chart-path-steps').count()).toBe(0);
    await page.getByRole('switch', { name: t(lang, 'chart.colourByCommunity'), exact: true }).check();
    const communities = await visible(page.getByTestId('chart-community-list'));
    const groups = await communities.getByRole('listitem').allTextContents();
    expect(groups.length).toBeGreaterThanOrEqual(2);
    // Each community lists its most linked members first.
    const groupOf = (name: string) => groups.findIndex((g) => g.includes(name));
    expect(groupOf(SUPPLIER)).toBeGreaterThanOrEqual(0);
    expect(groupOf(PARTNER)).toBeGreaterThanOrEqual(0);
    expect(groupOf(SUPPLIER)).not.toBe(groupOf(PARTNER));
    await page.getByRole('button', { name: t(lang, 'chart.rankKeyPlayers'), exact: true }).click();
    const players = await visible(page.getByRole('table', { name: t(lang, 'chart.keyPlayersTable') }));
    // The courier links the two sides: most links, and most shortest paths run through him.
    await visible(players.getByRole('row').nth(1).getByRole('cell', { name: COURIER }).first());
    await screenshot(page, 'chart-communities-sr-Latn');
    await expectAccessible(page, 'link chart with communities and key players');

    // The path again, so that the saved chart keeps it.
    await pick(page, t(lang, 'chart.pathFrom'), SUPPLIER, 'Arben');
    await pick(page, t(lang, 'chart.pathTo'), PARTNER, 'Јована');
    await page.getByRole('button', { name: t(lang, 'chart.findPath'), exact: true }).click();
    await visible(page.getByTestId('chart-path-steps'));

    // Exports of the current view.
    const svg = (await downloaded(page, t(lang, 'chart.exportSvg'))).toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)?.length ?? 0).toBeGreaterThan(10);
    expect(svg).toContain('<line ');
    const png = await downloaded(page, t(lang, 'chart.exportPng'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5000);

    // Save the chart, come back later, load it: the path and the colours return.
    await page.getByRole('textbox', { name: t(lang, 'chart.chartName'), exact: true }).fill(CHART_NAME);
    await page.getByRole('button', { name: t(lang, 'chart.save'), exact: true }).click();
    await visible(page.getByText(t(lang, 'chart.saved', { name: CHART_NAME })));
    await page.reload();
    await visible(page.getByTestId('link-chart-canvas'));
    expect(await page.getByTestId('chart-path-steps').count()).toBe(0);
    await pick(page, t(lang, 'chart.savedChart'), CHART_NAME);
    await page.getByRole('button', { name: t(lang, 'chart.load'), exact: true }).click();
    const restored = await visible(page.getByTestId('chart-path-steps'));
    expect(await restored.getByRole('listitem').count()).toBe(4);
    await visible(page.getByTestId('chart-community-list'));
    await screenshot(page, 'chart-reloaded-sr-Latn');

    // The timeline and the map come from the case's own data.
    await page.getByRole('tab', { name: t(lang, 'chart.tabTimeline'), exact: true }).click();
    await visible(page.getByTestId('timeline-svg'));
    await visible(
      page
        .getByRole('table', { name: t(lang, 'chart.pairsTable') })
        .getByText('+383 44 123 456')
        .first(),
    );
    await screenshot(page, 'chart-timeline-sr-Latn');
    await expectAccessible(page, 'timeline');
    await page.getByRole('tab', { name: t(lang, 'chart.tabMap'), exact: true }).click();
    const map = await visible(page.getByTestId('map-svg'));
    await visible(map.getByText('Корзо 8, Суботица'));
    await screenshot(page, 'chart-map-sr-Latn');
    await expectAccessible(page, 'map');

    // Start from the supplier alone and bring in his neighbours, as a double-click does.
    await page.getByRole('tab', { name: t(lang, 'chart.tabChart'), exact: true }).click();
    await entities.getByRole('button', { name: SUPPLIER, exact: true }).click();
    await page.getByRole('button', { name: t(lang, 'chart.focus'), exact: true }).click();
    await expect.poll(() => entities.getByRole('row').count()).toBe(2);
    await page
      .getByRole('button', { name: t(lang, 'chart.expand'), exact: true })
      .first()
      .click();
    await visible(entities.getByRole('button', { name: COURIER, exact: true }));
    expect(await entities.getByRole('button', { name: PARTNER, exact: true }).count()).toBe(0);
    await screenshot(page, 'chart-expanded-sr-Latn');
    await context.close();
  });

  it('lets the Macedonian analyst chart the border case and find how the driver and the migrant are linked', async () => {
    const mk = 'mk';
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, ANALYST_MK);
    await page
      .getByRole('navigation', { name: t(mk, 'layout.mainNavigation') })
      .getByRole('link', { name: t(mk, 'nav.cases'), exact: true })
      .click();
    const cases = await visible(page.getByRole('table', { name: t(mk, 'investigation.casesTable') }));
    await cases.getByRole('row').filter({ hasText: BORDER_CASE }).getByRole('link').first().click();
    await page.getByRole('link', { name: t(mk, 'chart.openChart'), exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: t(mk, 'justification.title') }));
    await dialog
      .getByRole('textbox', { name: t(mk, 'justification.label') })
      .fill('Анализа на каналот за криумчарење, предмет Табановце');
    await dialog.getByRole('button', { name: t(mk, 'justification.submit') }).click();
    await gone(page.getByRole('dialog'));
    await visible(page.getByTestId('link-chart-canvas'));

    await pick(page, t(mk, 'chart.pathFrom'), DRIVER, 'Djordje');
    await pick(page, t(mk, 'chart.pathTo'), MIGRANT, 'Бујар');
    await page.getByRole('button', { name: t(mk, 'chart.findPath'), exact: true }).click();
    const steps = await visible(page.getByTestId('chart-path-steps'));
    const names = (await steps.getByRole('listitem').allTextContents()).map((s) =>
      s.replace(/\s*\(.*\)$/, ''),
    );
    expect(names).toEqual([DRIVER, MIGRANT]);
    await page.getByRole('switch', { name: t(mk, 'chart.colourByCommunity'), exact: true }).check();
    const communities = await visible(page.getByTestId('chart-community-list'));
    expect(await communities.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'chart-mk');
    await expectAccessible(page, 'link chart in Macedonian');

    // Filters that hide everything leave a chart that says why it is empty, not a blank canvas.
    expect(await page.getByTestId('chart-empty').count()).toBe(0);
    const types = page.getByRole('group', { name: t(mk, 'chart.types') });
    for (const box of await types.getByRole('checkbox').all()) await box.uncheck();
    const empty = await visible(page.getByTestId('chart-empty'));
    expect(await empty.textContent()).toBe(t(mk, 'chart.allFiltered'));
    await screenshot(page, 'chart-all-filtered-mk');
    await context.close();
  });
});
