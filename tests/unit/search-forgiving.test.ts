/**
 * The forgiving search's readings (src/search/forgiving.ts) with the tables built from the seed
 * (src/search/aids.ts): pinyin and initials spell office names, traditional characters become the simplified
 * ones the plan prints, and a query that can match as typed is never read another way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { searchAids } from '../../src/search/aids.ts';
import { pinyinTerms, toSimplified, type SearchAids } from '../../src/search/forgiving.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';
import { fixtureQueries } from '../support/search-truth.ts';

const parsed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!parsed.ok) throw new Error('the seed must parse');
const plan = parsed.value;
const aids = searchAids([plan]);

describe('pinyinTerms', () => {
  it.each([
    ['jjc', '基教处'],
    ['jijiaochu', '基教处'],
    ['JiJiaoChu', '基教处'],
    ['ji jiao chu', '基教处'],
    ['jjchu', '基教处'],
    ['jijiaoc', '基教处'],
  ])('reads %s as %s', (query, name) => {
    expect(pinyinTerms(query, aids)).toEqual([name]);
  });

  it('spells every office of the seed by its full pinyin and finds it among the names its initials spell', () => {
    for (const office of plan.offices) {
      const syllables = aids.terms.find((t) => t.text === office.name)!.syllables;
      expect(pinyinTerms(syllables.join(''), aids), office.name).toContain(office.name);
      if (syllables.every((s) => s !== '')) expect(pinyinTerms(syllables.map((s) => s[0]).join(''), aids), office.name).toContain(office.name);
    }
  });

  it('reads runs inside headlines when the letters spell no whole name', () => {
    const terms = pinyinTerms('xueqian', aids);
    expect(terms).toContain('学前');
    expect(terms.every((t) => plan.items.some((i) => i.title.includes(t)) || plan.offices.some((o) => o.name === t))).toBe(true);
  });

  it('reads nothing into one letter, digits, Chinese or letters no name spells', () => {
    for (const query of ['j', '93', '基教处', 'qwxz', '1+x', '']) expect(pinyinTerms(query, aids), query).toEqual([]);
  });

  it('lets no syllable of a character that is not Chinese spell anything', () => {
    const withLatin: SearchAids = { simplified: {}, terms: [{ text: '1+X证书', syllables: ['', '', '', 'zheng', 'shu'] }] };
    expect(pinyinTerms('xzs', withLatin)).toEqual([]);
    expect(pinyinTerms('zs', withLatin)).toEqual(['证书']);
  });
});

describe('toSimplified', () => {
  it('turns traditional and variant characters into the simplified ones the plan prints', () => {
    expect(toSimplified('大班額', aids)).toBe('大班额');
    expect(toSimplified('教育廳', aids)).toBe('教育厅');
    expect(toSimplified('學校', aids)).toBe('学校');
  });

  it('never changes a character the plan prints, so every fixture query stays as typed', () => {
    for (const { query } of fixtureQueries()) expect(toSimplified(query, aids)).toBe(query);
    const printed = new Set([...plan.items.flatMap((i) => i.fields.flatMap((f) => f.paragraphs)).join('')]);
    for (const [from, to] of Object.entries(aids.simplified)) {
      expect(printed.has(from), from).toBe(false);
      expect(to).not.toBe(from);
    }
  });
});
