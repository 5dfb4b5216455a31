/**
 * The build's 公文版 step: the plan as an OfficialDocument, its fonts resolved with fontconfig (named in the
 * log), printed by an already running Chromium into `<plan>-gbt9704.pdf`.
 */
import type { Browser } from 'playwright-core';
import type { Plan } from '../plan/schema.ts';
import { resolveFonts } from '../print/fonts.ts';
import { officialDocumentToText, planToOfficialDocument } from '../print/official-document.ts';
import { printGbt9704, type Gbt9704Result } from '../print/print-gbt9704.ts';

/** Prints the plan's 公文版 to `outFile` and logs the fonts used. */
export async function printOfficialPdf(browser: Browser, plan: Plan, outFile: string): Promise<Gbt9704Result> {
  const doc = planToOfficialDocument(plan);
  const fonts = await resolveFonts(officialDocumentToText(doc));
  const result = await printGbt9704({ browser, doc, fonts, outFile });
  for (const line of result.fonts) console.log(`  gbt9704 font ${line}`);
  return result;
}
