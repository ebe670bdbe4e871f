import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HEALTHSCORE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or null when they can. In CI a missing browser is a
 * failure (.ci/run installs Debian's chromium), never a silent skip.
 */
export function chromiumUnavailableReason(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set HEALTHSCORE_CHROMIUM)`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the browser tests.`);
  console.warn(`skipping browser tests: ${reason}`);
  return reason;
}

/** Debian's Chromium, headless, with the flags this offline machine needs (no background network); Playwright gives it a fresh temporary profile. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
