import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { itemsToCsv, officesToCsv, responsibilitiesToCsv, ITEM_COLUMNS } from '../../src/plan/csv.ts';
import { EXPORT_FORMAT, exportJsonSchema, exportToPlan, planToExport } from '../../src/plan/export.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { fieldParagraphs } from '../../src/plan/extract.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

function load(path: string): Plan {
  const r = parsePlan(readFileSync(path, 'utf8'), SEED_OPTIONS);
  if (!r.ok) throw new Error('fixture must parse');
  return r.value;
}
const plan = load(SEED_FILE);
const hostile = load('tests/fixtures/hostile-characters/input.txt');
const rows = (csv: string) => parse(csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];

describe('plan.json export', () => {
  it('round-trips through JSON text to the parser’s Plan', () => {
    for (const p of [plan, hostile]) expect(exportToPlan(JSON.parse(JSON.stringify(planToExport(p, 'x.txt'))))).toEqual(p);
  });
  it('lists each item’s offices by canonical name, slug and lead flag', () => {
    const item8 = planToExport(plan, 'x.txt').items[7]!;
    expect(item8.offices.at(-1)).toEqual({ name: '教育考试院', slug: 'jiaoyukaoshiyuan', lead: false });
    expect(planToExport(plan, 'x.txt').items[0]!.offices).toEqual([{ name: '秘书处', slug: 'mishuchu', lead: true }]);
  });
  it('names one versioned format for every plan, not after any plan', () => {
    const formats = [plan, hostile].map((p) => planToExport(p, 'x.txt').format);
    expect(new Set(formats)).toEqual(new Set([EXPORT_FORMAT]));
    expect(EXPORT_FORMAT).toMatch(/^[a-z]+(?:-[a-z]+)*\/\d+$/u);
    // Nothing of a plan in the name: not its issuer's words, its year or its file name.
    for (const word of ['hunan', 'education', String(plan.notice?.isoDate.slice(0, 4))]) expect(EXPORT_FORMAT).not.toContain(word);
  });
  it('rejects data that does not match the format', () => {
    const bad = { ...planToExport(plan, 'x.txt'), format: 'other/9' };
    expect(() => exportToPlan(bad)).toThrow();
    // Data written in the format's earlier name is refused, not read as if nothing had changed.
    expect(() => exportToPlan({ ...planToExport(plan, 'x.txt'), format: 'hunan-education-plan/2' })).toThrow();
  });
  it('has a generated draft 2020-12 JSON Schema that documents itself', () => {
    const schema = exportJsonSchema('https://example.org/data/plan.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(schema)).toContain('Canonical office name');
  });
});

describe('CSV files', () => {
  it('start with a BOM and use CRLF line ends', () => {
    for (const csv of [itemsToCsv(plan), officesToCsv(plan), responsibilitiesToCsv(plan)]) {
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.split('\r\n').length).toBeGreaterThan(2);
    }
  });
  it('has one row per item with the columns in order', () => {
    const csv = itemsToCsv(plan);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(ITEM_COLUMNS.join(','));
    const items = rows(csv);
    expect(items).toHaveLength(33);
    expect(items[11]!.measures!.split('\n')).toEqual(fieldParagraphs(plan.items[11]!, 'measures'));
    // A cell with a paragraph break is quoted, so strict readers (Excel, Python's csv) keep the row whole.
    expect(csv).toContain(`"${fieldParagraphs(plan.items[11]!, 'measures').join('\n')}"`);
  });
  it('quotes commas, quotes and line breaks so hostile text survives a standard parser', () => {
    const items = rows(itemsToCsv(hostile));
    expect(items[0]!.title).toBe(hostile.items[0]!.title);
    expect(items[0]!.goals).toBe(fieldParagraphs(hostile.items[0]!, 'goals').join('\n'));
    expect(items[0]!.goals).toContain('"双引号"');
    expect(items[0]!.measures).toBe(fieldParagraphs(hostile.items[0]!, 'measures').join('\n'));
  });
  it('lists every 责任单位 entry, groups included', () => {
    const r = rows(responsibilitiesToCsv(plan));
    expect(r).toHaveLength(plan.items.reduce((n, i) => n + (i.responsible?.units.length ?? 0), 0));
    expect(r.filter((x) => x.kind === 'group').map((x) => x.unit)).toEqual(['相关处室', '相关处室', '厅新冠肺炎疫情防控领导小组成员处室', '厅扶贫领导小组成员处室']);
    expect(r.filter((x) => x.lead === 'true')).toHaveLength(33);
  });
});
