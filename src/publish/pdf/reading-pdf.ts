/**
 * The build's reading-PDF step: the plan typeset by Typst from the Plan itself (templates/reading.typ) into
 * `<plan>.pdf`, its links pointing at the online site (SITE_URL and BASE_PATH), the QR code on its first page
 * leading to the online whole-plan page — or copied from the cache when nothing it derives from changed.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codeVersion } from '../cache/code-version.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';
import { qrSvg } from '../../lib/qr-code.ts';
import type { Plan } from '../../plan/schema.ts';
import { fontsFingerprint, fontsKeyPart, resolveFonts, type ResolvedFont } from './fonts.ts';
import { readingData } from './reading-data.ts';
import { templateSource, typesetter, workerSource } from './typesetter.ts';

/** What to typeset and where. */
export interface PdfOptions {
  plan: Plan;
  /** The plan's id, its folder under the base, e.g. 2020. */
  id: string;
  /** Public origin, e.g. https://www.example.gov.cn: links in the PDF point there. */
  site: string;
  base: string;
  outFile: string;
  /** Reuse the PDF when nothing it derives from changed. */
  cache?: OutputCache;
}

/** Typesets the plan's reading PDF to `outFile` (or reuses the cached PDF); returns its size, whether it was reused, and Typst's time for it (the compiler's start aside). */
export async function printPdf(opts: PdfOptions): Promise<{ bytes: number; reused: boolean; ms: number }> {
  const fonts = await printFonts();
  const root = `${opts.site}${opts.base}${opts.id}/`;
  let ms = 0;
  const print = async () => {
    const [typst, qr] = await Promise.all([typesetter(fontFiles(fonts)), qrSvg(`${root}full/`, '全文网址的二维码')]);
    const data = readingData(opts.plan, { song: fonts.song.family, hei: fonts.hei.family }, { root, qrSvg: qr });
    const typeset = await typst.pdf('reading', data);
    ms = typeset.ms;
    const pdf = typeset.pdf;
    await mkdir(dirname(opts.outFile), { recursive: true });
    await writeFile(opts.outFile, pdf);
  };
  let reused = false;
  if (opts.cache) {
    // Everything the PDF derives from: the plan, where it is published, the faces and their files, the code and
    // its template.
    const key = contentKey([
      ['code', await codeVersion('src/publish/pdf/reading-pdf.ts')],
      ['template', await templateSource('reading')],
      ['worker', await workerSource()],
      ['plan', JSON.stringify(opts.plan)],
      ['root', root],
      ['fonts', fontsKeyPart(fonts.all)],
      ['font files', await fontsFingerprint([fonts.song, fonts.hei])],
    ]);
    reused = await opts.cache.through('pdf', key, { '.pdf': opts.outFile }, print);
  } else {
    await print();
  }
  return { bytes: (await stat(opts.outFile)).size, reused, ms };
}

/**
 * The faces of the 公文版's 宋体 and 黑体 roles (fonts.ts): TrueType, embedded as named CID fonts. The typesetter
 * gets every role's file, so the build's two PDFs share one compiler.
 */
async function printFonts(): Promise<{ song: ResolvedFont; hei: ResolvedFont; all: ResolvedFont[] }> {
  const all = await resolveFonts('');
  return { song: all.find((f) => f.role === 'song')!, hei: all.find((f) => f.role === 'hei')!, all };
}

const fontFiles = (fonts: { all: ResolvedFont[] }) => fonts.all.map((f) => f.file);
