/**
 * The same plan in every file form a web team receives, read to the same Plan as its text: the 公文版 PDF printed
 * from the Plan (the round trip), a .docx written by the `docx` package with Word's own list numbering, a web page
 * with a site's chrome around the text, and Word's "save as web page" in GB2312.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../support/chromium-server.ts';
import { printOfficialPdf } from '../../src/publish/pdf/official-pdf.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parseDocument, parsePlan, type ReadResult } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { readSource } from '../../src/read/read-source.ts';
import { escapeHtml } from '../support/read-fixtures.ts';

const FORMS = ['real-plan', 'official-document-two-attachments', 'numbered-paragraphs-units-in-parentheses'] as const;

function fromText(form: string): Plan {
  const r = parsePlan(readFileSync(`tests/fixtures/${form}/input.txt`, 'utf8'));
  if (!r.ok) throw new Error(`${form}: ${r.problems[0]!.message}`);
  return r.value;
}

async function read(bytes: Uint8Array, name: string): Promise<ReadResult & { ok: true }> {
  const doc = await readSource(bytes, name);
  if (!doc.ok) throw new Error(`${name}: ${doc.problems.map((p) => `${p.line}:${p.column} ${p.ruleId} ${p.message}`).join('\n')}`);
  const r = parseDocument(doc.value);
  if (!r.ok) throw new Error(`${name}: ${r.problems.map((p) => `${p.line}:${p.column} ${p.ruleId} ${p.message}`).join('\n')}`);
  return r;
}

/** What must be the same whatever the form: every element and paragraph, whitespace aside (layout is not text). */
function essence(plan: Plan) {
  const w = stripWhitespace;
  return {
    notice: plan.notice && { ...plan.notice, title: plan.notice.title && w(plan.notice.title), body: plan.notice.body.map(w), addressees: plan.notice.addressees && w(plan.notice.addressees) },
    mark: plan.mark,
    title: w(plan.title),
    requirements: plan.requirements.map(w),
    sections: plan.sections.map((s) => ({ ...s, title: w(s.title) })),
    items: plan.items.map((i) => ({ id: i.id, title: w(i.title), fields: i.fields.map((f) => ({ kind: f.kind, paragraphs: f.paragraphs.map(w) })), responsible: i.responsible })),
    closing: plan.closing && { paragraphs: plan.closing.paragraphs.map(w), responsible: plan.closing.responsible },
    attachments: plan.attachments.map((a) => ({ ...a, blocks: a.blocks.map((b) => (b.kind === 'paragraph' ? { kind: b.kind, text: w(b.text) } : b)) })),
    colophon: plan.colophon?.lines.map(w),
    text: w(planToText(plan)),
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await sharedChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the 公文版 PDF read back (round trip)', () => {
  for (const form of FORMS) {
    it(`${form}: the PDF printed from the Plan reads to the same Plan`, async () => {
      const plan = fromText(form);
      const file = join(mkdtempSync(join(tmpdir(), 'gbt-')), 'plan-gbt9704.pdf');
      await printOfficialPdf(plan, file);
      const started = performance.now();
      const back = await read(readFileSync(file), 'plan.pdf');
      console.log(`${form}: read the 公文版 PDF in ${Math.round(performance.now() - started)} ms`);
      expect(back.report.format).toBe('pdf');
      expect(back.report.removed.filter((f) => f.kind === 'page-number').length).toBeGreaterThan(3);
      expect(essence(back.value)).toEqual(essence(plan));
    }, 120_000);
  }
});

const SECTION = /^[一二三四五六七八九十]+、/u;
const ITEM = /^\d+\./u;

/** One Word paragraph per printed paragraph; 一、 headings and 1. items numbered by Word itself. */
async function planDocx(plan: Plan): Promise<Uint8Array> {
  const lines = planToText(plan).trimEnd().split('\n');
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ levels: [{ level: 0, format, text, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING }] });
  const sectionsAt = new Set(plan.sections.map((s) => `${s.numeral}${s.separator}${s.title}`));
  const doc = new Document({
    numbering: { config: [{ reference: 'sections', ...level(LevelFormat.CHINESE_COUNTING, '%1、') }, { reference: 'items', ...level(LevelFormat.DECIMAL, '%1.') }] },
    sections: [
      {
        children: lines.map((line) => {
          if (sectionsAt.has(line)) return new Paragraph({ children: [new TextRun(line.replace(SECTION, ''))], numbering: { reference: 'sections', level: 0 } });
          if (ITEM.test(line) && plan.items.some((i) => line.startsWith(`${i.source.numberText}${i.title}`))) {
            return new Paragraph({ children: [new TextRun(line.replace(ITEM, '').trimStart())], numbering: { reference: 'items', level: 0 } });
          }
          return new Paragraph({ children: [new TextRun(line)] });
        }),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a .docx of the plan', () => {
  for (const form of FORMS) {
    it(`${form}: Word's numbering put back, the same Plan`, async () => {
      const plan = fromText(form);
      const back = await read(await planDocx(plan), 'plan.docx');
      expect(back.report.format).toBe('docx');
      expect(essence(back.value)).toEqual(essence(plan));
    });
  }
});

describe('web pages of the plan', () => {
  const body = (plan: Plan) => planToText(plan).trimEnd().split('\n').map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  it('a government site page with navigation, header and footer around the text', async () => {
    const plan = fromText('official-document-two-attachments');
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(plan.title)}</title><script>var x = 1;</script></head><body>
<header><a href="/">湖南省教育厅</a><nav><a href="/a">首页</a><a href="/b">政务公开</a></nav></header>
<main><article>${body(plan)}</article></main><aside>相关链接</aside><footer>主办：湖南省教育厅　湘ICP备00000000号</footer></body></html>`;
    const back = await read(new TextEncoder().encode(html), 'plan.html');
    expect(essence(back.value)).toEqual(essence(plan));
  });
  it("Word's “save as web page” in GB2312", async () => {
    const plan = fromText('real-plan');
    const paras = planToText(plan).trimEnd().split('\n').map((l) => `<p class=MsoNormal style='text-indent:32.0pt'><span lang=EN-US>&nbsp;</span><span style='font-family:仿宋_GB2312'>${escapeHtml(l)}</span></p>`);
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1>\r\n${paras.join('\r\n')}\r\n</div></body></html>`;
    const back = await read(iconv.encode(html, 'gb2312'), 'plan.htm');
    expect(back.report.format).toBe('html');
    expect(essence(back.value)).toEqual(essence(plan));
  });
});
