/**
 * Fixture folders (remark-gfm style): tests/fixtures/<case>/input.txt (or input.bin) + expected.json.
 * Valid cases expect the Plan; cases named error-* expect the formatted problems.
 * `UPDATE=1 npx vitest run tests/unit/parse-fixtures.test.ts` rewrites the expectations; review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../src/plan/decode.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { formatProblem } from '../../src/plan/problem.ts';

const root = 'tests/fixtures';
const cases = readdirSync(root, { withFileTypes: true })
  // A parser case is a folder with an input file; others (search/, editions/) hold data for other tests.
  .filter((d) => d.isDirectory() && ['input.txt', 'input.bin'].some((f) => existsSync(join(root, d.name, f))))
  .map((d) => d.name)
  .sort();

function run(dir: string): unknown {
  const file = existsSync(join(dir, 'input.txt')) ? 'input.txt' : 'input.bin';
  const decoded = decodePlanBytes(readFileSync(join(dir, file)));
  if (!decoded.ok) return { problems: decoded.problems.map((p) => formatProblem(file, p)) };
  const parsed = parsePlan(decoded.value.text);
  if (!parsed.ok) return { problems: parsed.problems.map((p) => formatProblem(file, p)) };
  return { encoding: decoded.value.encoding, plan: parsed.value };
}

describe('parser fixtures', () => {
  it('has a fixture folder for the real plan, every quirk and every malformed case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(readFileSync(join(root, 'real-plan/input.txt'))).toEqual(readFileSync('seeds/hunan-education-2020-work-plan.txt'));
  });

  for (const name of cases) {
    it(`${name} gives ${name.startsWith('error-') ? 'located problems' : 'the expected plan'}`, () => {
      const dir = join(root, name);
      const actual = run(dir);
      const expectedPath = join(dir, 'expected.json');
      if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      }
      if (name.startsWith('error-')) expect(actual).toHaveProperty('problems');
      else expect(actual).toHaveProperty('plan');
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
