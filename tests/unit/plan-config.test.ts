/**
 * A plan folder's config: a folder with only a source file is a plan; a config overrides and is checked.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/config/digest.ts';
import { checkSourceDigest, formatConfigProblem, locateKey, parseConfigJson, resolvePlanConfig, titleFacts, yearSpan, type ConfigResult } from '../../src/config/plan-config.ts';

const doc = { title: '湖南省教育厅 中共湖南省委教育工委 2020 年工作要点', titleAt: { line: 14, column: 1 } };
const txt = [{ name: 'plan.txt' }];
const messages = (r: ConfigResult) => (r.ok ? [] : r.problems.map(formatConfigProblem));

describe('resolvePlanConfig', () => {
  it('makes a plan of a folder holding only its source file: id, year and series from the document', () => {
    expect(resolvePlanConfig(txt, undefined, doc)).toEqual({
      ok: true,
      value: {
        id: '2020',
        year: 2020,
        yearFrom: 'title',
        // The title without its year: the series every edition's title shares.
        series: '湖南省教育厅 中共湖南省委教育工委工作要点',
        sourceFile: 'plan.txt',
        source: {},
        officeAliases: {},
        editorialNotes: [],
        fromDocument: ['id', 'year', 'series'],
      },
    });
  });

  it('takes every field the config gives', () => {
    const config = {
      id: 'jyt-2021',
      year: 2021,
      series: '某某工作要点',
      status: '已被替代',
      supersedes: '2020',
      source: { file: 'b.pdf', url: 'https://example.org/a.html', publishedAt: '2021-03-01', sha256: 'a'.repeat(64) },
      officeAliases: { 考试院: '教育考试院' },
      editorialNotes: [{ id: 'n1', item: 3, passage: '某段', note: '编者注' }],
    };
    const r = resolvePlanConfig([{ name: 'a.txt' }, { name: 'b.pdf' }, { name: 'plan.json' }], config, { title: '某某 2021年工作要点' });
    expect(r.ok && r.value).toMatchObject({ id: 'jyt-2021', status: '已被替代', supersedes: '2020', sourceFile: 'b.pdf', fromDocument: [] });
    expect(r.ok && r.value.source).toEqual({ url: 'https://example.org/a.html', publishedAt: '2021-03-01', sha256: 'a'.repeat(64) });
  });

  it('says which key is wrong and what it must be, for every wrong key at once', () => {
    const r = resolvePlanConfig(txt, { status: '有效', staus: 1, year: '2020', source: { sha256: 'xyz', site: 'a' } }, doc);
    expect(messages(r)).toMatchInlineSnapshot(`
      [
        "config-invalid: plan.json: year must be a whole number, e.g. 2021",
        "config-invalid: plan.json: status must be one of 现行有效, 已失效, 已被替代",
        "config-invalid: plan.json: source.sha256 must be 64 lower-case hexadecimal digits (sha256sum prints it)",
        "config-invalid: plan.json: source: unknown key “site”. Check the spelling; the keys are file, url, publishedAt, sha256.",
        "config-invalid: plan.json: unknown key “staus”. Check the spelling; the keys are $comment, id, year, yearTo, series, status, supersedes, source, officeAliases, editorialNotes.",
      ]
    `);
  });

  it('reports a year that contradicts the title, a plan superseding itself, and alias chains', () => {
    const r = resolvePlanConfig(txt, { year: 2021, supersedes: '2021', officeAliases: { 甲: '乙', 乙: '丙', 丁: '丁' } }, doc);
    expect(messages(r)).toEqual([
      'config-conflict: plan.json: year is 2021 but the document says 2020 (title “湖南省教育厅 中共湖南省委教育工委 2020 年工作要点”). Correct year, or remove it to use the document\'s.',
      'config-invalid: plan.json: supersedes names the plan itself (2021). Give the id of the plan this one replaces.',
      'config-invalid: plan.json: officeAliases.甲 maps to 乙, which is itself an alias. Map 甲 to the final canonical name.',
      'config-invalid: plan.json: officeAliases.丁 maps the name to itself. Remove the entry.',
    ]);
  });

  it('asks for the year at the title in the source, naming plan.json as where to give it, when neither title nor notice states one', () => {
    const r = resolvePlanConfig(txt, undefined, { title: '工作安排', titleAt: { line: 3, column: 2 } });
    expect(r.ok ? [] : r.problems).toEqual([
      {
        file: 'plan.txt',
        ruleId: 'year-unknown',
        at: { line: 3, column: 2 },
        message: 'the title “工作安排” names no year (such as 2021年 or （2018—2020年）) and the document has no 成文日期 (neither a covering notice nor a signed date after the plan). Give the year as "year": 2021 in the plan folder\'s plan.json (create it beside the file if there is none, with "source": { "file": "plan.txt" }).',
      },
    ]);
    expect(resolvePlanConfig(txt, { year: 2022, series: '某工作安排' }, { title: '工作安排' }).ok).toBe(true);
  });

  it('takes the year from the notice’s 成文日期 when the title names none, and the whole title as the series', () => {
    const r = resolvePlanConfig(txt, undefined, { title: '某某局重点工作安排', isoDate: '2022-02-15' });
    expect(r.ok && r.value).toMatchObject({ id: '2022', year: 2022, yearFrom: 'date', series: '某某局重点工作安排' });
    expect(r.ok && 'yearTo' in r.value).toBe(false);
  });

  it('keeps a span of years as a span: first year, last year, an id naming both, the series without the span', () => {
    const r = resolvePlanConfig(txt, undefined, { title: '某某省教育现代化推进计划（2018—2020年）', isoDate: '2018-05-02' });
    expect(r.ok && r.value).toMatchObject({ id: '2018-2020', year: 2018, yearTo: 2020, yearFrom: 'title', series: '某某省教育现代化推进计划' });
    expect(messages(resolvePlanConfig(txt, { yearTo: 2021 }, { title: '某某计划（2018—2020年）' }))[0]).toMatch(/^config-conflict: plan\.json: yearTo is 2021 but the title/u);
    expect(messages(resolvePlanConfig(txt, { year: 2020, yearTo: 2019 }, { title: '某某计划' }))[0]).toMatch(/^config-invalid: plan\.json: yearTo \(2019\) must come after year \(2020\)/u);
  });

  it('finds the one source document, and asks which when there are several or none', () => {
    expect(resolvePlanConfig([{ name: 'README.md' }, { name: '原文.DOCX' }], undefined, doc).ok && 'ok').toBe('ok');
    expect(messages(resolvePlanConfig([{ name: 'a.txt' }, { name: 'a.pdf' }], undefined, doc))).toEqual([
      'source-ambiguous: .: the folder holds several source documents (a.pdf, a.txt). Keep one, or name it in plan.json as "source": { "file": "a.pdf" }.',
    ]);
    expect(messages(resolvePlanConfig([{ name: 'notes.md' }], undefined, doc))[0]).toMatch(/^source-missing: \.: the folder holds no source document/u);
    expect(messages(resolvePlanConfig(txt, { source: { file: 'x.pdf' } }, doc))[0]).toBe('source-missing: plan.json: source.file names x.pdf, which is not in the folder (it holds plan.txt).');
  });

  it('refuses a YAML config rather than ignoring it', () => {
    expect(messages(resolvePlanConfig([...txt, { name: 'plan.yaml' }], undefined, doc))).toEqual([
      'config-format: plan.yaml: the config is read from plan.json only; write the same fields as JSON in plan.json and delete plan.yaml.',
    ]);
  });

  it('checks the recorded SHA-256 against the digest of the file received', () => {
    const bytes = new TextEncoder().encode('湖南省教育厅');
    const digest = sha256Hex(bytes);
    const config = { source: { sha256: digest } };
    expect(resolvePlanConfig([{ name: 'plan.txt', sha256: digest }], config, doc).ok).toBe(true);
    const other = sha256Hex(new TextEncoder().encode('湖南省教育厅 '));
    expect(messages(resolvePlanConfig([{ name: 'plan.txt', sha256: other }], config, doc))[0]).toBe(
      `source-digest: plan.json: source.sha256 is ${digest} but plan.txt has SHA-256 ${other}: the file is not the one received. Restore the original file, or record the new digest if the new file is the one to publish.`,
    );
  });
});

describe('helpers', () => {
  it('sha256Hex is the standard digest', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('checkSourceDigest accepts upper-case hex of the same digest', () => {
    expect(checkSourceDigest('AB'.repeat(32), 'ab'.repeat(32), 'plan.txt')).toBeUndefined();
  });
  it('titleFacts reads year, series, genre and issuer, with full-width digits', () => {
    expect(titleFacts('某某厅 ２０２１年工作要点')).toEqual({ year: 2021, series: '某某厅工作要点', genre: '工作要点', issuer: '某某厅' });
    expect(titleFacts('工作要点')).toEqual({ series: '工作要点' });
  });
  it('titleFacts reads the forms of year titles carry, and cuts the year (with its brackets) out of the series', () => {
    expect(titleFacts('某某市教育局2021年度工作要点')).toMatchObject({ year: 2021, series: '某某市教育局工作要点', genre: '工作要点' });
    expect(titleFacts('某某市教育局二〇二一年工作要点')).toMatchObject({ year: 2021, series: '某某市教育局工作要点' });
    expect(titleFacts('某某行动计划(2021-2025年)')).toEqual({ year: 2021, yearTo: 2025, series: '某某行动计划' });
    expect(titleFacts('某某省2019～2021年教师队伍建设规划')).toMatchObject({ year: 2019, yearTo: 2021, series: '某某省教师队伍建设规划', issuer: '某某省' });
    expect(titleFacts('某某省“十四五”教育事业发展规划')).toEqual({ year: 2021, yearTo: 2025, series: '某某省教育事业发展规划' });
    // Not a span (the second year is not after the first): no year is read rather than one guessed.
    expect(titleFacts('某某计划（2020—2018年）').year).toBeUndefined();
  });
  it('yearSpan shows a span with a dash, a year alone as it is', () => {
    expect(yearSpan({ year: 2018, yearTo: 2020 })).toBe('2018—2020');
    expect(yearSpan({ year: 2020 })).toBe('2020');
  });
  it('locateKey finds a key of plan.json, or the nearest enclosing key that is there', () => {
    const text = '\uFEFF{\n  "year": "2020",\n  "source": {\n    "sha256": "xyz"\n  }\n}\n';
    expect(locateKey(text, ['year'])).toEqual({ line: 2, column: 3 });
    expect(locateKey(text, ['source', 'sha256'])).toEqual({ line: 4, column: 5 });
    expect(locateKey(text, ['source', 'file'])).toEqual({ line: 3, column: 3 });
  });
  it('parseConfigJson names the file on a syntax error', () => {
    const r = parseConfigJson('{"year": 2020,}');
    expect(r.ok).toBe(false);
    expect(!r.ok && formatConfigProblem(r.problems[0]!)).toMatch(/^config-json: plan\.json: is not valid JSON \(.+\)\. Check commas and quotes there\.$/u);
    expect(!r.ok && r.problems[0]!.at).toEqual({ line: 1, column: 15 });
    expect(parseConfigJson('\uFEFF{"year": 2020}')).toEqual({ ok: true, value: { year: 2020 } });
  });
});
