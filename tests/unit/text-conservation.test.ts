/**
 * Fidelity: every non-whitespace character of the seed is in the Plan, in order, and nothing is added.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../src/plan/decode.ts';
import { fieldParagraphs } from '../../src/plan/extract.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { SEED_FILE } from '../support/seed.ts';

const seed = readFileSync(SEED_FILE, 'utf8');

function parsed(text: string): Plan {
  const result = parsePlan(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

describe('text conservation', () => {
  it('reproduces every non-whitespace character of the seed, in order, with nothing added', () => {
    expect(stripWhitespace(planToText(parsed(seed)))).toBe(stripWhitespace(seed));
  });

  it('keeps the odd spot “组织 and 布局” exactly as written', () => {
    const item21 = parsed(seed).items.find((i) => i.number === 21)!;
    expect(fieldParagraphs(item21, 'measures').join('')).toContain('组织 and 布局');
  });

  it('joins the page breaks of the seed into whole paragraphs', () => {
    const plan = parsed(seed);
    const text = (n: number) => {
      const item = plan.items.find((i) => i.number === n)!;
      return item.fields.flatMap((f) => f.paragraphs).join('\n');
    };
    expect(text(3)).toContain('协助省委组织部');
    expect(text(6)).toContain('筹集教育经费的体制');
    expect(text(27)).toContain('遴选工作。');
    expect(fieldParagraphs(plan.items.find((i) => i.number === 3)!, 'measures')).toHaveLength(1);
  });

  it('keeps a real second paragraph of measures separate (item 12)', () => {
    const item12 = parsed(seed).items.find((i) => i.number === 12)!;
    expect(fieldParagraphs(item12, 'measures')).toHaveLength(2);
    expect(fieldParagraphs(item12, 'measures')[1]!.startsWith('巩固提升驻村帮扶')).toBe(true);
  });

  it('detects a dropped or altered character', () => {
    const plan = parsed(seed);
    const tampered = structuredClone(plan);
    tampered.items[0]!.fields[0]!.paragraphs[0] = tampered.items[0]!.fields[0]!.paragraphs[0]!.replace('健全', '建全');
    expect(stripWhitespace(planToText(tampered))).not.toBe(stripWhitespace(seed));
  });
});

describe('text conservation in every form the fixtures hold', () => {
  const root = 'tests/fixtures';
  const forms = readdirSync(root).filter((d) => !d.startsWith('error-') && existsSync(join(root, d, 'input.txt')));
  it('covers the forms of the reader issue', () => {
    expect(forms).toEqual(expect.arrayContaining(['official-document', 'labels-own-line', 'numbered-paragraphs-units-in-parentheses', 'two-levels-subsections', 'attachment-and-colophon']));
  });
  for (const form of forms) {
    it(`${form}: the Plan's text is the input's, character for character, page furniture aside`, () => {
      const decoded = decodePlanBytes(readFileSync(join(root, form, 'input.txt')));
      if (!decoded.ok) throw new Error('the fixture must decode');
      const input = decoded.value.text;
      const result = parsePlan(input);
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      // Page furniture stands on lines of its own; those lines, and only those, are left out of the Plan.
      const furniture = new Set(result.report.removed.map((f) => f.line));
      const kept = input.replace(/^\uFEFF/u, '').split(/\r\n|\n/u).filter((_, i) => !furniture.has(i + 1));
      expect(stripWhitespace(planToText(result.value))).toBe(stripWhitespace(kept.join('\n')));
    });
  }
});
