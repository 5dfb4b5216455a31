/**
 * Property: the lines a web page adds around a document — breadcrumbs, page facts, document-site marks, view
 * counts, the page's tools — inserted above, between the title and the body, and below a valid plan in any of
 * its forms, are all left out and reported, none of their text ends up in an official element, and the plan
 * read is the plan read without them.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

/** Valid forms of the document the furniture is put around (the seed, a 文件 with 发文字号, other layouts). */
const FORMS = ['real-plan', 'official-document', 'no-notice', 'numbered-paragraphs-units-in-parentheses', 'two-levels-subsections', 'numbered-paragraphs-units-line', 'notice-chinese-date', 'pdftotext', 'pdftotext-layout'];

const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);
const count = fc.integer({ min: 0, max: 999_999 }).map(String);
const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const date = fc.tuple(fc.integer({ min: 2001, max: 2024 }), fc.integer({ min: 1, max: 12 }).map(String), fc.integer({ min: 1, max: 28 }).map(String), pick('-', '/', '.')).map(([y, m, d, s]) => `${y}${s}${m}${s}${d}`);
const clock = fc.tuple(twoDigits(23), twoDigits(59), twoDigits(59), fc.boolean()).map(([h, m, s, secs]) => (secs ? `${h}:${m}:${s}` : `${h}:${m}`));
const colon = pick('：', ':');
const gap = pick('　', ' ', '  ', ' | ', '　　');

// Each page's words in simplified or traditional characters.
const breadcrumb = fc
  .tuple(
    pick('当前位置', '您现在的位置', '當前位置', '您現在的位置', '你现在的位置'),
    colon,
    pick('首页', '首頁', '网站首页'),
    fc.array(pick('政务公开', '通知公告', '信息公开', '文件通知', '正文', '政策法规', '政務公開', '通知公告'), { minLength: 1, maxLength: 3 }),
    pick(' > ', '>', ' » ', ' › ', '＞', ' >> '),
  )
  .map(([lead, c, home, steps, sep]) => `${lead}${c}${[home, ...steps].join(sep)}`);
const headlessBreadcrumb = fc
  .tuple(fc.array(pick('政务公开', '通知公告', '信息公开', '正文'), { minLength: 1, maxLength: 3 }), pick(' > ', '>', ' » '))
  .map(([steps, sep]) => ['首页', ...steps].join(sep));

// A line of page facts: at least one fact only a page carries (a date with its clock time, a view count, 字号).
const strongFact = fc.oneof(
  fc.tuple(pick('发布日期', '发布时间', '發布日期', '发表时间', '更新时间', '时间'), colon, date, pick(' ', '　'), clock).map((p) => p.join('')),
  fc.tuple(pick('浏览次数', '阅读次数', '点击数', '访问量', '瀏覽次數', '閱讀次數', '浏览量'), colon, count).map((p) => p.join('')),
  pick('字号：大 中 小', '【字体：大 中 小】', '字號：大 中 小', '[字体:大 中 小]', '【字號：大 中 小】', '字号 大 中 小'),
);
const weakFact = fc.oneof(
  fc.tuple(pick('来源', '來源', '信息来源', '作者', '编辑'), colon, pick('市教育局', '办公室', '省教育厅 办公室', '本网', '政策法规科')).map((p) => p.join('')),
  fc.tuple(pick('发布日期', '發布日期'), colon, date).map((p) => p.join('')),
  pick('【打印】', '【关闭】', '【收藏】', '打印', '收藏', '[打印]', '【關閉】'),
);
const pageFacts = fc
  .tuple(strongFact, fc.array(weakFact, { maxLength: 3 }), fc.array(strongFact, { maxLength: 2 }), gap)
  .chain(([s, weak, more, g]) => fc.shuffledSubarray([s, ...weak, ...more], { minLength: [s, ...weak, ...more].length }).map((xs) => xs.join(g)));

const siteMarks = fc.oneof(
  pick('VIP', '下载', '举报', '下载　举报', '文档格式', '下载 相关 举报', '點擊查看更多>>'.replace('點擊', '点击')),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), pick('KB', 'MB', 'K', 'ＫＢ')).map(([a, b, u]) => `${a}.${b}${u}`),
  fc.integer({ min: 1, max: 300 }).map((n) => `${n} 页`),
  fc.tuple(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 900 })).map(([p, k]) => `VIP　${k}KB　${p}页　下载　举报`),
);
const pageTools = fc.oneof(
  pick('打印本页', '关闭窗口', '打印本页　关闭窗口', '【打印】【关闭】', '【打印本页】 【关闭窗口】', '[打印本页] [关闭窗口]', '分享到：', '分享到:',
    '相关链接', '扫一扫在手机打开当前页', '打印本頁　關閉窗口', '掃一掃在手機打開當前頁', '返回顶部', '【我要纠错】【打印】【关闭】'),
  fc.tuple(pick('上一篇', '下一篇', '上一條'), colon, pick('关于做好春季学期开学工作的通知', '2023年全市教育工作会议召开', '關於開展教師培訓的通知')).map((p) => p.join('')),
  pick('版权所有：某市教育局　网站标识码：4300000000', '某ICP备12345678号　公网安备 43010202000000号'),
);

/** A block of furniture as a page has it: the breadcrumb and facts above, marks, tools below; a view count by the facts. */
const block = (where: 'above' | 'between' | 'below') => {
  // A page's breadcrumb opens the page: a line above it could be the page's headline, which the reader refuses.
  const one = where === 'below' ? pageTools : where === 'above' ? fc.oneof(breadcrumb, headlessBreadcrumb, pageFacts, siteMarks) : fc.oneof(pageFacts, siteMarks);
  return fc
    .tuple(fc.array(one, { minLength: 1, maxLength: 4 }), fc.option(count.filter((n) => n.length <= 6), { nil: undefined }), pageFacts)
    .map(([lines, views, facts]) => (views === undefined || where === 'below' ? lines : [...lines, facts, views]));
};

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'line' && k !== 'column').map(([k, v]) => [k, withoutPositions(v)]));
  }
  return value;
}

/** Every string inside the plan's official elements. */
function officialTexts(plan: Plan): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk({ notice: plan.notice, title: plan.title, requirements: plan.requirements, sections: plan.sections, items: plan.items, closing: plan.closing });
  return out;
}

/** Index of the last line of the first run of lines that spells the title (a title may be printed on two lines). */
function titleEnd(lines: readonly string[], title: string): number {
  const squeeze = (t: string) => t.replace(/\s+/gu, '');
  const want = squeeze(title);
  for (let i = 0; i < lines.length; i++) {
    let got = '';
    for (let j = i; j < lines.length && want.startsWith(got); j++) {
      got += squeeze(lines[j]!);
      if (got === want) return j;
    }
  }
  return -1;
}

function read(text: string): Exclude<ReturnType<typeof parsePlan>, { ok: false }> {
  const result = parsePlan(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}: ${p.message}`).join('\n'));
  return result;
}

describe('web-page furniture around a plan', () => {
  it('has forms to put furniture around', () => {
    expect(FORMS.length).toBeGreaterThan(0);
  });

  for (const form of FORMS) {
    const source = readFileSync(`tests/fixtures/${form}/input.txt`, 'utf8').replace(/^\uFEFF/u, '');
    const base = read(source);
    const lines = source.split(/\r?\n/u);
    // The plan title's last line, where a page puts its facts between the title and the body.
    const titleAt = titleEnd(lines, base.value.title);

    it(`${form}: furniture above, between and below is left out, reported, and never official text`, () => {
      expect(titleAt).toBeGreaterThanOrEqual(0);
      fc.assert(
        fc.property(fc.option(block('above'), { nil: undefined }), fc.option(block('between'), { nil: undefined }), fc.option(block('below'), { nil: undefined }), fc.boolean(), pick('none', 'first title', 'plan title'), (furniture, between, below, blank, headline) => {
          // The page's headline, above the page's furniture: the document's first title (the notice's, if it has
          // one) or the plan's title, on one line.
          const title = headline === 'plan title' ? base.value.title : (base.value.notice?.title ?? base.value.title);
          const above = furniture && headline !== 'none' ? [title, ...furniture] : furniture;
          const sep = blank ? [''] : [];
          const spaced = (xs: string[] | undefined) => (xs ?? []).flatMap((x) => [x, ...sep]);
          const text = [
            ...spaced(above),
            ...lines.slice(0, titleAt + 1),
            ...sep,
            ...spaced(between),
            ...lines.slice(titleAt + 1),
            ...sep,
            ...spaced(below),
          ].join('\n');
          const inserted = [...(above ?? []), ...(between ?? []), ...(below ?? [])];
          const result = read(text);
          // The plan read is the plan read without the furniture.
          expect(withoutPositions(result.value)).toEqual(withoutPositions(base.value));
          // Each inserted line, and only those, is reported as web-page furniture.
          const web = result.report.removed.filter((f) => f.kind === 'web-page');
          expect(web.map((f) => f.text).sort()).toEqual(inserted.map((l) => l.trim()).sort());
          // No furniture line's text is inside an official element.
          const official = officialTexts(result.value);
          // (The headline repeats the title by construction, so only the page's other lines are looked for.)
          for (const line of [...(furniture ?? []), ...(between ?? []), ...(below ?? [])]) {
            if ([...line].length < 4) continue; // “VIP”, a view count: too short to tell apart from a part of a word
            expect(official.some((s) => s.includes(line.trim()))).toBe(false);
          }
        }),
        { numRuns: ['real-plan', 'pdftotext', 'pdftotext-layout', 'official-document'].includes(form) ? 25 : 60, seed: Number(process.env.FUZZ_SEED ?? 20230221) },
      );
    }, 120_000);
  }
});
