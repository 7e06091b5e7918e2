import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { serbianCyrillicToLatin } from '@veza/matching/serbian';
import { LOCALE_FALLBACKS, LOCALES, type Locale } from '@veza/shared';
import { DEMO_PASSWORD } from './server.ts';

/** How long one step may take before a test fails: the app answers locally, so a few seconds is plenty. */
export const STEP_TIMEOUT_MS = 10_000;

interface Catalogue {
  [key: string]: string | Catalogue;
}

const LOCALES_DIR = join(process.cwd(), 'apps/web/src/i18n/locales');
const FEATURES_DIR = join(process.cwd(), 'apps/web/src/features');
const catalogues = new Map<Locale, Catalogue>();

/**
 * The catalogue the user should see, read from the app's own JSON files. Serbian Latin has no file: it
 * is the Cyrillic catalogue through the fixed letter mapping of packages/matching (not through the
 * web app's code, so a bug there shows up here).
 */
function catalogue(locale: Locale): Catalogue {
  let found = catalogues.get(locale);
  if (!found) {
    found =
      locale === 'sr-Latn'
        ? transliterate(catalogue('sr-Cyrl'))
        : withFeatures(
            locale,
            JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), 'utf8')) as Catalogue,
          );
    catalogues.set(locale, found);
  }
  return found;
}

/** Adds the messages features keep beside their screens (`features/<name>/locales/<locale>.json`). */
function withFeatures(locale: Locale, base: Catalogue): Catalogue {
  for (const feature of readdirSync(FEATURES_DIR)) {
    const file = join(FEATURES_DIR, feature, 'locales', `${locale}.json`);
    if (existsSync(file)) merge(base, JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
  }
  return base;
}

function merge(into: Catalogue, part: Catalogue): void {
  for (const [key, value] of Object.entries(part)) {
    const existing = into[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else into[key] = value;
  }
}

function transliterate(cyrillic: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(cyrillic).map(([key, value]) => [
      key,
      typeof value === 'string' ? serbianCyrillicToLatin(value) : transliterate(value),
    ]),
  );
}

function lookup(from: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = from;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A message as the app shows it in `locale` (with the same fallbacks), simple `{name}` arguments filled in. */
export function t(locale: Locale, key: string, values: Record<string, string> = {}): string {
  for (const candidate of [locale, ...LOCALE_FALLBACKS[locale]]) {
    const message = lookup(catalogue(candidate), key);
    if (message !== undefined) {
      return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
    }
  }
  throw new Error(`No message ${key} in ${locale} or its fallbacks`);
}

export { LOCALES };

/** A fresh browser context (no cookies, no stored language) whose browser asks for English. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the locator shows (Playwright's auto-waiting); fails with the locator in the message. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden' });
}

export async function htmlLang(page: Page): Promise<string> {
  return (await page.locator('html').getAttribute('lang')) ?? '';
}

export async function expectHtmlLang(page: Page, locale: Locale): Promise<void> {
  await expect.poll(() => htmlLang(page), { timeout: STEP_TIMEOUT_MS }).toBe(locale);
}

/** The heading every page has exactly one of. */
export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
}

/** Fills the sign-in form as a user would, labels read in the language the page shows. */
export async function submitCredentials(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  locale: Locale = 'en',
): Promise<void> {
  await page.getByRole('textbox', { name: t(locale, 'auth.email'), exact: true }).fill(email);
  await page.getByRole('textbox', { name: t(locale, 'auth.password'), exact: true }).fill(password);
  await page.getByRole('button', { name: t(locale, 'auth.signIn'), exact: true }).click();
}

/** Opens the app and signs in; waits for the page the account lands on (home or a forced step). */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(baseUrl);
  await visible(pageHeading(page, t('en', 'auth.signInTitle')));
  await submitCredentials(page, email, password);
  await gone(page.getByRole('button', { name: t('en', 'auth.signIn'), exact: true }));
}

export async function signOut(page: Page, locale: Locale = 'en'): Promise<void> {
  await page.getByRole('button', { name: t(locale, 'auth.signOut'), exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: t(locale, 'auth.signedOut') }));
}

/**
 * An authenticator app for one secret. The server accepts the current 30-second step and one either
 * side, but never a step at or before the last one it accepted; so each code is for the step after
 * the last one used, waiting for the clock only when that step would be more than one ahead.
 */
export class Authenticator {
  private lastStep = 0;
  /** The code handed out last, for checking that it cannot be used twice. */
  lastCode = '';
  constructor(readonly secret: string) {}

  async code(): Promise<string> {
    const now = () => Math.floor(Date.now() / 30_000);
    const step = Math.max(now(), this.lastStep + 1);
    if (step > now() + 1) {
      // The only fixed wait of the suite: two codes were needed within one step.
      await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 200));
    }
    this.lastStep = step;
    this.lastCode = generateSync({ secret: this.secret, epoch: step * 30 });
    return this.lastCode;
  }
}

/** Reads the secret from the two-factor set-up page, types the current code and confirms. */
export async function enrolTotp(page: Page, locale: Locale = 'en'): Promise<Authenticator> {
  const secretText = await visible(page.getByLabel(t(locale, 'totp.secretLabel'), { exact: true }));
  const secret = (await secretText.textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const authenticator = new Authenticator(secret);
  await page
    .getByRole('textbox', { name: t(locale, 'auth.code'), exact: true })
    .fill(await authenticator.code());
  await page.getByRole('button', { name: t(locale, 'totp.confirm'), exact: true }).click();
  return authenticator;
}

/** The same-origin API as the signed-in page calls it: cookies of the context, CSRF token of the session. */
export async function apiGet(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }, path);
}
