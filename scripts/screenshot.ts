/**
 * `npm run screenshot -- <path…>`: screenshots of built pages at phone and desktop width, light and dark, each
 * also in 关怀模式 (`-care`), and in print media, into test-results/screens/. For looking at the site as readers
 * see it.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../src/tooling/chromium.ts';
import { serveStatic } from '../src/tooling/static-server.ts';
import { isMain, runCli } from '../src/publish/pipeline/cli.ts';

export async function screenshots(paths: string[]): Promise<string> {
  const out = 'test-results/screens';
  await mkdir(out, { recursive: true });
  const server = await serveStatic('dist', process.env.BASE_PATH || '/');
  const browser = await launchChromium();
  const shots: string[] = [];
  try {
    for (const path of paths) {
      for (const [width, height] of [[390, 844], [1280, 900]] as const) {
        for (const scheme of ['light', 'dark'] as const) {
          for (const care of [false, true]) {
            const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
            // As a reader who switched 关怀模式 on earlier: the choice is in storage before the page loads.
            if (care) await page.context().addInitScript(() => localStorage.setItem('care-mode', 'on'));
            await page.goto(server.url + path.replace(/^\//u, ''));
            const name = `${out}/${path.replace(/[^a-z0-9]+/giu, '_') || 'home'}-${width}-${scheme}${care ? '-care' : ''}.png`;
            await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
            shots.push(name);
            await page.close();
          }
        }
      }
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(server.url + path.replace(/^\//u, ''));
      const name = `${out}/${path.replace(/[^a-z0-9]+/giu, '_') || 'home'}-print.png`;
      await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
      shots.push(name);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return shots.join('\n');
}

if (isMain(import.meta.url)) await runCli(() => screenshots(process.argv.slice(2)));
