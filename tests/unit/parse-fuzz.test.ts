/**
 * Property tests: random mutations of the seed each end in a Plan or in located problems — never an exception —
 * and a Plan, when there is one, still holds every character of its input.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { SEED_FILE } from '../support/seed.ts';

const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
/** Other layouts of the genre and forms of the document, mutated the same way (fewer runs each). */
const FORMS = ['official-document-two-attachments', 'numbered-paragraphs-units-in-parentheses', 'numbering-restarts-per-section', 'two-levels-subsections', 'labels-own-line', 'pdftotext', 'pdftotext-layout', 'family-no-sections', 'family-labelled-lead-partner-traditional', 'family-prose-first-section', 'family-three-levels-restarting', 'family-labelled-rectification-deadline'];

/** How long a property test may run before it counts as hung (see the first test). */
const FUZZ_LIMIT = 600_000;

// Pieces that matter to the grammar, so mutations hit headings, labels and lists, not just random text.
const tokens = ['目标任务：', '工作措施：', '责任单位：', '牵头单位：', '配合单位：', '責任單位：', '完成时限：', '（一）', '总体要求', '。', '一、', '九、', '1.', '34.', '、', '等', '。', '\n', '\n\n', '2020年3月6日', '相关处室', '考试院', '{', '<', '*', '#', '１．', '\u3000', '\r\n', '\uFEFF', '𠀀'];

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; col: number; text: string }
  | { op: 'cut'; at: number; col: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(lines.length - 1), with: fc.nat(lines.length - 1) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(lines.length - 1),
    col: fc.nat(40),
    text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(lines.length - 1), col: fc.nat(60) }),
);

/** A mutation chooses lines by index; on another form the index wraps around its own length. */
function apply(source: string[], mutations: Mutation[]): string {
  const out = [...source];
  for (const m of mutations) {
    const at = m.at % Math.max(out.length, 1);
    const line = out[at] ?? '';
    if (m.op === 'delete') out.splice(at, 1);
    else if (m.op === 'duplicate') out.splice(at, 0, line);
    else if (m.op === 'swap') [out[at], out[m.with % out.length]] = [out[m.with % out.length] ?? '', line];
    else if (m.op === 'insert') out[at] = line.slice(0, m.col) + m.text + line.slice(m.col);
    else out[at] = line.slice(0, m.col);
  }
  return out.join('\n');
}

describe('parsePlan under random mutation', () => {
  it('returns a Plan or located problems, never throws, and never loses text', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = apply(lines, mutations);
        const result = parsePlan(text);
        if (result.ok) {
          expect(stripWhitespace(planToText(result.value))).toBe(stripWhitespace(text.replace(/^\uFEFF/u, '')));
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          const lineCount = text.split(/\r\n|[\n\r\u2028\u2029\u0085]/u).length;
          for (const p of result.problems) {
            expect(p.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/u);
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lineCount);
            expect(p.column).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 3000, seed: Number(process.env.FUZZ_SEED ?? 20200306) },
    );
    // 3,000 whole-plan parses take about a minute on a busy 2-core machine, three times that under coverage
    // (npm run test:coverage); the limit only stops a hang, it is not a timing assertion.
  }, FUZZ_LIMIT);

  for (const form of FORMS) {
    it(`keeps the same promise on the ${form} form`, () => {
      const formLines = readFileSync(`tests/fixtures/${form}/input.txt`, 'utf8').split('\n');
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = apply(formLines, mutations);
          const result = parsePlan(text);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            return;
          }
          const furniture = new Set(result.report.removed.map((f) => f.line));
          const kept = text.replace(/^\uFEFF/u, '').split(/\r\n|[\n\r\u2028\u2029\u0085]/u).filter((_, i) => !furniture.has(i + 1));
          expect(stripWhitespace(planToText(result.value))).toBe(stripWhitespace(kept.join('\n')));
        }),
        { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20200306) },
      );
    }, FUZZ_LIMIT);
  }

  it('never throws on arbitrary text, and refuses it with located problems or reads it whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const result = parsePlan(text);
        const lineList = text.replace(/^\uFEFF/u, '').split(/\r\n|[\n\r\u2028\u2029\u0085]/u);
        if (result.ok) {
          // A Plan from arbitrary text still holds every character of it (page furniture aside).
          const furniture = new Set(result.report.removed.map((f) => f.line));
          expect(stripWhitespace(planToText(result.value))).toBe(stripWhitespace(lineList.filter((_, i) => !furniture.has(i + 1)).join('\n')));
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/u);
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineList.length);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? 20200306) },
    );
  });
});
