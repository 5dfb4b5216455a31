/**
 * The 公文版 renderer (OfficialDocument → HTML) and the Plan → OfficialDocument mapping, without a browser.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { charsetHas, describeFonts, missingChars, parseFontList } from '../../src/print/fonts.ts';
import { renderGbt9704Html, textWidth } from '../../src/print/gbt9704-html.ts';
import { officialDocumentToText, planToOfficialDocument, type OfficialDocument } from '../../src/print/official-document.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const FONTS = (['fangsong', 'xiaobiaosong', 'hei', 'kai', 'song'] as const).map((role) => ({ role, src: `local("${role}-face")` }));

/** A document with every element GB/T 9704 knows: 版头, 附件说明, 附注, two attachments (one a table), 版记. */
const doc: OfficialDocument = {
  issuerMark: '湖南省教育厅文件',
  docNumber: '湘教发〔2020〕8号',
  title: '湖南省教育厅关于印发《<工作要点>》的通知',
  addressees: '各市州教育（体）局：',
  body: ['现将《工作要点》印发给你们，请认真贯彻落实。'],
  attachmentNote: ['附件：1.湖南省教育厅2020年工作要点', '2.任务分工表'],
  signatories: ['湖南省教育厅'],
  date: '2020年3月6日',
  notes: ['（此件主动公开）'],
  attachments: [
    {
      mark: '附件1',
      title: ['湖南省教育厅2020年工作要点'],
      blocks: [
        { kind: 'paragraph', text: '总体要求。' },
        { kind: 'heading1', text: '一、加强党的领导' },
        { kind: 'heading2', text: '（一）健全体制机制' },
        { kind: 'heading3', text: '1.精心筹备会议' },
        { kind: 'paragraph', text: '目标任务：作用进一步发挥。' },
      ],
    },
    { mark: '附件2', title: ['任务分工表'], blocks: [{ kind: 'table', rows: [['序号', '任务', '责任单位'], ['1', '精心筹备会议', '秘书处']] }] },
  ],
  colophon: { cc: '抄送：教育部办公厅。', printer: '湖南省教育厅办公室', printDate: '2020年3月9日印发' },
};

const html = renderGbt9704Html(doc, FONTS);
const { document } = parseHTML(html);
const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent);

describe('renderGbt9704Html', () => {
  it('sets the page per GB/T 9704: A4, margins 37 / 26 / 35 / 28 mm, page numbers on the outer side', () => {
    expect(html).toMatch(/@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/u);
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/u);
    expect(html).toMatch(/@page :left \{ @bottom-left \{ content: "— " counter\(page\) " —"/u);
    expect(html).toContain('--pitch: 10.22727mm');
    expect(html).toContain('--cell: 5.57143mm');
  });

  it('declares a face per role from the given sources', () => {
    for (const f of FONTS) expect(html).toContain(`font-family: "gbt-${f.role}"; src: ${f.src};`);
  });

  it('writes the 版头: the issuer mark, the document number and the red rule under it', () => {
    expect(texts('.issuer-mark')).toEqual(['湖南省教育厅文件']);
    expect(texts('.doc-number')).toEqual(['湘教发〔2020〕8号']);
    expect(document.querySelector('.doc-number + .red-rule')).not.toBeNull();
  });

  it('escapes the text and keeps every character', () => {
    expect(document.querySelector('h1.title')!.textContent).toBe(doc.title);
    expect(html).toContain('&lt;工作要点&gt;');
    expect(document.querySelector('title')!.textContent).toBe(doc.title);
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
  });

  it('sets 主送, 正文, 附件说明, 署名, 日期 and 附注 in order', () => {
    const main = [...document.querySelector('main')!.querySelectorAll('h1, p')].map((e) => e.textContent);
    expect(main).toEqual([doc.title, doc.addressees, ...doc.body, ...doc.attachmentNote!, ...doc.signatories, doc.date, ...doc.notes]);
    expect(document.querySelector('.attachment-note p.first')!.textContent).toBe('附件：1.湖南省教育厅2020年工作要点');
    expect(document.querySelector('.notes p')!.textContent).toBe('（此件主动公开）');
  });

  it('starts each attachment on a new page with its mark and title, headings by level', () => {
    const sections = [...document.querySelectorAll('section.attachment.new-page')];
    expect(sections).toHaveLength(2);
    expect(texts('.attachment-mark')).toEqual(['附件1', '附件2']);
    expect(texts('h1.attachment-title')).toEqual(['湖南省教育厅2020年工作要点', '任务分工表']);
    expect(document.querySelector('h2.heading1')!.textContent).toBe('一、加强党的领导');
    expect(document.querySelector('h3.heading2')!.textContent).toBe('（一）健全体制机制');
    expect(document.querySelector('h4.heading3')!.textContent).toBe('1.精心筹备会议');
  });

  it('writes a table with a header row', () => {
    expect(texts('table th')).toEqual(['序号', '任务', '责任单位']);
    expect(texts('table tbody td')).toEqual(['1', '精心筹备会议', '秘书处']);
  });

  it('writes the 版记 last: 抄送, then 印发机关 and 印发日期 on one line', () => {
    const colophon = document.querySelector('footer.colophon')!;
    expect(colophon.querySelector('.cc')!.textContent).toBe('抄送：教育部办公厅。');
    expect([...colophon.querySelectorAll('.printed span')].map((s) => s.textContent)).toEqual(['湖南省教育厅办公室', '2020年3月9日印发']);
    expect(document.body.lastElementChild).toBe(colophon);
  });

  it('places the date two characters right of the names, unless it is the longer', () => {
    expect(document.querySelector('.signature')!.className).toBe('signature date-longer'); // 6 cells + 2 > 6
    const long = parseHTML(renderGbt9704Html({ ...doc, signatories: ['中共湖南省委教育工作委员会'] }, FONTS)).document;
    expect(long.querySelector('.signature')!.className).toBe('signature');
    expect(textWidth('2020年3月6日')).toBe(6);
  });

  it('leaves out what the document does not have', () => {
    const bare = parseHTML(renderGbt9704Html((({ issuerMark: _i, docNumber: _d, colophon: _c, attachmentNote: _a, ...rest }) => ({ ...rest, notes: [] }))(doc), FONTS)).document;
    for (const sel of ['header.head', '.red-rule', '.notes', '.colophon', '.attachment-note']) expect(bare.querySelector(sel), sel).toBeNull();
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
});
