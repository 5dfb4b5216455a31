/**
 * The build's 公文版 step: the plan as an OfficialDocument, its fonts resolved with fontconfig, printed by an
 * already running Chromium into `<plan>-gbt9704.pdf` — or copied from the cache when nothing it derives from
 * changed.
 */
import { stat } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { Plan } from '../plan/schema.ts';
import { describeFonts, fontsFingerprint, resolveFonts } from '../print/fonts.ts';
import { officialDocumentToText, planToOfficialDocument } from '../print/official-document.ts';
import { printGbt9704 } from '../print/print-gbt9704.ts';
import { codeVersion } from './code-version.ts';
import { contentKey, type OutputCache } from './output-cache.ts';
import { popplerVersion } from './pdf-info.ts';

/** What the step did: the file's size, the fonts (one line per role, for the build log), whether it was reused. */
export interface OfficialPdfResult {
  bytes: number;
  fonts: string[];
  reused: boolean;
}

/** Prints the plan's 公文版 to `outFile` (in `page` when given), or copies it from `cache`. */
export async function printOfficialPdf(browser: Browser, plan: Plan, outFile: string, cache?: OutputCache, page?: Page): Promise<OfficialPdfResult> {
  const doc = planToOfficialDocument(plan);
  const fonts = await resolveFonts(officialDocumentToText(doc));
  const print = () => printGbt9704({ browser, doc, fonts, outFile, ...(page ? { page } : {}) });
  let reused = false;
  if (cache) {
    // What the PDF derives from: the plan, the fonts chosen for it (and their files), the renderer's code, the
    // Chromium that prints it and the poppler that finds where the 版记 landed. SITE_URL and BASE_PATH do not
    // enter: the 公文版 holds no link.
    const key = contentKey([
      ['code', await codeVersion('src/build/official-pdf.ts')],
      ['chromium', browser.version()],
      ['poppler', await popplerVersion()],
      ['plan', JSON.stringify(plan)],
      ['fonts', JSON.stringify(fonts)],
      ['font files', await fontsFingerprint(fonts)],
      ['env', JSON.stringify(fontEnvironment())],
    ]);
    reused = await cache.through('gbt9704', key, { '.pdf': outFile }, print);
  } else {
    await print();
  }
  return { bytes: (await stat(outFile)).size, fonts: describeFonts(fonts), reused };
}

/** The GBT9704_*_FILE settings (already reflected in the resolved fonts; kept in the key so a setting is never missed). */
function fontEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => /^GBT9704_/u.test(e[0]) && e[1] !== undefined).sort());
}
