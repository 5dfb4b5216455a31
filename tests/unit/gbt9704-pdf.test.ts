/**
 * The 公文版 without a browser: the Plan → OfficialDocument mapping, the 28-character grid's line breaking, the
 * data the Typst template receives, and Typst itself typesetting a document of hostile characters, which must come
 * out of the PDF exactly (the template shows strings, never reads them as markup).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charsetHas, describeFonts, fontsKeyPart, missingChars, parseFontList, resolveFonts, type FontRole } from '../../src/publish/pdf/fonts.ts';
import { gbt9704Data } from '../../src/publish/pdf/gbt9704-data.ts';
import { textWidth } from '../../src/publish/pdf/geometry.ts';
import { breakUnits, cellWidth, gridLines, punctuationRuns } from '../../src/publish/pdf/grid-lines.ts';
import { officialDocumentToText, planToOfficialDocument, type OfficialDocument } from '../../src/publish/pdf/official-document.ts';
import { typesetter } from '../../src/publish/pdf/typesetter.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

/** Characters Typst markup would read as syntax, in the text of every element. */
const HOSTILE = '#let x = 1 $a^2$ *粗* _斜_ <lbl> @ref \\ ] [ // 注释 /* */ `code` = 标题 - 列 + 项 ~ "引" \'单\'';

/** A document with every element GB/T 9704 knows: 版头, 附件说明, 附注, two attachments (one a table), 版记. */
const doc: OfficialDocument = {
  issuerMark: '湖南省教育厅文件',
  docNumber: '湘教发〔2020〕8号',
  title: `湖南省教育厅关于印发《<工作要点>》的通知${HOSTILE}`,
  addressees: '各市州教育（体）局：',
  body: [`现将《工作要点》印发给你们，请认真贯彻落实。${HOSTILE}`],
  attachmentNote: ['附件：1.湖南省教育厅2020年工作要点', '2.任务分工表'],
  signatories: ['湖南省教育厅'],
  date: '2020年3月6日',
  notes: ['（此件主动公开）'],
  attachments: [
    {
      mark: '附件1',
      title: ['湖南省教育厅2020年工作要点'],
      blocks: [
        { kind: 'paragraph', text: `总体要求。${HOSTILE}` },
        { kind: 'heading1', text: '一、加强党的领导#' },
        { kind: 'heading2', text: '（一）健全体制机制$' },
        { kind: 'heading3', text: '1.精心筹备会议*' },
        { kind: 'paragraph', text: '目标任务：作用进一步发挥。' },
      ],
    },
    { mark: '附件2', title: ['任务分工表'], blocks: [{ kind: 'table', rows: [['序号', '任务', '责任单位'], ['1', '精心筹备会议]', '秘书处//']] }] },
  ],
  colophon: { cc: '抄送：教育部办公厅。', printer: '湖南省教育厅办公室', printDate: '2020年3月9日印发' },
};

const FAMILIES: Record<FontRole, string> = { fangsong: '仿', xiaobiaosong: '标', hei: '黑', kai: '楷', song: '宋' };

describe('gridLines', () => {
  const opts = { cells: 4, first: 0, rest: 0 };

  it('fills each line with as many cells as it has, keeping every character in order', () => {
    const text = '一二三四五六七八九十甲乙';
    const lines = gridLines(text, opts);
    expect(lines).toEqual(['一二三四', '五六七八', '九十甲乙']);
    expect(lines.join('')).toBe(text);
  });

  it('never starts a line with a closing or pause mark, nor ends one with an opening mark', () => {
    const lines = gridLines('一二三四。”五（六七八九', opts);
    expect(lines.join('')).toBe('一二三四。”五（六七八九');
    for (const l of lines.slice(1)) expect('，。、；：？！）》”'.includes(l[0]!), l).toBe(false);
    for (const l of lines) expect('（《“'.includes(l.at(-1)!), l).toBe(false);
    expect(lines.slice(0, 2)).toEqual(['一二三', '四。”五']);
  });

  it('keeps numbers and dash pairs whole, counting half-width characters as half a cell', () => {
    expect(breakUnits('达到93.5%以上——好')).toEqual(['达', '到', '93.5%', '以', '上', '——', '好']);
    expect(gridLines('达到93.5%以上', opts)).toEqual(['达到', '93.5%以', '上']);
    expect(cellWidth(0.82)('A')).toBe(0.82);
  });

  it('splits a line between adjacent punctuation marks, keeping every character', () => {
    expect(punctuationRuns('（一）、二。”三')).toEqual(['（一）', '、二。', '”三']);
    expect(punctuationRuns('一二')).toEqual(['一二']);
  });

  it('indents the first line and the others as asked', () => {
    expect(gridLines('一二三四五六七八', { cells: 4, first: 2, rest: 1 })).toEqual(['一二', '三四五', '六七八']);
  });
});

describe('gbt9704Data', () => {
  const data = gbt9704Data(doc, FAMILIES, { subject: 's', keywords: ['k'] });
  const kinds = data.blocks.map((b) => b.kind);
  const texts = data.blocks.flatMap((b) => (b.kind === 'lines' ? [b.lines.flat().join('')] : b.kind === 'title' ? [b.lines.join('')] : []));

  it('orders 版头, title, 主送, 正文, 附件说明, 署名, 附注, each 附件 from a new page, and the 版记 last', () => {
    expect(kinds[0]).toBe('head');
    expect(kinds.filter((k) => k === 'page-break')).toHaveLength(2);
    expect(kinds.at(-1)).toBe('colophon');
    expect(texts.slice(0, 6)).toEqual([doc.title, doc.addressees, ...doc.body, ...doc.attachmentNote!, doc.notes[0]]);
  });

  it('sets headings by level in their faces, with outline levels without gaps', () => {
    const headings = data.blocks.filter((b) => b.kind === 'lines' && b.heading > 0);
    expect(headings.map((b) => b.kind === 'lines' && [b.role, b.heading])).toEqual([
      ['hei', 2],
      ['kai', 3],
      ['fangsong', 4],
    ]);
    expect(data.fonts.fangsong[0]).toBe('仿');
  });

  it('places the date two characters right of the names, unless it is the longer', () => {
    expect(data.blocks.find((b) => b.kind === 'signature')).toMatchObject({ dateLonger: true });
    const long = gbt9704Data({ ...doc, signatories: ['中共湖南省委教育工作委员会'] }, FAMILIES, { subject: '', keywords: [] });
    expect(long.blocks.find((b) => b.kind === 'signature')).toMatchObject({ dateLonger: false });
    expect(textWidth('2020年3月6日')).toBe(6);
  });

  it('leaves out what the document does not have', () => {
    const bare = gbt9704Data({ title: 'T', body: ['正文'], signatories: [], date: '', notes: [], attachments: [] }, FAMILIES, { subject: '', keywords: [] });
    expect(bare.blocks.map((b) => b.kind)).toEqual(['title', 'lines']);
    // A copy that starts at the 主送机关 has no title to print; its metadata takes the attachment's title.
    const untitled = gbt9704Data({ ...doc, title: '' }, FAMILIES, { subject: '', keywords: [] });
    expect(untitled.blocks.slice(0, 2).map((b) => b.kind)).toEqual(['head', 'lines']);
    expect(untitled.title).toBe('湖南省教育厅2020年工作要点');
  });
});

describe('the 公文版 typeset by Typst', () => {
  it('prints every character of hostile text exactly, tagged, with its title', async () => {
    const fonts = await resolveFonts(officialDocumentToText(doc));
    const families = Object.fromEntries(fonts.map((f) => [f.role, f.family])) as Record<FontRole, string>;
    const { pdf } = await (await typesetter(fonts.map((f) => f.file))).pdf('gbt9704', gbt9704Data(doc, families, { subject: '公文版', keywords: describeFonts(fonts) }));
    const file = join(mkdtempSync(join(tmpdir(), 'gbt9704-')), 'doc.pdf');
    writeFileSync(file, pdf);
    // -raw: the text in the order the PDF draws it (poppler's layout analysis would read a table's narrow first
    // column down before the rows across).
    const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.map((p, i) => stripWhitespace(p).replace(`—${i + 1}—`, '')).join('');
    expect(text).toBe(stripWhitespace(officialDocumentToText(doc)));
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/mu);
    expect(/^Title:\s+(.*)$/mu.exec(info)?.[1]).toBe(doc.title);
  });
});

describe('planToOfficialDocument', () => {
  const result = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
  if (!result.ok) throw new Error('the seed must parse');
  const plan = result.value;
  const official = planToOfficialDocument(plan);

  it('makes the notice the document and the plan its one attachment, marked only as the document marks it', () => {
    expect(official.title).toBe(plan.notice!.title);
    // The seed, as published, prints no 附件 mark above the plan, so none is added.
    expect(official.attachments.map((a) => [a.mark, a.title])).toEqual([['', [plan.title]]]);
    expect(official.attachments[0]!.blocks.filter((b) => b.kind === 'heading1')).toHaveLength(plan.sections.length);
    expect(official.attachments[0]!.blocks.filter((b) => b.kind === 'heading3')).toHaveLength(plan.items.length);
  });

  it('carries exactly the official text, adding nothing', () => {
    const text = stripWhitespace(officialDocumentToText(official));
    const expected = stripWhitespace(planToText(plan));
    expect(text).toBe(expected);
    expect(text).not.toMatch(/牵头/u);
  });
});

describe('font resolution helpers', () => {
  it('reads fontconfig charsets and names what a face lacks', () => {
    expect(charsetHas('20-7e 4e00-4e01')(0x4e01)).toBe(true);
    expect(charsetHas('20-7e 4e00-4e01')(0x4e02)).toBe(false);
    const [face] = parseFontList('/f.ttf\t0\tAR PL SungtiL GB,文鼎\tBousungEG-Light-GB\tTrueType\tRegular\t20-7e 4e00-4e01\n');
    expect(face).toMatchObject({ family: 'AR PL SungtiL GB', postscriptName: 'BousungEG-Light-GB', format: 'TrueType' });
    expect(missingChars(face!, '一丁丂 A')).toEqual(['丂']);
    expect(describeFonts([{ ...face!, role: 'fangsong', origin: 'stand-in', missing: ['丂'] }])[0]).toBe(
      '仿宋: AR PL SungtiL GB (BousungEG-Light-GB, TrueType, stand-in for 仿宋, 1 characters from the next font)',
    );
  });

  it('keys the chosen faces by all but their charsets (the font file’s hash stands for those)', () => {
    const [face] = parseFontList('/f.ttf\t0\tAR PL SungtiL GB\tBousungEG-Light-GB\tTrueType\tRegular\t20-7e 4e00-4e01\n');
    const chosen = { ...face!, role: 'fangsong' as const, origin: 'stand-in' as const, missing: [] };
    const part = fontsKeyPart([chosen]);
    expect(part).not.toContain('4e00');
    expect(fontsKeyPart([{ ...chosen, charset: '20-7e' }])).toBe(part);
    for (const changed of [{ file: '/g.ttf' }, { index: 1 }, { family: 'AR PL KaitiM GB' }, { origin: 'installed' as const }, { missing: ['丂'] }, { role: 'song' as const }]) {
      expect(fontsKeyPart([{ ...chosen, ...changed }]), JSON.stringify(changed)).not.toBe(part);
    }
  });
});
