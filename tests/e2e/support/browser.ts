import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = join(process.cwd(), 'tests/e2e/screenshots');
// Tests also write element screenshots and downloaded files here, page checks or not.
mkdirSync(SCREENSHOTS, { recursive: true });

export { launchBrowser } from './chromium.ts';

/** The part of the page's DOM used here (this project's TypeScript knows Node, not the DOM). */
interface AnimatedWindow {
  document: { getAnimations(): { playState: string }[] };
}

/**
 * Waits for running CSS transitions and animations (a dialog fading in) to end: half-transparent text
 * would otherwise fail the contrast check and blur the screenshot.
 */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the app's Content Security Policy rightly forbids eval.
  await page.waitForFunction(() =>
    (globalThis as unknown as AnimatedWindow).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running'),
  );
}

/**
 * Whether this run checks the pages themselves (WCAG rules, screenshots). CI's PostgreSQL pass sets
 * VEZA_E2E_PAGE_CHECKS=0: it runs every browser test again for what the database changes, while a
 * page's markup and contrast do not depend on the database and were checked in the PGlite pass.
 */
export const PAGE_CHECKS = process.env['VEZA_E2E_PAGE_CHECKS'] !== '0';

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!PAGE_CHECKS) return;
  await settled(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** WCAG 2.1 A and AA checks of what the page shows now; fails with the rules and elements that break. */
export async function expectAccessible(page: Page, pageName: string): Promise<void> {
  if (!PAGE_CHECKS) return;
  await settled(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) =>
      `${pageName}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
}
