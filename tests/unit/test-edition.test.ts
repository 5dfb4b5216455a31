/**
 * The second edition used by the comparison and two-plan tests: its committed text (tests/fixtures/editions/2021/)
 * is the invented edition makeTestEdition builds from the seed, written once with planToText, and reads back to
 * that same plan. If the seed, the builder or the parser change, this fails instead of the fixture silently drifting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { makeTestEdition } from '../fixtures/editions/2021-test-edition.ts';
import { loadSeed } from '../fixtures/editions/load.ts';
import { DEFAULT_PLANS_DIR } from '../../src/contract/plan-inputs.ts';

const FOLDER = 'tests/fixtures/editions/2021';
const config = JSON.parse(readFileSync(join(FOLDER, 'plan.json'), 'utf8')) as { source: { file: string }; officeAliases: Record<string, string>; $comment: string };
const text = readFileSync(join(FOLDER, config.source.file), 'utf8');

describe('the test edition fixture', () => {
  const edition = makeTestEdition(loadSeed());

  it('is the text of the edition the builder makes from the seed', () => {
    expect(text).toBe(planToText(edition));
  });

  it('reads back to that edition: same items, sections, offices and title', () => {
    const parsed = parsePlan(text, { officeAliases: config.officeAliases });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
    expect(parsed.value.title).toBe(edition.title);
    expect(parsed.value.items.map((i) => [i.number, i.title, i.fields.flatMap((f) => f.paragraphs)])).toEqual(edition.items.map((i) => [i.number, i.title, i.fields.flatMap((f) => f.paragraphs)]));
    expect(parsed.value.sections.map((s) => s.items)).toEqual(edition.sections.map((s) => s.items));
    expect(parsed.value.offices.map((o) => o.slug)).toEqual(edition.offices.map((o) => o.slug));
  });

  it('is marked as test data and is not in the folder the default build reads', () => {
    expect(edition.title).toContain('测试数据');
    expect(config.$comment).toMatch(/TEST DATA, NOT A REAL PLAN/u);
    expect(readFileSync('tests/fixtures/editions/README.md', 'utf8')).toMatch(/NOT a real plan/u);
    const seeded = readdirSync(DEFAULT_PLANS_DIR, { recursive: true }).map(String);
    expect(seeded.some((f) => f.endsWith(config.source.file))).toBe(false);
  });
});
