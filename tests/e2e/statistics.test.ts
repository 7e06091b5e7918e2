import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectAccessible, launchBrowser, screenshot, SCREENSHOTS } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { apiGet, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

// The national coordinator of Montenegro works in Montenegrin; she reports her jurisdiction's figures.
const COORDINATOR_ME = 'coordinator.me@demo.veza.example';
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang = 'cnr';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

describe('statistics', () => {
  it('shows protected counts by sex and age group, and exports the same figures', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, COORDINATOR_ME);
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.statistics'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'statistics.title')));
    await visible(page.getByText(t(lang, 'statistics.protectionTitle')));

    await page.getByLabel(t(lang, 'statistics.groupBy')).selectOption('sex');
    await page.getByLabel(t(lang, 'statistics.thenBy')).selectOption('age_group');
    await page.getByRole('button', { name: t(lang, 'statistics.show') }).click();
    const caption = t(lang, 'statistics.caption', {
      measure: t(lang, 'statistics.measures.screenings'),
      dimensions: `${t(lang, 'statistics.dimensions.sex')} × ${t(lang, 'statistics.dimensions.age_group')}`,
    });
    const table = await visible(
      page.getByRole('table').filter({ hasText: t(lang, 'statistics.sex.female') }),
    );
    await visible(page.getByRole('heading', { name: caption }));
    // Women and men are shown, small combinations withheld as "<11", with the reason on hover.
    const withheld = table.locator('abbr', { hasText: '<11' });
    expect(await withheld.count()).toBeGreaterThan(0);
    expect(await withheld.first().getAttribute('title')).toBe(
      t(lang, 'statistics.withheld', { threshold: '11' }),
    );
    const female = table.getByRole('row').filter({ hasText: t(lang, 'statistics.sex.female') });
    expect(await female.count()).toBeGreaterThan(0);
    await visible(table.getByRole('rowheader', { name: t(lang, 'statistics.total') }));
    await screenshot(page, 'statistics-cnr');
    await expectAccessible(page, 'statistics');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: t(lang, 'statistics.export') }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('sex,age_group,screenings');
    expect(csv).toContain('<11');
    // Every figure exported is withheld or a rounded count of at least 10.
    for (const line of csv.split('\r\n').slice(1, -2)) expect(line).toMatch(/,(<11|\d*[05])$/);
    await context.close();
  });

  it('is not offered to an officer, and the API refuses her', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_RS);
    const nav = page.getByRole('navigation', { name: t('sr-Cyrl', 'layout.mainNavigation') });
    await visible(nav.getByRole('link', { name: t('sr-Cyrl', 'nav.home'), exact: true }));
    expect(await nav.getByRole('link', { name: t('sr-Cyrl', 'nav.statistics') }).count()).toBe(0);
    expect((await apiGet(page, '/api/statistics?from=2026-01&to=2026-06&groupBy=sex')).status).toBe(403);
    await context.close();
  });
});

describe('printable documents', () => {
  it("the PDF opens: the screening summary in the coordinator's and the person's language", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, COORDINATOR_ME);
    const list = (await apiGet(page, '/api/screenings?limit=100')).body as {
      items: { id: string; reference: string; stage: string; personId: string | null }[];
    };
    const screening = list.items.find((s) => s.stage === 'full' && s.personId);
    expect(screening).toBeTruthy();
    const url = `/api/screenings/${screening!.id}/summary.pdf?lang=cnr&lang=sq`;
    const fetched = await page.evaluate(async (address) => {
      const response = await fetch(address);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        bytes: Array.from(bytes),
      };
    }, url);
    expect(fetched.status).toBe(200);
    expect(fetched.type).toBe('application/pdf');
    expect(fetched.disposition).toContain(`inline; filename="${screening!.reference}.pdf"`);
    const bytes = new Uint8Array(fetched.bytes);
    writeFileSync(join(SCREENSHOTS, 'screening-summary-cnr-sq.pdf'), bytes);

    const pages = await pdfPages(bytes);
    const text = pages.join('\n');
    expect(text).toContain('Rezime skrininga');
    expect(text).toContain('Përmbledhje e shqyrtimit');
    expect(text).toContain(screening!.reference);
    // The Albanian part begins on its own page, to be handed to the person.
    expect(pages.findIndex((p) => p.includes('Përmbledhje e shqyrtimit'))).toBeGreaterThan(0);
    await context.close();
  });
});
