/**
 * Every refusal of the body states what is true of its file: each rule's fixtures are read, and what the message
 * claims is checked against the input text by the reader's own classification of its lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBodyStart } from '../../src/plan/body-start.ts';
import { decodePlanBytes } from '../../src/plan/decode.ts';
import { lookOf } from '../../src/plan/classify.ts';
import { toSourceLines } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Problem } from '../../src/plan/problem.ts';

const root = 'tests/fixtures';
const textCases = readdirSync(root).filter((d) => readdirSync(`${root}/${d}`).includes('input.txt'));
function lines(name: string): string[] {
  // Fixtures hold text in the encodings of real files (UTF-8 with a BOM, GB18030 …): decoded as the reader does.
  const decoded = decodePlanBytes(readFileSync(`${root}/${name}/input.txt`));
  if (!decoded.ok) throw new Error(`${name} must decode`);
  return decoded.value.text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
}

/** Every problem of every text fixture, with its fixture. */
const refusals: { name: string; problem: Problem }[] = textCases.flatMap((name) => {
  const result = parsePlan(lines(name).join('\n'));
  return result.ok ? [] : result.problems.map((problem) => ({ name, problem }));
});
const byRule = (rule: string) => refusals.filter((r) => r.problem.ruleId === rule);

describe('refusal claims', () => {
  it('no-sections: the file has no line that reads as a section heading in any form, and no items numbered from 1', () => {
    const cases = byRule('no-sections');
    expect(cases.length).toBeGreaterThan(0);
    for (const { name } of cases) {
      const all = lines(name);
      expect(all.filter((l) => lookOf(l.trim()).kind === 'section'), name).toEqual([]);
      expect(findBodyStart(toSourceLines(all.join('\n')))).toBe(-1);
    }
  });

  it('no-items and prose-body: from the located section heading on, no line is numbered as an item (1.… or （一）…)', () => {
    // parse-plan refuses a prose body before the body is read (prose-body); the body's own no-items is the fallback.
    const cases = [...byRule('no-items'), ...byRule('prose-body')];
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const body = lines(name).slice(problem.line - 1);
      expect(lookOf(body[0]!).kind, name).toBe('section');
      expect(body.filter((l) => ['numbered', 'subsection'].includes(lookOf(l).kind)), name).toEqual([]);
    }
  });

  it('subsection-without-section: the located line is a subsection heading and no line of the file is a section heading', () => {
    const cases = byRule('subsection-without-section');
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const all = lines(name);
      expect(lookOf(all[problem.line - 1]!).kind, name).toBe('subsection');
      expect(all.some((l) => lookOf(l).kind === 'section'), name).toBe(false);
      const start = /items start at line (\d+)/u.exec(problem.message);
      expect(start, problem.message).not.toBeNull();
      expect(lookOf(all[Number(start![1]) - 1]!).kind).toBe('numbered');
    }
  });

  it('unexpected-text under a subsection: the located line is text under the quoted heading, and its section has numbered items', () => {
    const cases = byRule('unexpected-text').filter((r) => r.problem.message.includes('under the subsection heading'));
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const all = lines(name);
      expect(lookOf(all[problem.line - 1]!).kind).toBe('text');
      const above = all.slice(0, problem.line - 1).reverse().find((l) => l.trim() !== '')!;
      expect(lookOf(above).kind).toBe('subsection');
      expect(problem.message).toContain(above);
      const sectionStart = all.slice(0, problem.line).map((l) => lookOf(l).kind).lastIndexOf('section');
      const nextSection = all.findIndex((l, i) => i > sectionStart && lookOf(l).kind === 'section');
      expect(all.slice(sectionStart, nextSection === -1 ? undefined : nextSection).some((l) => lookOf(l).kind === 'numbered')).toBe(true);
    }
  });

  it('numbering-restarts-without-sections: the located line is numbered 1 and so is the quoted first line, and no line is a section heading', () => {
    const cases = byRule('numbering-restarts-without-sections');
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const all = lines(name);
      expect(lookOf(all[problem.line - 1]!)).toMatchObject({ kind: 'numbered', number: 1 });
      const first = Number(/the first starts at line (\d+)/u.exec(problem.message)![1]);
      expect(first).toBeLessThan(problem.line);
      expect(lookOf(all[first - 1]!)).toMatchObject({ kind: 'numbered', number: 1 });
      expect(all.some((l) => lookOf(l).kind === 'section')).toBe(false);
    }
  });

  it('empty-unit: the located column holds a 、 right after another 、 or right after the label', () => {
    const cases = byRule('empty-unit');
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const chars = [...lines(name)[problem.line - 1]!];
      const at = chars[problem.column - 1];
      const before = chars[problem.column - 2];
      expect(at === '、' || at === undefined || before === '、', `${name}:${problem.line}:${problem.column}`).toBe(true);
      expect(before === '、' || before === '：' || before === ':' || at === undefined, `${name}:${problem.line}:${problem.column}`).toBe(true);
    }
  });

  it('empty-section: the section heading is followed by the next heading, with no item and no paragraph of its own', () => {
    const cases = byRule('empty-section');
    expect(cases.length).toBeGreaterThan(0);
    for (const { name, problem } of cases) {
      const all = lines(name);
      expect(lookOf(all[problem.line - 1]!).kind).toBe('section');
      const next = all.slice(problem.line).find((l) => l.trim() !== '');
      expect(next === undefined || lookOf(next).kind === 'section', name).toBe(true);
    }
  });
});

describe('no false no-sections', () => {
  const headings = ['一、加强党的建设', '一、加强党的建设。', '一、 加强党的建设', '一 、加强党的建设', '一．加强党的建设', '一、加強黨的建設', '一、加強黨的建設。'];
  for (const heading of headings) {
    it(`a plan whose section heading reads “${heading}” is not refused for having no sections`, () => {
      const text = ['临川市教育局2023年工作要点', '2023年的总体要求是：坚持立德树人。', heading, '1.健全党建工作责任体系。制定年度党建工作要点。（责任单位：机关党委）', '2.深化理论武装。组织专题学习。（责任单位：宣传科）'].join('\n\n');
      const result = parsePlan(text);
      expect(result.ok ? [] : result.problems.map((p) => p.ruleId)).toEqual([]);
      if (result.ok) expect(result.value.sections[0]!.title.startsWith('加')).toBe(true);
    });
  }

  it('no fixture that reads as a plan is refused for having no sections', () => {
    const readable = textCases.filter((n) => !n.startsWith('error-'));
    expect(readable.length).toBeGreaterThan(20);
    const falsely = refusals.filter((r) => !r.name.startsWith('error-') && r.problem.ruleId === 'no-sections');
    expect(falsely).toEqual([]);
  });
});
