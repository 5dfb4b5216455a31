/**
 * Fixture folders (remark-gfm style): tests/fixtures/<case>/input.<ext> + expected.json, one folder per form
 * of real input. Valid cases expect the Plan (with the reader's warnings and summary); cases named error-*
 * expect the formatted problems. A folder without expected.json fails: `UPDATE=1 npx vitest run
 * tests/unit/parse-fixtures.test.ts` writes the expectations, to be reviewed in the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToDocument, describeRead } from '../../src/publish/content/read-plan.ts';
import { parseDocument } from '../../src/plan/parse-plan.ts';
import { formatProblem } from '../../src/plan/problem.ts';
import { SEED_FILE } from '../support/seed.ts';

const root = 'tests/fixtures';
/** Folders of tests/fixtures that hold other tests' data, not a parser case; every other folder is one. */
const OTHER_DATA: Record<string, string> = {
  editions: 'a second edition of the seed, for the comparison tests (tests/fixtures/editions/README.md)',
  search: 'the search queries and their items (tests/support/search-truth.ts)',
};
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const hasInput = (name: string) => readdirSync(join(root, name)).some((f) => f.startsWith('input.'));
// A case folder without its input must fail (below), never drop out of the loop unseen.
const cases = folders.filter((name) => !(name in OTHER_DATA));

async function run(dir: string): Promise<unknown> {
  const file = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const doc = await bytesToDocument(readFileSync(join(dir, file)), file);
  if (!doc.ok) return { problems: doc.problems.map((p) => formatProblem(file, p)) };
  // A fixture may carry the plan config's reader options (office aliases), as a plan folder's plan.json does.
  const optionsPath = join(dir, 'options.json');
  const parsed = parseDocument(doc.value, existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {});
  if (!parsed.ok) return { problems: parsed.problems.map((p) => formatProblem(file, p)) };
  const warnings = parsed.warnings.map((p) => formatProblem(file, p));
  return { summary: describeRead({ plan: parsed.value, report: parsed.report, warnings }), plan: parsed.value };
}

describe('parser fixtures', () => {
  it('has a fixture folder for the real plan, every form and every malformed case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    expect(readFileSync(join(root, 'real-plan/input.txt'))).toEqual(readFileSync(SEED_FILE));
  });

  it('has an input.* in every case folder, and names only existing folders as other tests’ data', () => {
    expect(cases.filter((name) => !hasInput(name)), 'case folders without an input.* file').toEqual([]);
    expect(Object.keys(OTHER_DATA).filter((name) => !folders.includes(name))).toEqual([]);
  });

  for (const name of cases) {
    it(`${name} gives ${name.startsWith('error-') ? 'located problems' : 'the expected plan'}`, async () => {
      const dir = join(root, name);
      expect(hasInput(name), `${dir} has no input.* file`).toBe(true);
      const actual = await run(dir);
      const expectedPath = join(dir, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      // A missing expectation is a failure, never a pass against itself.
      expect(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE=1 and review it`).toBe(true);
      if (name.startsWith('error-')) expect(actual).toHaveProperty('problems');
      else expect(actual).toHaveProperty('plan');
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
