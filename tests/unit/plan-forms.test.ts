/**
 * Every form of the same plan reads to the same plan: the fixtures made from the seed in other layouts give the
 * seed's items (headlines, paragraphs, 责任单位), and the 公文 elements each form adds land where they belong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import type { Plan } from '../../src/plan/schema.ts';

function read(form: string): Plan {
  const r = parsePlan(readFileSync(`tests/fixtures/${form}/input.txt`, 'utf8'));
  if (!r.ok) throw new Error(`${form}: ${r.problems.map((p) => p.message).join('\n')}`);
  return r.value;
}
const seed = read('real-plan');
/** An item's text with labels and layout set aside, to compare layouts. */
const textOf = (plan: Plan) => plan.items.map((i) => stripWhitespace(i.title + i.fields.flatMap((f) => f.paragraphs).join('')));
const unitsOf = (plan: Plan) => plan.items.map((i) => i.responsible?.units.map((u) => u.name).join('、'));

describe('the official 文件 form', () => {
  const plan = read('official-document');
  it('keeps every element of the head, the 附注 and the 版记 in its place', () => {
    expect(plan.notice).toMatchObject({
      issuer: '湖南省教育厅文件',
      docNumber: '湘教发〔2020〕8号',
      title: '湖南省教育厅 中共湖南省委教育工委关于印发《湖南省教育厅 中共湖南省委教育工委 2020年工作要点》的通知',
      attachmentNote: ['附件：湖南省教育厅 中共湖南省委教育工委2020年工作要点'],
      signatories: ['湖南省教育厅', '中共湖南省委教育工作委员会'],
      notes: ['（此件主动公开）'],
    });
    expect(plan.mark).toBe('附件');
    expect(plan.title).toBe(seed.title);
    expect(plan.colophon).toMatchObject({ cc: '抄送：教育部办公厅，省委办公厅，省政府办公厅。', printer: '湖南省教育厅办公室', printDate: '2020年3月9日印发' });
  });
  it('reads the same items as the seed', () => {
    expect(plan.items).toEqual(seed.items.map((i) => ({ ...i, source: { ...i.source, pos: expect.any(Object) } })));
  });
});

describe('the seed with （此件主动公开） after the date', () => {
  it('reads it as the 附注, not as the title', () => {
    const plan = read('notice-public-note');
    expect(plan.notice?.notes).toEqual(['（此件主动公开）']);
    expect(plan.title).toBe(seed.title);
    expect(plan.requirements).toEqual(seed.requirements);
  });
});

describe('body layouts', () => {
  it('labels on their own line give the seed’s fields', () => {
    const plan = read('labels-own-line');
    expect(plan.items.map((i) => i.fields.map((f) => f.paragraphs))).toEqual(seed.items.map((i) => i.fields.map((f) => f.paragraphs)));
    expect(plan.items.every((i) => i.fields.every((f) => f.labelOwnLine) && i.source.units?.labelOwnLine)).toBe(true);
    expect(plan.closing?.responsible).toEqual(seed.closing?.responsible);
  });
  it('numbered paragraphs take the first sentence as the headline, units from parentheses', () => {
    const plan = read('numbered-paragraphs-units-in-parentheses');
    expect(plan.items.map((i) => i.title)).toEqual(seed.items.map((i) => i.title));
    expect(plan.items[0]!.source).toMatchObject({ headline: 'sentence', titleEnd: '。', units: { style: 'parenthesis', open: '（', close: '）' } });
    expect(textOf(plan)).toEqual(textOf(seed));
    expect(unitsOf(plan)).toEqual(unitsOf(seed));
    expect(plan.closing?.paragraphs).toEqual(seed.closing?.paragraphs);
  });
  it('numbered paragraphs with a 责任单位 line read the same', () => {
    const plan = read('numbered-paragraphs-units-line');
    expect(textOf(plan)).toEqual(textOf(seed));
    expect(unitsOf(plan)).toEqual(unitsOf(seed));
  });
  it('numbered paragraphs without 责任单位 have none, and the unmarked end is a warning', () => {
    const r = parsePlan(readFileSync('tests/fixtures/numbered-paragraphs-no-units/input.txt', 'utf8'));
    expect(r.ok && r.value.items.every((i) => !i.responsible)).toBe(true);
    expect(r.ok && r.warnings.map((w) => w.ruleId)).toEqual(['closing-unsure']);
  });
  it('numbering that restarts in each section gives section-prefixed ids', () => {
    const plan = read('numbering-restarts-per-section');
    expect(plan.items.map((i) => i.id).slice(0, 6)).toEqual(['1-1', '1-2', '1-3', '1-4', '2-1', '2-2']);
    expect(textOf(plan).map((t) => t.replace(/^\d+\./u, ''))).toEqual(textOf(seed));
  });
  it('two levels keep their subsections and the seed’s items', () => {
    const plan = read('two-levels-subsections');
    expect(plan.sections[0]!.subsections?.map((s) => [s.numberText, s.title, s.items])).toEqual([['（一）', '第一组工作', [1, 2]], ['（二）', '第二组工作', [3, 4]]]);
    expect(plan.items.map((i) => i.fields)).toEqual(seed.items.map((i) => i.fields));
  });
  it('sub-points stay paragraphs of their field, never items', () => {
    const plan = read('sub-points-in-fields');
    expect(plan.items).toHaveLength(33);
    const measures = plan.items[0]!.fields.find((f) => f.kind === 'measures')!.paragraphs;
    expect(measures.map((p) => [...p].slice(0, 4).join(''))).toEqual(['主要措施', '（1）精', '①加强对', '1.深化']);
  });
  it('more than ten sections are numbered 十一、十二…', () => {
    const plan = read('more-than-ten-sections');
    expect(plan.sections.map((s) => s.numeral).slice(9, 12)).toEqual(['十', '十一', '十二']);
    expect(plan.sections).toHaveLength(16);
    expect(textOf(plan)).toEqual(textOf(seed));
  });
  it('an 附件 after the closing paragraph and the 版记 are their own parts', () => {
    const plan = read('attachment-and-colophon');
    expect(plan.closing).toEqual(seed.closing);
    expect(plan.attachments).toEqual([
      { mark: '附件2', id: '2', title: '2020年重点工作任务分工表', blocks: [
        { kind: 'paragraph', text: '一、加强党对教育工作的全面领导：秘书处牵头。' },
        { kind: 'paragraph', text: '二、夯实教育发展基础：规划处牵头。' },
      ] },
    ]);
    expect(plan.colophon?.lines).toEqual(['抄送：教育部办公厅。', '湖南省教育厅办公室　　2020年3月9日印发']);
  });
  it('a date in Chinese numerals and a 发文字号 with 签发人 on one line', () => {
    expect(read('notice-chinese-date').notice?.isoDate).toBe('2020-03-06');
    const plan = read('doc-number-and-signer');
    expect(plan.notice).toMatchObject({ docNumber: '湘教发〔2020〕8号', signer: '签发人：张三', notes: ['（联系人：李四，电话：0731-00000000）'] });
    expect(plan.notice?.issuer).toBeUndefined();
  });
});

describe('text that came out of a PDF (real pdftotext output of the seed printed by Chromium)', () => {
  const same = (plan: Plan) => plan.items.map((i) => i.fields.map((f) => f.paragraphs.map(stripWhitespace)));
  it('pdftotext -layout: page numbers left out, lines joined by indent, the seed’s paragraphs, no warning', () => {
    const r = parsePlan(readFileSync('tests/fixtures/pdftotext-layout/input.txt', 'utf8'));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(same(r.value)).toEqual(same(seed));
    expect(r.value.notice).toEqual(seed.notice);
    expect(r.report.removed.filter((f) => f.kind === 'page-number').length).toBeGreaterThan(20);
    expect(r.warnings).toEqual([]);
  });
  it('pdftotext: the seed’s paragraphs, and a located warning at each full line ending in 。 that it read as running on', () => {
    const r = parsePlan(readFileSync('tests/fixtures/pdftotext/input.txt', 'utf8'));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(same(r.value)).toEqual(same(seed));
    expect(r.value.title).toBe(seed.title);
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(new Set(r.warnings.map((w) => w.ruleId))).toEqual(new Set(['paragraph-end-unsure']));
  });
  it('pdftotext with a line moved out of reading order: refused at that line', () => {
    const r = parsePlan(readFileSync('tests/fixtures/error-pdftotext-reading-order/input.txt', 'utf8'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.line, p.ruleId])).toEqual([[73, 'reading-order-unsure'], [339, 'reading-order-unsure']]);
  });
});

describe('Word’s “save as text” (UTF-16 with BOM, CRLF, no blank lines)', () => {
  it('reads the seed’s items, page-break cuts joined though no blank line marks them', async () => {
    const { bytesToDocument } = await import('../../src/publish/content/read-plan.ts');
    const { parseDocument } = await import('../../src/plan/parse-plan.ts');
    const doc = await bytesToDocument(readFileSync('tests/fixtures/word-save-as-text/input.txt'), 'input.txt');
    if (!doc.ok) throw new Error('decode');
    const r = parseDocument(doc.value);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.report.encoding).toBe('utf-16le');
    expect(r.value.items).toEqual(seed.items.map((i) => ({ ...i, source: { ...i.source, pos: expect.any(Object) } })));
  });
});

describe('the official 文件 with two 附件', () => {
  it('keeps the 附件说明 list whole (not a signatory), marks the plan 附件1 and reads 附件2 after the closing', () => {
    const plan = read('official-document-two-attachments');
    expect(plan.notice?.attachmentNote).toEqual(['附件：1.湖南省教育厅 中共湖南省委教育工委2020年工作要点', '2.2020年重点工作任务分工表']);
    expect(plan.notice?.signatories).toEqual(['湖南省教育厅', '中共湖南省委教育工作委员会']);
    expect(plan.mark).toBe('附件1');
    expect(plan.attachments.map((a) => [a.mark, a.id, a.title, a.blocks.length])).toEqual([['附件2', '2', '2020年重点工作任务分工表', 2]]);
    expect(plan.closing).toEqual(seed.closing);
    expect(plan.colophon?.printDate).toBe('2020年3月9日印发');
  });
});

describe('files made by LibreOffice (another producer, ragged right, no first-line indents)', () => {
  const reference = read('official-document-two-attachments');
  const readFile = async (path: string) => {
    const { bytesToDocument } = await import('../../src/publish/content/read-plan.ts');
    const { parseDocument } = await import('../../src/plan/parse-plan.ts');
    const doc = await bytesToDocument(readFileSync(path), path);
    if (!doc.ok) throw new Error(doc.problems[0]!.message);
    const r = parseDocument(doc.value);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
    return r;
  };
  const allText = (plan: Plan) => plan.items.map((i) => stripWhitespace(i.title + i.fields.flatMap((f) => f.paragraphs).join('')));
  it('the .docx: the same items, each page-break cut of the source joined and reported', async () => {
    const r = await readFile('tests/fixtures/libreoffice-docx/input.docx');
    expect(allText(r.value)).toEqual(allText(reference));
    expect(r.value.items.map((i) => i.fields.map((f) => f.paragraphs.length))).toEqual(reference.items.map((i) => i.fields.map((f) => f.paragraphs.length)));
    expect(r.value.notice?.docNumber).toBe('湘教发〔2020〕8号');
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(new Set(r.warnings.map((w) => w.ruleId))).toEqual(new Set(['paragraph-joined']));
  });
  it('the PDF: the same text in the same items, and a located warning at every paragraph end it could not be sure of', async () => {
    const r = await readFile('tests/fixtures/libreoffice-pdf/input.pdf');
    expect(allText(r.value)).toEqual(allText(reference));
    expect(r.value.items.map((i) => i.responsible?.units.map((u) => u.name))).toEqual(reference.items.map((i) => i.responsible?.units.map((u) => u.name)));
    const paragraphs = (plan: Plan) => plan.items.reduce((n, i) => n + i.fields.reduce((m, f) => m + f.paragraphs.length, 0), 0);
    const unsure = r.warnings.filter((w) => w.ruleId === 'paragraph-end-unsure').length;
    // Each paragraph more than the reference has is a place the reader said it could not settle.
    expect(paragraphs(r.value) - paragraphs(reference)).toBeGreaterThan(0);
    expect(paragraphs(r.value) - paragraphs(reference)).toBeLessThanOrEqual(unsure);
  });
});

describe('items numbered （一） in each section, with 1. sub-points inside', () => {
  it('reads （一） as the items and 1. as paragraphs of the item', () => {
    const plan = read('items-numbered-yi-with-sub-points');
    expect(plan.items).toHaveLength(33);
    expect(plan.items.slice(0, 5).map((i) => [i.id, i.source.numberText])).toEqual([['1-1', '（一）'], ['1-2', '（二）'], ['1-3', '（三）'], ['1-4', '（四）'], ['2-1', '（一）']]);
    expect(plan.sections.every((s) => !s.subsections)).toBe(true);
    const [first, second] = plan.items[0]!.fields[0]!.paragraphs;
    expect(first).toBe('1.精心筹备会议。');
    expect(second!.startsWith('2.深化督查督办。党对教育工作')).toBe(true);
    expect(plan.items.map((i) => i.responsible?.units[0]?.name)).toEqual(seed.items.map((i) => i.responsible?.units[0]?.name));
  });
});
