/**
 * The build's 公文版 step: the plan as an OfficialDocument, its fonts resolved with fontconfig, typeset by Typst
 * into `<plan>-gbt9704.pdf` — or copied from the cache when nothing it derives from changed.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Plan } from '../../plan/schema.ts';
import { codeVersion } from '../cache/code-version.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';
import { describeFonts, fontsFingerprint, fontsKeyPart, resolveFonts, ROLE_NAMES, type FontRole, type ResolvedFont } from './fonts.ts';
import { gbt9704Data } from './gbt9704-data.ts';
import { officialDocumentToText, planToOfficialDocument } from './official-document.ts';
import { templateSource, typesetter, workerSource } from './typesetter.ts';

/** What the step did: the file's size, the fonts (one line per role, for the build log), whether it was reused. */
export interface OfficialPdfResult {
  bytes: number;
  fonts: string[];
  reused: boolean;
  /** Milliseconds Typst took to typeset it, the compiler's start aside (0 when reused). */
  ms: number;
}

/** Typesets the plan's 公文版 to `outFile`, or copies it from `cache`. */
export async function printOfficialPdf(plan: Plan, outFile: string, cache?: OutputCache): Promise<OfficialPdfResult> {
  const doc = planToOfficialDocument(plan);
  const fonts = await resolveFonts(officialDocumentToText(doc));
  const described = describeFonts(fonts);
  let ms = 0;
  const print = async () => {
    const typst = await typesetter(fonts.map((f) => f.file));
    const families = Object.fromEntries(fonts.map((f) => [f.role, f.family])) as Record<FontRole, string>;
    const data = gbt9704Data(doc, families, { subject: subjectOf(fonts), keywords: ['GB/T 9704-2012', ...described] });
    const typeset = await typst.pdf('gbt9704', data);
    ms = typeset.ms;
    const pdf = typeset.pdf;
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, pdf);
  };
  let reused = false;
  if (cache) {
    // What the PDF derives from: the plan, the fonts chosen for it (and their files), the code and its template.
    // SITE_URL and BASE_PATH do not enter: the 公文版 holds no link.
    const key = contentKey([
      ['code', await codeVersion('src/publish/pdf/official-pdf.ts')],
      ['template', await templateSource('gbt9704')],
      ['worker', await workerSource()],
      ['plan', JSON.stringify(plan)],
      ['fonts', fontsKeyPart(fonts)],
      ['font files', await fontsFingerprint(fonts)],
      ['env', JSON.stringify(fontEnvironment())],
    ]);
    reused = await cache.through('gbt9704', key, { '.pdf': outFile }, print);
  } else {
    await print();
  }
  return { bytes: (await stat(outFile)).size, fonts: described, reused, ms };
}

/** Subject says what the file is and which faces stand in, so an archivist sees which 仿宋 was (or was not) used. */
function subjectOf(fonts: ResolvedFont[]): string {
  return `公文版（GB/T 9704-2012 版式）。字体：${fonts.map((f) => `${ROLE_NAMES[f.role]} ${f.family}${f.origin === 'stand-in' ? '（代用）' : ''}`).join('；')}`;
}

/** The GBT9704_*_FILE settings (already reflected in the resolved fonts; kept in the key so a setting is never missed). */
function fontEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => /^GBT9704_/u.test(e[0]) && e[1] !== undefined).sort());
}
