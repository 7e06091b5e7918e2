import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser; the flags keep it off this machine's closed network.
 * Used by the browser tests and the chart benchmarks alike.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.VEZA_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
    ],
  });
}
