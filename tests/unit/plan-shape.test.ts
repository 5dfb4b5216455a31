/**
 * What pages may say about a plan, from the plan itself (src/lib/plan-shape.ts), and the forgiving search's
 * other direction for a plan printed in traditional characters (src/search/aids.ts, src/search/forgiving.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentsPhrase, fieldName, hasOffices, hasSections, headedSections, planLang, planParts } from '../../src/lib/plan-shape.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { PlanSchema, type Plan } from '../../src/plan/schema.ts';
import { searchAids } from '../../src/search/aids.ts';
import { toSimplified, toTraditional } from '../../src/search/forgiving.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const read = (text: string): Plan => {
  const r = parsePlan(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.value;
};
const seed = (() => {
  const r = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
  if (!r.ok) throw new Error('the seed must parse');
  return r.value;
})();
const noSections = PlanSchema.parse(JSON.parse(readFileSync('tests/site-families/plans/no-sections-no-units.plan.json', 'utf8')));
const traditional = read(readFileSync('tests/site-families/plans/traditional.txt', 'utf8'));

describe('plan shape', () => {
  it('finds headings and offices in the seed, and none in a plan of numbered paragraphs without 责任单位', () => {
    expect(hasSections(seed)).toBe(true);
    expect(hasOffices(seed)).toBe(true);
    expect(noSections.sections.every((s) => s.implicit)).toBe(true);
    expect(hasSections(noSections)).toBe(false);
    expect(headedSections(noSections)).toEqual([]);
    expect(hasOffices(noSections)).toBe(false);
  });

  it('names a plan’s contents in its own words', () => {
    expect(planParts(seed)).toEqual(['目标任务', '工作措施', '责任单位']);
    expect(contentsPhrase(seed)).toBe(`${seed.sections.length}个方面${seed.items.length}项工作的目标任务、工作措施和责任单位`);
    expect(planParts(noSections)).toEqual([]);
    expect(contentsPhrase(noSections)).toBe(`${noSections.items.length}项工作`);
  });

  it('names the field a span lies in by the item’s own label', () => {
    const item = seed.items[0]!;
    expect(fieldName(item, 'measures')).toBe('工作措施');
    expect(fieldName(item, 'title')).toBe('标题');
    expect(fieldName(noSections.items[0]!, 'text')).toBe('正文');
  });

  it('tells a plan printed in traditional characters from one in simplified', () => {
    expect(planLang(seed)).toBe('zh-CN');
    expect(planLang(noSections)).toBe('zh-CN');
    expect(planLang(traditional)).toBe('zh-Hant');
  });
});

describe('searching a plan printed in traditional characters', () => {
  const aids = searchAids([traditional]);
  it('reads a query typed in simplified characters as the plan prints it', () => {
    expect(toTraditional('大班额', aids)).toBe('大班額');
    expect(toTraditional('学前教育', aids)).toBe('學前教育');
  });
  it('keeps a query typed as printed, and every character the plan prints', () => {
    expect(toTraditional('大班額', aids)).toBe('大班額');
    expect(toSimplified('大班額', aids)).toBe('大班額');
    const printed = new Set(JSON.stringify(traditional));
    const entries = Object.entries(aids.traditional ?? {});
    expect(entries.length).toBeGreaterThan(0);
    for (const [from, to] of entries) {
      expect(printed.has(from), from).toBe(false);
      expect(printed.has(to), to).toBe(true);
    }
  });
});
