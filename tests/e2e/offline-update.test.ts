import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@veza/shared';
import { DEFAULT_WEB_ROOT } from '@veza/server';
import { expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { startVeza, type RunningVeza } from './support/server.ts';
import { gone, newPage, pageHeading, signIn, STEP_TIMEOUT_MS, t, visible } from './support/app.ts';

// The trafficking officer in Belgrade keeps the installed app open for days, in Serbian Cyrillic.
const OFFICER_RS = 'officer.rs@demo.veza.example';
const lang: Locale = 'sr-Cyrl';

// A copy of the built app, so that this file can publish a "new build" without touching apps/web/dist.
const webRoot = mkdtempSync(join(tmpdir(), 'veza-e2e-web-'));
let veza: RunningVeza;
let browser: Browser;

beforeAll(async () => {
  cpSync(DEFAULT_WEB_ROOT, webRoot, { recursive: true });
  [veza, browser] = await Promise.all([startVeza({ webRoot }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await veza?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** The parts of the browser's global scope used here (this project compiles against Node's types). */
interface BrowserScope {
  navigator: {
    serviceWorker: {
      controller: unknown;
      getRegistration(): Promise<{ waiting: unknown } | undefined>;
    };
  };
  document: { dispatchEvent(event: Event): boolean };
  vezaOldPage?: boolean;
}

function notice(page: Page) {
  return page.getByTestId('update-notice');
}

/** A new build on the server: its service worker differs byte for byte, so the browser installs it. */
function publishNewBuild(): void {
  appendFileSync(join(webRoot, 'sw.js'), '\n// the next build\n');
}

describe('a new version of the installed app', () => {
  it('is offered with a Reload button, never reloads by itself, and takes over when the officer reloads', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, veza.url, OFFICER_RS);
    await page.waitForFunction(
      () => (globalThis as unknown as BrowserScope).navigator.serviceWorker.controller !== null,
    );
    // The first install is no update: nothing to offer.
    expect(await notice(page).count()).toBe(0);

    // Halfway through a screening, the app stays open while a new version is published.
    await page
      .getByRole('navigation', { name: t(lang, 'layout.mainNavigation') })
      .getByRole('link', { name: t(lang, 'nav.screening'), exact: true })
      .click();
    await visible(pageHeading(page, t(lang, 'screening.title')));
    const place = page.getByRole('textbox', { name: t(lang, 'screening.flow.place') });
    await place.fill('Гранични прелаз Шид');
    await page.evaluate(() => {
      (globalThis as unknown as BrowserScope).vezaOldPage = true;
    });
    publishNewBuild();
    // The officer comes back to the tab: the app looks for a new version.
    await page.evaluate(() =>
      (globalThis as unknown as BrowserScope).document.dispatchEvent(new Event('visibilitychange')),
    );

    await visible(notice(page).getByText(t(lang, 'offline.update.title')));
    await visible(notice(page).getByText(t(lang, 'offline.update.message')));
    await screenshot(page, 'offline-update-sr-Cyrl');
    await expectAccessible(page, 'new version notice');
    // Offered, not forced: the half-filled form is still there.
    expect(await page.evaluate(() => (globalThis as unknown as BrowserScope).vezaOldPage)).toBe(true);
    expect(await place.inputValue()).toBe('Гранични прелаз Шид');

    await notice(page)
      .getByRole('button', { name: t(lang, 'offline.update.reload'), exact: true })
      .click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as BrowserScope).vezaOldPage ?? false), {
        timeout: STEP_TIMEOUT_MS,
      })
      .toBe(false);
    await visible(pageHeading(page, t(lang, 'screening.title')));
    // The new version serves the page: nothing waits any more, and nothing is offered again.
    expect(
      await page.evaluate(async () => {
        const registration = await (
          globalThis as unknown as BrowserScope
        ).navigator.serviceWorker.getRegistration();
        return registration?.waiting ?? null;
      }),
    ).toBeNull();
    await gone(notice(page));
    await context.close();
  });
});
