import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { excerpt, findMatches, matches, normalizeQuery, queryTokens, toIndexContent } from '../../src/search/match.ts';
import { planToSearchRecords } from '../../src/search/records.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

describe('matching', () => {
  it('ignores whitespace on both sides', () => {
    expect(matches('增加公办幼儿园学位 25 万个', '25万个')).toBe(true);
    expect(matches('达到93%', '93 %')).toBe(true);
  });
  it('folds Latin case', () => {
    expect(matches('推进 1+X 证书', '1+x')).toBe(true);
  });
  it('finds nothing for an empty or whitespace query', () => {
    expect(matches('任何文字', ' \u3000')).toBe(false);
    expect(findMatches('任何文字', '')).toEqual([]);
  });
  it('returns ranges of the original text', () => {
    const text = '学位 25 万个，再 25万个';
    expect(findMatches(text, '25万个').map(([s, e]) => text.slice(s, e))).toEqual(['25 万个', '25万个']);
  });
  it('does not match part of the query', () => {
    expect(matches('新教育', '新教材')).toBe(false);
  });
  it('normalizes queries', () => {
    expect(normalizeQuery(' 1+X 证书 ')).toBe('1+x证书');
  });
});

describe('index tokens', () => {
  it('stores every character as its own token', () => {
    expect(toIndexContent('大班额 5%')).toBe('大 班 额 5 %');
  });
  it('asks the index only for letters and digits', () => {
    expect(queryTokens('1+X 证书')).toEqual(['1', 'x', '证', '书']);
    expect(queryTokens('“”')).toEqual([]);
  });
  it('never proposes fewer pages than contain the query: every query token is a stored token', () => {
    const text = '推进 1+X 证书制度试点，达到93%。';
    const stored = new Set(toIndexContent(text).toLowerCase().split(' '));
    for (const q of ['1+X', '93%', '证书制度', '到93']) for (const t of queryTokens(q)) expect(stored.has(t)).toBe(true);
  });
});

describe('excerpt', () => {
  it('marks every match near the first and trims with ellipses', () => {
    const parts = excerpt(`${'甲'.repeat(50)}芙蓉学校乙芙蓉学校${'丙'.repeat(80)}`, '芙蓉学校', 10);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['芙蓉学校', '芙蓉学校']);
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
  });
});

describe('search records', () => {
  const plan = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
  if (!plan.ok) throw new Error('seed must parse');
  const records = planToSearchRecords(plan.value);
  it('has one record per item, office and section', () => {
    expect(records.filter((r) => r.kind === 'item')).toHaveLength(33);
    expect(records.filter((r) => r.kind === 'office')).toHaveLength(plan.value.offices.length);
    expect(records.filter((r) => r.kind === 'section')).toHaveLength(8);
  });
  it('gives an item its whole text as printed, with its units', () => {
    const r = records.find((x) => x.path === 'items/24/')!;
    expect(r.text.startsWith('24.促进高校毕业生就业创业\n目标任务：')).toBe(true);
    expect(r.text.endsWith('责任单位：学生处、高教处、就业指导中心')).toBe(true);
    expect(r.offices).toEqual(['学生处', '高教处', '就业指导中心']);
  });
  it('names an office by its aliases too', () => {
    expect(records.find((x) => x.title === '教育考试院')!.text).toContain('考试院');
  });
});

describe('the search fixture file', () => {
  it('holds queries whose expected items are exactly the items containing them', async () => {
    const { fixtureQueries, expectedItems } = await import('../support/search-truth.ts');
    const seed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
    if (!seed.ok) throw new Error('seed must parse');
    const queries = fixtureQueries();
    expect(queries.length).toBe(24);
    for (const { query, items } of queries) expect(expectedItems(seed.value, query), query).toEqual(items);
  });
});
