/**
 * Every whole-document refusal names a cause that is true of the file: for each rule, its fixture is refused
 * with that rule, at the line that shows it, and what the message claims is checked against the file itself —
 * independently of the reader's own code where it can be. Also our own forms that used to be refused: a
 * 责任单位 list wrapped in hard-wrapped text, and an 附件说明 after the plan's closing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookOf } from '../../src/plan/classify.ts';
import { embeddedStarts, isFlattened } from '../../src/plan/flattened-text.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import type { Problem } from '../../src/plan/problem.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { SEED_FILE } from '../support/seed.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}/input.txt`, 'utf8');
const linesOf = (text: string) => text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
const seed = readFileSync(SEED_FILE, 'utf8');
const seedParagraphs = linesOf(seed).map((l) => l.trim()).filter(Boolean);
const aliases = { officeAliases: { 考试院: '教育考试院' } };

function refused(text: string): Problem[] {
  const r = parsePlan(text);
  if (r.ok) throw new Error('expected a refusal, the file was read');
  return r.problems;
}
function read(text: string): Plan {
  const r = parsePlan(text, aliases);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column}: ${p.ruleId}: ${p.message}`).join('\n'));
  return r.value;
}
/** Any heading form the reader knows: 一、 section, （一） subsection, 1. numbered paragraph. */
const isHeadingOfAnyLevel = (line: string) => ['section', 'subsection', 'numbered'].includes(lookOf(line.trim()).kind);

describe('flattened-text: the text has no line breaks between paragraphs', () => {
  for (const name of ['error-flattened-text', 'error-flattened-sections', 'error-flattened-no-spaces']) {
    it(`${name}: each refused line really holds several of the plan's paragraphs, run together`, () => {
      const problems = refused(fixture(name));
      const lines = linesOf(fixture(name));
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(p.ruleId).toBe('flattened-text');
        const line = lines[p.line - 1]!;
        // Independent of the detector: count whole paragraphs of the seed that this one line holds.
        const held = seedParagraphs.filter((para) => para.length > 8 && line.includes(para));
        expect(held.length).toBeGreaterThanOrEqual(2);
        // The column points at a paragraph start that follows a space, or the full stop of the paragraph before.
        const chars = [...line];
        expect(chars[p.column - 2]).toMatch(p.message.includes('after a space') ? /\s/u : /[\s。；！？]/u);
        expect(held.some((para) => chars.slice(p.column - 1).join('').startsWith(para))).toBe(true);
      }
    });
  }
  it('is never raised by text with its line breaks: the seed is read', () => {
    expect(parsePlan(seed).ok).toBe(true);
  });
  it('a long paragraph with an inline list after spaces is not taken for flattened text', () => {
    const paragraph = `工作目标：${'推动教育事业高质量发展，'.repeat(30)}主要包括： 1. 扩大学前教育资源； 2. 推进义务教育均衡；`;
    expect(embeddedStarts(paragraph)).toHaveLength(2);
    expect(isFlattened(paragraph)).toBe(false);
  });
  it('error-flattened-one-line: only the line that holds items 3 and 4 run together is refused', () => {
    const text = fixture('error-flattened-one-line');
    const problems = refused(text);
    expect(problems.map((p) => p.ruleId)).toEqual(['flattened-text']);
    const line = linesOf(text)[problems[0]!.line - 1]!;
    expect(line.startsWith('3.')).toBe(true);
    expect(line).toMatch(/\s4\.\S/u);
    expect(line.match(/\s(?:目标任务|工作措施|责任单位)：/gu)!.length).toBeGreaterThanOrEqual(4);
  });
  it('error-flattened-numbered-paragraphs: the refused line holds numbered paragraphs 1. to 5. after full-width spaces', () => {
    const text = fixture('error-flattened-numbered-paragraphs');
    const problems = refused(text);
    expect(problems.map((p) => p.ruleId)).toEqual(['flattened-text']);
    const line = linesOf(text)[problems[0]!.line - 1]!;
    expect([1, 2, 3, 4, 5].every((n) => line.includes(`　${n}.`))).toBe(true);
  });
});

describe('every refusal among the error fixtures states a claim true of its file', () => {
  const names = readdirSync('tests/fixtures').filter((d) => d.startsWith('error-') && readdirSync(`tests/fixtures/${d}`).includes('input.txt'));
  it('covers the refusals of this file’s rules', () => {
    const rules = new Set(names.flatMap((n) => (parsePlan(fixture(n)).ok ? [] : refused(fixture(n)).map((p) => p.ruleId))));
    for (const rule of ['flattened-text', 'no-sections', 'no-section-headings', 'no-items', 'unexpected-text', 'closing-without-units']) expect(rules).toContain(rule);
  });
  for (const name of names) {
    it(`${name}`, () => {
      const text = fixture(name);
      const lines = linesOf(text);
      const r = parsePlan(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) {
        // Every problem points at a line that exists and is not blank (an empty file has only line 1, blank).
        if (p.ruleId === 'empty-file') expect(text.trim()).toBe('');
        else expect(lines[p.line - 1]?.trim(), `${name}:${p.line}`).toBeTruthy();
        if (p.ruleId === 'no-sections') expect(lines.filter(isHeadingOfAnyLevel)).toEqual([]);
        if (p.ruleId === 'no-section-headings') expect(lines.filter((l) => lookOf(l.trim()).kind === 'section')).toEqual([]);
        if (p.ruleId === 'flattened-text') expect(embeddedStarts(lines[p.line - 1]!).length).toBeGreaterThanOrEqual(2);
        if (p.ruleId === 'no-items') expect(lines.slice(p.line - 1).filter((l) => ['numbered', 'subsection'].includes(lookOf(l.trim()).kind))).toEqual([]);
        // A message quoting a line quotes what the file holds there.
        const quoted = /^Line (\d+) \(“([^”]+?)(?:…)?”\)/u.exec(p.message);
        if (quoted) expect(lines[Number(quoted[1]) - 1]!.trim().startsWith(quoted[2]!)).toBe(true);
      }
    });
  }
});

describe('no-sections: only when no heading of any form is there, saying what the file holds', () => {
  for (const name of ['error-no-sections', 'error-no-plan-web-news', 'error-no-plan-web-news-traditional']) {
    it(`${name}: no line is a heading of any level, and the count of paragraphs is the file's`, () => {
      const p = refused(fixture(name)).find((x) => x.ruleId === 'no-sections');
      const paragraphs = linesOf(fixture(name)).filter((l) => l.trim());
      expect(paragraphs.length).toBeGreaterThan(0);
      expect(paragraphs.filter(isHeadingOfAnyLevel)).toEqual([]);
      expect(p!.message).toContain(`None of the file's ${paragraphs.length} non-empty lines`);
    });
  }
  it('numbered paragraphs 1., 2. with no 一、 above them are read, not refused for having no heading', () => {
    const text = '青溪市教育局2023年工作要点\n\n2023年的总体要求是：稳中求进。\n\n1.加强党的建设。全面落实管党治党责任。\n\n2.推进教育公平。扩大优质资源覆盖面。\n';
    const r = parsePlan(text);
    expect(r.ok && r.value.items.map((i) => i.title)).toEqual(['加强党的建设', '推进教育公平']);
  });
});

describe('no-section-headings: headings of a lower level only, and nothing to read the items from', () => {
  it('a lone （一） heading with no 一、 section and no second heading: located at the （一）, and no line of the file is a 一、 section', () => {
    // (Several （一） headings with no section are read as one implicit section of items: family-subsection-items-no-sections.)
    const text = '青溪市教育局2023年工作要点\n\n总体要求是：稳中求进。\n\n（一）压实安全责任\n\n落实责任。\n';
    const [p, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(p!.ruleId).toBe('no-section-headings');
    const lines = linesOf(text);
    expect(lookOf(lines[p!.line - 1]!.trim()).kind).toBe('subsection');
    expect(lines.filter((l) => lookOf(l.trim()).kind === 'section')).toEqual([]);
    // The first heading of any level is the one named.
    expect(lines.findIndex(isHeadingOfAnyLevel) + 1).toBe(p!.line);
  });
});

describe('no-items (body.ts): the body is prose under headings, with no numbered items', () => {
  it('is located at the first heading, and no line from there on is numbered, a （一） heading or a label', () => {
    const text = fixture('error-prose-no-items');
    const [p, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(p!.ruleId).toBe('no-items');
    const lines = linesOf(text);
    expect(lookOf(lines[p!.line - 1]!.trim()).kind).toBe('section');
    const body = lines.slice(p!.line - 1).filter((l) => l.trim());
    const kinds = body.map((l) => lookOf(l.trim()).kind);
    expect(kinds.filter((k) => k === 'section').length).toBeGreaterThan(1);
    expect(kinds.filter((k) => k === 'numbered' || k === 'subsection' || k === 'label')).toEqual([]);
  });
});

describe('text after an 附件说明 that is neither an entry of its list nor an 附件', () => {
  it('is refused at each such line, and each line really is neither', () => {
    const text = fixture('error-text-after-attachment-note');
    const problems = refused(text);
    expect(problems.length).toBeGreaterThan(0);
    const lines = linesOf(text);
    const note = lines.findIndex((l) => /^附件[：:]/u.test(l.trim()));
    expect(note).toBeGreaterThan(-1);
    for (const p of problems) {
      expect(p.ruleId).toBe('unexpected-text');
      expect(p.line - 1).toBeGreaterThan(note);
      expect(lines[p.line - 1]!.trim()).not.toMatch(/^(?:[0-9０-９]{1,2}\s*[.．、]|附件)/u);
    }
  });
});

describe('a signature block after the last item’s 责任单位 in hard-wrapped text', () => {
  it('is not swallowed into the list: it is read as the plan’s own signature and date', () => {
    const text = fixture('signature-after-units-line');
    const plan = read(text);
    const lines = linesOf(text).filter((l) => l.trim());
    expect(plan.signature).toMatchObject({ signatories: [lines.at(-2)], date: lines.at(-1) });
    expect(lines.at(-2)).toBe('青溪市教育局');
    expect(plan.items.at(-1)!.responsible!.units.at(-1)!.name).toBe('教育督导室');
  });
  it('does not hide a closing paragraph without 责任单位 above it: that is still refused, at the closing', () => {
    const text = fixture('error-closing-without-units');
    const [p, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(p!.ruleId).toBe('closing-without-units');
    expect(linesOf(text)[p!.line - 1]).toMatch(/^在完成上述工作的同时/u);
  });
});

describe('our own forms that were refused', () => {
  for (const name of ['hard-wrapped-units-wrap', 'hard-wrapped-units-wrap-traditional']) {
    it(`${name}: a 责任单位 list wrapped short of the width in hard-wrapped text is joined, and the closing stays apart`, () => {
      const text = fixture(name);
      const plan = read(text);
      // Every unit list of the source, its lines joined, as the items' units.
      const label = /^(?:责任单位|責任單位)[：:]/u;
      const lines = linesOf(text).map((l) => l.trim());
      const lists: string[] = [];
      lines.forEach((l, i) => {
        if (!label.test(l)) return;
        let list = l.replace(label, '');
        for (let k = i + 1; k < lines.length && /^[^，。；：:0-9一二三四五六七八九十]+$/u.test(lines[k]!) && !label.test(lines[k]!); k++) list += lines[k];
        lists.push(list);
      });
      expect(lists.length).toBe(plan.items.length + 1);
      expect(plan.items.map((i) => i.responsible?.units.map((u) => u.name).join('、'))).toEqual(lists.slice(0, -1));
      const closing = lines.findIndex((l) => /^在完成上述工作的同[时時]/u.test(l));
      expect(plan.closing?.paragraphs).toEqual([lines[closing]! + lines[closing + 1]]);
      expect(stripWhitespace(planToText(plan))).toBe(stripWhitespace(text));
    });
  }

  it('an 附件说明 of one 附件 without a number, then the 附件 and the 版记', () => {
    const plan = read(fixture('attachment-note-single-with-colophon'));
    expect(plan.attachmentNote).toEqual(['附件：2020年重点工作任务分工表']);
    expect(plan.attachments.map((a) => [a.mark, a.title])).toEqual([['附件', '2020年重点工作任务分工表']]);
    expect(plan.colophon?.cc).toBe('抄送：教育部办公厅。');
    expect(plan.closing).toEqual(read(seed).closing);
  });

  for (const name of ['attachment-note-after-closing', 'attachment-note-after-closing-hard-wrapped']) {
    it(`${name}: the 附件说明 after the closing is read into attachmentNote, the 附件 after it, nothing lost`, () => {
      const text = fixture(name);
      const plan = read(text);
      const seedPlan = read(seed);
      expect(plan.closing).toEqual(seedPlan.closing);
      expect(plan.items.map((i) => i.responsible)).toEqual(seedPlan.items.map((i) => i.responsible));
      expect(plan.attachmentNote).toEqual(['附件：1.2020年重点工作任务分工表', '2.2020年省级教育重点项目清单']);
      expect(plan.attachments.map((a) => [a.mark, a.title, a.blocks.length])).toEqual([
        ['附件1', '2020年重点工作任务分工表', 2],
        ['附件2', '2020年省级教育重点项目清单', 2],
      ]);
      expect(stripWhitespace(planToText(plan))).toBe(stripWhitespace(text));
    });
  }
});

describe('the read report locates the plan title in the source', () => {
  it('at the line of the title after the notice, not at the notice’s issuer line that starts the same way', () => {
    const r = parsePlan(seed);
    if (!r.ok) throw new Error('seed refused');
    const line = linesOf(seed).findIndex((l) => l.trim() === r.value.title) + 1;
    expect(line).toBeGreaterThan(1);
    expect(r.report.titleAt).toEqual({ line, column: 1 });
  });
  it('for every valid fixture with a plain-text input, where the title is one line', () => {
    const names = readdirSync('tests/fixtures').filter((d) => !d.startsWith('error-') && readdirSync(`tests/fixtures/${d}`).includes('input.txt'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const r = parsePlan(fixture(name));
      if (!r.ok) continue; // some forms need their format reader (UTF-16); parse-fixtures covers them
      const at = r.report.titleAt;
      expect(at, name).toBeDefined();
      expect(linesOf(fixture(name))[at!.line - 1]!.trim(), name).toBe([...r.value.title].slice(0, [...linesOf(fixture(name))[at!.line - 1]!.trim()].length).join(''));
    }
  });
});
