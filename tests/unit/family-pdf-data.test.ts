/**
 * Both PDFs hold the official text of every family of the genre: for each parser fixture that reads to a plan
 * (its expected.json), the reading PDF's data and the 公文版's data, taken in the order their templates print
 * them, give exactly planToText's text, whitespace aside. Fast (no Typst): the templates only show the strings
 * of their data, in the data's order (reading-pdf.test.ts and gbt9704-pdf.test.ts check that on real PDFs, and
 * the last test here typesets a few families to be sure).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFonts, type FontRole } from '../../src/publish/pdf/fonts.ts';
import { gbt9704Data, type Gbt9704Data } from '../../src/publish/pdf/gbt9704-data.ts';
import { officialDocumentToText, planToOfficialDocument } from '../../src/publish/pdf/official-document.ts';
import { readingData, type Para, type ReadingData } from '../../src/publish/pdf/reading-data.ts';
import { printPdf } from '../../src/publish/pdf/reading-pdf.ts';
import { typesetter } from '../../src/publish/pdf/typesetter.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { PlanSchema, type Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';

const root = 'tests/fixtures';
/** Every fixture that reads to a plan, with that plan. */
const plans: [string, Plan][] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'expected.json')))
  .flatMap((d) => {
    const expected = JSON.parse(readFileSync(join(root, d.name, 'expected.json'), 'utf8')) as { plan?: unknown };
    return expected.plan ? [[d.name, PlanSchema.parse(expected.plan)] as [string, Plan]] : [];
  });

const FAMILIES = { fangsong: '仿', xiaobiaosong: '标', hei: '黑', kai: '楷', song: '宋' } as const;

/** The 公文版's text in the order its template prints the blocks. */
function gbt9704Text(data: Gbt9704Data): string {
  return data.blocks
    .flatMap((b) => {
      if (b.kind === 'head') return [b.mark, b.number, b.signer];
      if (b.kind === 'title') return b.lines;
      if (b.kind === 'lines') return b.lines.flat();
      if (b.kind === 'signature') return [...b.names, b.date];
      if (b.kind === 'table') return b.rows.flat();
      if (b.kind === 'colophon') return [b.cc, ...b.others, b.printer, b.printDate];
      return [];
    })
    .filter((t): t is string => Boolean(t))
    .join('\n');
}

/** The reading PDF's official text in the order its template prints it (without the contents and the QR caption). */
function readingText(data: ReadingData): string {
  const paras = (ps: Para[]) => ps.map((p) => p.runs.map((r) => r.text).join(''));
  const n = data.notice;
  const lines = n
    ? [...n.headMarks, ...n.head.map((e) => e.text), ...(n.addressees ? [n.addressees] : []), ...n.body, ...n.attachmentNote, ...n.signatories, n.date, ...n.notes]
    : [data.title];
  if (data.mark) lines.push(data.mark);
  if (n) lines.push(data.title);
  lines.push(...data.requirements);
  for (const s of data.sections) {
    lines.push(s.heading, ...s.intro);
    for (const i of s.items) lines.push(...(i.subsection ? [i.subsection] : []), i.heading, ...paras(i.paras));
  }
  const sig = data.signature;
  const signature = sig ? [...sig.signatories, sig.date, ...sig.notes] : [];
  lines.push(...paras(data.closing ?? []), ...(sig?.belowAttachmentNote ? [] : signature), ...data.attachmentNote, ...(sig?.belowAttachmentNote ? signature : []), ...data.attachments.flat(), ...data.colophon);
  return lines.join('\n');
}

describe('the PDFs of every family', () => {
  it('has plans to check, of every family', () => {
    expect(plans.length).toBeGreaterThan(20);
    // The shapes this test exists for are among them.
    const has = (f: (p: Plan) => boolean) => plans.some(([, p]) => f(p));
    expect(has((p) => p.sections.some((s) => s.implicit))).toBe(true);
    expect(has((p) => p.sections.some((s) => s.items.length === 0))).toBe(true);
    expect(has((p) => p.items.some((i) => i.source.units?.partner))).toBe(true);
    expect(has((p) => p.items.some((i) => i.source.units?.beforeField !== undefined))).toBe(true);
    expect(has((p) => Boolean(p.attachmentNote))).toBe(true);
    expect(has((p) => Boolean(p.signature?.notes))).toBe(true);
    expect(has((p) => Boolean(p.signature && p.attachmentNote && !p.signature.belowAttachmentNote))).toBe(true);
    expect(has((p) => Boolean(p.signature?.belowAttachmentNote))).toBe(true);
    expect(has((p) => Boolean(p.notice?.headOrder))).toBe(true);
    expect(has((p) => Boolean(p.notice && !p.notice.title))).toBe(true);
  });

  for (const [name, plan] of plans) {
    it(`${name}: the reading PDF's data and the 公文版's data hold the official text exactly, in order`, () => {
      const expected = stripWhitespace(planToText(plan));
      const reading = readingData(plan, { song: '', hei: '' }, { root: 'https://example.gov.cn/p/', qrSvg: '' });
      expect(stripWhitespace(readingText(reading))).toBe(expected);
      const official = planToOfficialDocument(plan);
      expect(stripWhitespace(officialDocumentToText(official))).toBe(expected);
      expect(stripWhitespace(gbt9704Text(gbt9704Data(official, FAMILIES, { subject: '', keywords: [] })))).toBe(expected);
    });
  }
});

describe('a notice with 版头 marks (份号, 密级, 紧急程度) and a 签发人', () => {
  it('keeps them, in the order printed, in both PDFs’ data', () => {
    const base = plans.find(([n]) => n === 'doc-number-and-signer')?.[1];
    expect(base?.notice?.signer).toBeDefined();
    const plan: Plan = { ...base!, notice: { ...base!.notice!, headMarks: ['000123', '机密★1年', '特急'] } };
    const expected = stripWhitespace(planToText(plan));
    expect(expected.startsWith('000123机密★1年特急')).toBe(true);
    expect(stripWhitespace(readingText(readingData(plan, { song: '', hei: '' }, { root: 'https://example.gov.cn/p/', qrSvg: '' })))).toBe(expected);
    expect(stripWhitespace(gbt9704Text(gbt9704Data(planToOfficialDocument(plan), FAMILIES, { subject: '', keywords: [] })))).toBe(expected);
  });
});

/** The PDF's text, whitespace and the reading PDF's “n / N” page numbers removed. */
function pdfText(file: string): string[] {
  const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return pages.map((p) => stripWhitespace(p).replace(new RegExp(`\\d+/${pages.length}$`, 'u'), ''));
}

describe('the reading PDF of new families, typeset', () => {
  const typeset = ['family-labelled-lead-partner', 'family-no-sections', 'family-labelled-rectification-deadline', 'signature-two-bodies-one-line', 'signature-below-attachment-note'];
  for (const name of typeset) {
    it(`${name}: prints the official text exactly, in order`, async () => {
      const plan = plans.find(([n]) => n === name)?.[1];
      expect(plan, name).toBeDefined();
      const dir = mkdtempSync(join(tmpdir(), 'family-pdf-'));
      const file = join(dir, 'plan.pdf');
      await printPdf({ plan: plan!, id: 'p', site: 'https://plan.example.gov.cn', base: '/', outFile: file });
      const pages = pdfText(file);
      const { qr } = readingData(plan!, { song: '', hei: '' }, { root: 'https://plan.example.gov.cn/p/', qrSvg: '' });
      const [first, contents, ...rest] = pages as [string, string, ...string[]];
      const caption = stripWhitespace(`${qr.caption}${qr.url}`);
      expect(first.endsWith(caption)).toBe(true);
      expect(contents.startsWith('目录')).toBe(true);
      expect(first.slice(0, -caption.length) + rest.join('')).toBe(stripWhitespace(planToText(plan!)));
    }, 60_000);
  }
});

describe('the 公文版 of new families, typeset', () => {
  // A gazette's head order, a 签发人 on the number's line, a 配合单位 label on its own line, a section of prose, a plan's own signature (above an 附件说明, below one, with a 附注).
  for (const name of ['notice-gazette-order', 'doc-number-and-signer', 'family-labelled-lead-partner', 'family-prose-first-section', 'signature-after-closing', 'signature-below-attachment-note', 'signature-two-bodies-one-line']) {
    it(`${name}: prints the official text exactly, in order`, async () => {
      const plan = plans.find(([n]) => n === name)?.[1];
      expect(plan, name).toBeDefined();
      const doc = planToOfficialDocument(plan!);
      const fonts = await resolveFonts(officialDocumentToText(doc));
      const families = Object.fromEntries(fonts.map((f) => [f.role, f.family])) as Record<FontRole, string>;
      const { pdf } = await (await typesetter(fonts.map((f) => f.file))).pdf('gbt9704', gbt9704Data(doc, families, { subject: '公文版', keywords: [] }));
      const file = join(mkdtempSync(join(tmpdir(), 'family-gbt9704-')), 'doc.pdf');
      writeFileSync(file, pdf);
      const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      const text = pages.map((p, i) => stripWhitespace(p).replace(`—${i + 1}—`, '')).join('');
      expect(text).toBe(stripWhitespace(planToText(plan!)));
    }, 60_000);
  }
});
