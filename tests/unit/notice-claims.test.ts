/**
 * Every refusal of the document's head states a cause that is true of its file: for each error fixture of the
 * notice and the plan head, what the message says about the lines it names is checked against the input itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAddressees, isDate } from '../../src/plan/notice.ts';
import { endsSentence } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Problem } from '../../src/plan/problem.ts';
import { DOC_NUMBER, SIGNER, endsInDocumentKind, endsInNoticeKind } from '../../src/plan/vocabulary.ts';

const root = 'tests/fixtures';
const HEAD_RULES = ['missing-title', 'notice-date', 'notice-head', 'title-furniture'];

function refusal(name: string): { lines: string[]; problem: Problem } {
  const text = readFileSync(join(root, name, 'input.txt'), 'utf8');
  const r = parsePlan(text);
  if (r.ok) throw new Error(`${name} was read, not refused`);
  const heads = r.problems.filter((p) => HEAD_RULES.includes(p.ruleId));
  if (heads.length !== 1) throw new Error(`${name}: expected one refusal of the head, got ${r.problems.map((p) => p.ruleId).join(', ')}`);
  return { lines: text.split(/\r?\n/u), problem: heads[0]! };
}

/** The 1-based line numbers a message names as “line N” or “Lines N–M”. */
const named = (message: string, pattern: RegExp) => [...message.matchAll(pattern)].map((m) => Number(m[1]));
const nonBlank = (lines: readonly string[]) => lines.map((t, k) => ({ t: t.trim(), line: k + 1 })).filter((l) => l.t !== '');

/** Checks the claim of one refusal against the lines of its file. */
function checkClaim(lines: readonly string[], p: Problem): void {
  const at = lines[p.line - 1]!.trim();
  const dates = nonBlank(lines).filter((l) => isDate(l.t));
  switch (p.ruleId) {
    case 'missing-title': {
      // “No title: the file starts at the 主送机关 …, followed by its body; no 成文日期 …”
      expect(p.message).toMatch(/^No title: the file starts at the 主送机关/u);
      const [first, second] = nonBlank(lines);
      expect(isAddressees(first!.t)).toBe(true);
      expect(named(p.message, /\(line (\d+)\)/gu)).toContain(first!.line);
      expect(endsSentence(second!.t)).toBe(true);
      if (/no 成文日期/u.test(p.message)) expect(dates).toEqual([]);
      return;
    }
    case 'notice-date': {
      const head = /^Lines? (\d+)(?:–(\d+))? read as the head of a covering notice \(its title ends “…([^”]+)” at line (\d+)\)/u.exec(p.message);
      if (head) {
        // “Lines a–b read as the head of a covering notice (its title ends “…X” at line b), where the plan's title belongs”
        const end = Number(head[4]);
        expect(Number(head[2] ?? head[1])).toBe(end);
        expect(lines[end - 1]!.trim().endsWith(head[3]!)).toBe(true);
        expect(endsInNoticeKind(lines[end - 1]!.trim())).toBe(true);
        expect(nonBlank(lines)[0]!.line).toBe(Number(head[1]));
      } else {
        // “Lines a–b read as a covering notice (a title ending in a 文种, then the 主送机关 …), but …”
        const [from, to] = /Lines (\d+)–(\d+)/u.exec(p.message)!.slice(1).map(Number) as [number, number];
        expect(lines.slice(from - 1, to - 1).some((t) => endsInNoticeKind(t.trim()))).toBe(true);
        expect(isAddressees(lines[to - 1]!.trim())).toBe(true);
      }
      const garbled = /line (\d+) \(“([^”]+)”\) stands where its 成文日期 belongs/u.exec(p.message);
      if (garbled) {
        expect(Number(garbled[1])).toBe(p.line);
        expect(at).toBe(garbled[2]);
        expect(isDate(at)).toBe(false);
      }
      // Either way the claim is that no date closes the notice.
      expect(dates).toEqual([]);
      return;
    }
    case 'notice-head': {
      // “Line N (“…”) stands above the notice title, which starts on its own at line M, but it is not a 发文机关标志”
      expect(named(p.message, /^Line (\d+)/gu)).toEqual([p.line]);
      expect(DOC_NUMBER.test(at) || SIGNER.test(at) || /文件$/u.test(at) || endsInDocumentKind(at)).toBe(false);
      const titleLine = named(p.message, /starts on its own at line (\d+)/gu)[0];
      if (titleLine !== undefined) {
        expect(titleLine).toBeGreaterThan(p.line);
        expect(lines[titleLine - 1]!).toMatch(/^《|关于/u);
      }
      return;
    }
    case 'title-furniture': {
      const fact = /carries (a clock time|a view count|a file size)/u.exec(p.message)![1];
      const shapes: Record<string, RegExp> = { 'a clock time': /\d{1,2}[:：]\d{2}/u, 'a view count': /(浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問)[^0-9]{0,4}\d+/u, 'a file size': /\d\s*(KB|MB|GB|字节)/iu };
      expect(at).toMatch(shapes[fact!]!);
      return;
    }
    default:
      throw new Error(`no claim check for ${p.ruleId}`);
  }
}

describe('refusals of the document head state what is true of the file', () => {
  const cases = readdirSync(root).filter((d) => d.startsWith('error-notice-') || d === 'error-title-view-count').sort();
  it('has error fixtures for the head’s refusals', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of cases) {
    it(`${name}: the message's claim holds of its input`, () => {
      const { lines, problem } = refusal(name);
      checkClaim(lines, problem);
    });
  }
  it('a claim check fails on a file the claim is not true of', () => {
    const { problem } = refusal('error-notice-no-title');
    // The same message against a file that has a title line first must not pass.
    const titled = readFileSync(join(root, 'notice-doc-number-first', 'input.txt'), 'utf8').split(/\r?\n/u);
    expect(() => checkClaim(titled, problem)).toThrow();
  });
});
