/**
 * The tests' own plan (tests/fixtures/numbering-styles: a fixture of two sections) as an archive holds it, for the
 * tests of what a build makes from an archive's plans without a built content/: `fixtureSeed`, and copies of it
 * under other ids and years.
 */
import { readFileSync } from 'node:fs';
import { ArchiveEntrySchema, type ArchiveEntry } from '../../src/config/archive-entry.ts';
import { toArchiveEntries } from '../../src/generate/archive.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';

const parsed = parsePlan(readFileSync('tests/fixtures/numbering-styles/input.txt', 'utf8'));
if (!parsed.ok) throw new Error('the fixture must parse');

/** The fixture plan as the archive entry `demo` of 2021. */
export const fixtureSeed: ArchiveEntry = toArchiveEntries([
  {
    config: { id: 'demo', year: 2021, yearFrom: 'config', series: '测试计划工作要点', sourceFile: 'input.txt', source: {}, officeAliases: {}, editorialNotes: [], fromDocument: [] },
    plan: parsed.value,
    notes: [],
  },
])[0]!;

/** A copy of the fixture entry as plan `id` of `year`. */
export function fixtureEntry(id: string, year: number): ArchiveEntry {
  return ArchiveEntrySchema.parse({ ...structuredClone(fixtureSeed), id, year });
}
