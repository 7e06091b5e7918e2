import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryPage, Locale } from '@veza/shared';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { STEP_TIMEOUT_MS, apiGet, gone, newPage, pageHeading, signIn, t, visible } from './support/app.ts';

const OFFICER_RS = 'officer.rs@demo.veza.example';
const COORDINATOR_ME = 'coordinator.me@demo.veza.example';

let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  [veza, browser] = await Promise.all([startVeza(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
});

async function openDirectory(page: Page, lang: Locale): Promise<void> {
  await page
    .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
    .getByRole('link', { name: t(lang, 'nav.directory'), exact: true })
    .click();
  await visible(pageHeading(page, t(lang, 'directory.title')));
}

const rows = (page: Page) => page.getByTestId('directory-entry');

describe('directory of contact points', () => {
  it('an officer finds a Latin entry with a Cyrillic query, cannot edit, and downloads a vCard', async () => {
    const lang: Locale = 'sr-Cyrl';
    const officer = await newPage(browser);
    await signIn(officer.page, veza.url, OFFICER_RS);
    await openDirectory(officer.page, lang);
    await officer.page.getByRole('searchbox', { name: t(lang, 'directory.search') }).fill('Петровић');
    // The Montenegrin JIT expert is written in Latin letters.
    await visible(rows(officer.page).filter({ hasText: 'Dragan Petrović' }));
    // The search runs after a pause in typing: wait for its answer, not for the list before it.
    await expect.poll(() => rows(officer.page).count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
    await expectAccessible(officer.page, 'directory (reader)');
    await screenshot(officer.page, 'directory-search-sr-Cyrl');
    // A reader is offered neither editing nor confirming, nor adding.
    expect(await officer.page.getByRole('button', { name: t(lang, 'common.edit') }).count()).toBe(0);
    expect(await officer.page.getByRole('button', { name: t(lang, 'directory.confirm') }).count()).toBe(0);
    expect(await officer.page.getByRole('button', { name: t(lang, 'directory.add') }).count()).toBe(0);

    await officer.page.getByLabel(t(lang, 'directory.jurisdiction')).selectOption('ME');
    const downloading = officer.page.waitForEvent('download');
    await officer.page.getByRole('link', { name: t(lang, 'directory.exportVcf'), exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('veza-directory-ME.vcf');
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const cards = text.split('BEGIN:VCARD\r\n').slice(1);
    expect(cards.length).toBeGreaterThanOrEqual(8);
    expect(cards.every((card) => card.startsWith('VERSION:4.0\r\n'))).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nFN:Dragan Petrović\r\n');
    expect(unfolded).toMatch(/\r\nTEL;VALUE=uri;TYPE=work,voice:tel:\+382\d{8}\r\n/);
    await officer.context.close();
  });

  it('a coordinator confirms an overdue entry of Montenegro and corrects another; a bad number is refused', async () => {
    const lang: Locale = 'cnr';
    const coordinator = await newPage(browser);
    await signIn(coordinator.page, veza.url, COORDINATOR_ME);
    await openDirectory(coordinator.page, lang);
    await coordinator.page.getByLabel(t(lang, 'directory.jurisdiction')).selectOption('ME');
    await coordinator.page.getByLabel(t(lang, 'directory.overdueOnly')).check();
    const overdue = await visible(rows(coordinator.page).filter({ hasText: 'Milica Vuković' }));
    await visible(overdue.getByText(t(lang, 'directory.overdue'), { exact: true }));
    await expectAccessible(coordinator.page, 'directory (keeper)');
    await screenshot(coordinator.page, 'directory-overdue-cnr');
    const organisation = 'Kancelarija za borbu protiv trgovine ljudima – nacionalni koordinator';
    await overdue.getByRole('button', { name: t(lang, 'directory.confirmEntry', { organisation }) }).click();
    // Confirmed today, it leaves the list of overdue entries.
    await gone(rows(coordinator.page).filter({ hasText: 'Milica Vuković' }));
    const confirmed = (await apiGet(coordinator.page, '/api/directory?jurisdiction=ME&q=Vukovic'))
      .body as DirectoryPage;
    expect(confirmed.items.find((e) => e.contactName === 'Milica Vuković')?.overdue).toBe(false);

    // A correction of the Europol liaison officer's number: first mistyped, then right.
    await coordinator.page.getByLabel(t(lang, 'directory.overdueOnly')).uncheck();
    await coordinator.page.getByRole('searchbox', { name: t(lang, 'directory.search') }).fill('Đurović');
    const row = await visible(rows(coordinator.page).filter({ hasText: 'Ana Đurović' }));
    await row
      .getByRole('button', {
        name: t(lang, 'directory.editEntry', { organisation: 'Oficir za vezu pri Europolu, Hag' }),
      })
      .click();
    const dialog = await visible(coordinator.page.getByRole('dialog'));
    await screenshot(coordinator.page, 'directory-form-cnr');
    const phone = dialog.getByLabel(
      t(lang, 'directory.address', { kind: t(lang, 'directory.channelKinds.phone') }),
    );
    await phone.first().fill('12345');
    await dialog.getByRole('button', { name: t(lang, 'common.save'), exact: true }).click();
    await visible(dialog.getByText(t(lang, 'errors.invalid_phone_number')));
    await expectAccessible(coordinator.page, 'directory entry form');
    await screenshot(coordinator.page, 'directory-bad-phone-cnr');
    const before = (await apiGet(coordinator.page, '/api/directory?jurisdiction=ME&q=Đurović'))
      .body as DirectoryPage;
    const stored = before.items[0] as DirectoryEntry;
    expect(stored.channels.find((c) => c.kind === 'phone')?.address).toBe('+38220241120');

    await phone.first().fill('020 241 199');
    await dialog.getByRole('button', { name: t(lang, 'common.save'), exact: true }).click();
    await gone(coordinator.page.getByRole('dialog'));
    await visible(row.getByRole('link', { name: '+38220241199', exact: true }));
    await coordinator.context.close();
  });
});
