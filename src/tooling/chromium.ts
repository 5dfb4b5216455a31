/**
 * Debian's Chromium driven by playwright-core, launched the way this machine needs: headless, no sandbox (root),
 * and no background networking (the network is closed; Chromium's own connections would only fail).
 * We never download a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How Chromium is launched here, or an error explaining how to install it. */
function launchOptions(extraArgs: string[]): { executablePath: string; args: string[] } {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Run scripts/ensure-system-packages.sh (as root) to install Debian's chromium.`);
  }
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] };
}

/** Launches Chromium, or explains how to install it. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(launchOptions(extraArgs));
}

/** Launches Chromium as a server that several processes connect to (`chromium.connect(server.wsEndpoint())`). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions([]));
}

/**
 * Runs `use` in `page` when one is given — left open for the next print, its routes removed — else in a new page
 * of `browser`, closed after. Reusing a page spares starting a renderer process for every PDF of an archive.
 */
export async function inPage<T>(browser: Browser, page: Page | undefined, use: (page: Page) => Promise<T>): Promise<T> {
  const used = page ?? (await browser.newPage());
  try {
    return await use(used);
  } finally {
    if (page) await page.unrouteAll({ behavior: 'ignoreErrors' });
    else await used.close();
  }
}
