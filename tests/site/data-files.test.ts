/**
 * The published data: plan.json validates against its generated schema and round-trips to the parser's Plan;
 * the CSVs parse with a standard library and agree with the JSON.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportToPlan, type PlanExport } from '../../src/plan/export.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { currentEntry, DIST } from '../support/dist.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';
import { loadDocument } from '../support/html.ts';
import { fieldParagraphs } from '../../src/plan/extract.ts';

// Python as a reader of the CSVs: strict about quoting, as spreadsheet programs are.
const PY_COUNT = `import csv, sys, os
d = sys.argv[1]
print(*[len(list(csv.DictReader(open(os.path.join(d, f + ".csv"), encoding="utf-8-sig", newline="")))) for f in ("items", "offices", "responsibilities")])`;
// The current plan's open data, under /<id>/data/.
const DATA = join(DIST, currentEntry().id, 'data');
const read = (file: string) => readFileSync(join(DATA, file), 'utf8');
const json = JSON.parse(read('plan.json')) as PlanExport;
const csv = (file: string) => parse(readFileSync(join(DATA, file)), { bom: true, columns: true }) as Record<string, string>[];

describe('/data/', () => {
  it('plan.json validates against plan.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(read('plan.schema.json')));
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...json, items: [{ number: 'one' }] })).toBe(false);
  });

  it('plan.json round-trips to the Plan the parser gives for the seed', () => {
    const parsed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
    if (!parsed.ok) throw new Error('seed must parse');
    expect(exportToPlan(json)).toEqual(parsed.value);
  });

  it('items.csv agrees with plan.json', () => {
    const rows = csv('items.csv');
    expect(rows.map((r) => Number(r.number))).toEqual(json.items.map((i) => i.number));
    for (const [i, row] of rows.entries()) {
      const item = json.items[i]!;
      expect(row.title).toBe(item.title);
      expect(row.id).toBe(item.id);
      expect(row.goals).toBe(fieldParagraphs(item, 'goals').join('\n'));
      expect(row.measures).toBe(fieldParagraphs(item, 'measures').join('\n'));
      expect(row.text).toBe(fieldParagraphs(item, 'text').join('\n'));
      expect(Number(row.section_number)).toBe(item.section);
      expect(row.lead_office).toBe(item.offices.find((o) => o.lead)?.name ?? item.responsible?.units[0]?.name ?? '');
    }
  });

  it('every CSV reads with Python’s standard csv module to the right number of rows', () => {
    const counts = execFileSync('python3', ['-c', PY_COUNT, DATA], { encoding: 'utf8' }).trim().split(' ').map(Number);
    expect(counts).toEqual([json.items.length, json.offices.length, json.items.reduce((n, i) => n + (i.responsible?.units.length ?? 0), 0)]);
  });

  it('offices.csv agrees with plan.json', () => {
    const rows = csv('offices.csv');
    expect(rows.map((r) => r.slug)).toEqual(json.offices.map((o) => o.slug));
    for (const row of rows) {
      const office = json.offices.find((o) => o.slug === row.slug)!;
      expect(row.name).toBe(office.name);
      expect(Number(row.item_count)).toBe(office.items.length);
      expect(Number(row.lead_count)).toBe(office.items.filter((i) => i.lead).length);
      expect(row.items_led!.split(' ').filter(Boolean).map(Number)).toEqual(office.items.filter((i) => i.lead).map((i) => i.number));
    }
  });

  it('responsibilities.csv has exactly the 责任单位 entries of plan.json, in order', () => {
    const rows = csv('responsibilities.csv');
    const expected = json.items.flatMap((item) => (item.responsible?.units ?? []).map((u, i) => [item.number, i + 1, u.name, u.kind, u.office ?? '', String(u.lead)].join('|')));
    expect(rows.map((r) => [Number(r.item_number), Number(r.position), r.unit, r.kind, r.office_slug, r.lead].join('|'))).toEqual(expected);
  });

  it('the data page links every file of its own plan and the three downloads', () => {
    const doc = loadDocument(join(DATA, 'index.html'));
    const hrefs = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? '');
    for (const f of ['plan.json', 'plan.schema.json', 'items.csv', 'offices.csv', 'responsibilities.csv']) expect(hrefs.some((h) => h.endsWith(`${currentEntry().id}/data/${f}`)), f).toBe(true);
    expect(hrefs.some((h) => /downloads\/.+\.pdf$/u.test(h))).toBe(true);
    expect(hrefs.some((h) => /downloads\/.+-gbt9704\.pdf$/u.test(h))).toBe(true);
    expect(hrefs.some((h) => /downloads\/.+-offline\.zip$/u.test(h))).toBe(true);
    expect(doc.querySelectorAll('pre.astro-code').length).toBe(3);
  });

  it('the 主要指标 page links every target to its highlighted place, and 引用文件 lists every citation', () => {
    const targets = loadDocument(join(DIST, currentEntry().id, 'targets/index.html'));
    const links = [...targets.querySelectorAll('main a.target')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(json.targets.map((t) => expect.stringMatching(new RegExp(`items/${json.items[t.item - 1]!.id}/#${t.id}$`, 'u'))));
    const citations = loadDocument(join(DIST, currentEntry().id, 'citations/index.html'));
    expect(citations.querySelectorAll('main li[id^="c"]').length).toBe(json.citations.length);
  });
});
