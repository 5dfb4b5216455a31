/**
 * Character-level diffs of aligned pairs: exact inserted and removed text, readable runs, code points.
 */
import { describe, expect, it } from 'vitest';
import { alignEditions } from '../../src/compare/align.ts';
import { diffPair, diffText, type DiffSegment } from '../../src/compare/diff.ts';
import type { MatchedEntry } from '../../src/compare/types.ts';
import { loadEditions } from '../fixtures/editions/load.ts';

const { a, b } = loadEditions();
const alignment = alignEditions(a, b);
const pair = (aId: string): MatchedEntry => {
  const e = alignment.entries.find((x): x is MatchedEntry => x.tag !== '新增' && x.tag !== '删除' && x.a.id === aId);
  if (!e) throw new Error(`no pair for item ${aId}`);
  return e;
};
const changes = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== 'same');
const older = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== 'added').map((s) => s.text).join('');
const newer = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== 'removed').map((s) => s.text).join('');

describe('diffPair on the test edition', () => {
  it('marks exactly the words changed in item 1, as whole words', () => {
    const d = diffPair(pair('1'));
    expect(changes(d.title)).toEqual([]);
    expect(changes(d.text)).toEqual([
      { kind: 'removed', text: '精心筹备' },
      { kind: 'added', text: '认真筹办' },
      { kind: 'added', text: '全体' },
      { kind: 'removed', text: '审议' },
      { kind: 'added', text: '部署' },
      { kind: 'added', text: '重点' },
    ]);
  });

  it('marks a changed figure as the whole number, not its last digit', () => {
    expect(changes(diffPair(pair('16')).text)).toEqual([
      { kind: 'removed', text: '2020' },
      { kind: 'added', text: '2021' },
      { kind: 'removed', text: '93' },
      { kind: 'added', text: '95' },
    ]);
  });

  it('marks the words inserted into a title', () => {
    expect(diffPair(pair('24')).title).toEqual([
      { kind: 'same', text: '促进高校毕业生' },
      { kind: 'added', text: '更加充分更高质量' },
      { kind: 'same', text: '就业创业' },
    ]);
  });

  it('gives both texts back exactly from its runs, for every pair, in both modes', () => {
    for (const e of alignment.entries) {
      if (e.tag === '新增' || e.tag === '删除') continue;
      for (const granularity of ['char', 'word'] as const) {
        const d = diffPair(e, { granularity });
        expect(older(d.text)).toBe(e.a.text);
        expect(newer(d.text)).toBe(e.b.text);
        expect(older(d.title)).toBe(e.a.title);
      }
    }
  });

  it('reads the same in word mode on the test edition (why char mode, ICU-independent, can be the default)', () => {
    for (const id of ['1', '16', '24']) expect(diffPair(pair(id), { granularity: 'word' })).toEqual(diffPair(pair(id)));
  });
});

describe('diffText', () => {
  it('compares code points: an astral character is changed whole, never half a surrogate pair', () => {
    expect(diffText('发展𠀀事业', '发展𠀁事业')).toEqual([
      { kind: 'same', text: '发展' },
      { kind: 'removed', text: '𠀀' },
      { kind: 'added', text: '𠀁' },
      { kind: 'same', text: '事业' },
    ]);
  });

  it('folds a one-character coincidence into the change around it, but keeps a shared two-character word', () => {
    // Raw jsdiff: [-精心][+认真]筹[-备][+办]
    expect(diffText('精心筹备会议', '认真筹办会议')).toEqual([
      { kind: 'removed', text: '精心筹备' },
      { kind: 'added', text: '认真筹办' },
      { kind: 'same', text: '会议' },
    ]);
    expect(changes(diffText('组长有关专题', '副组长有关课题'))).toEqual([
      { kind: 'added', text: '副' },
      { kind: 'removed', text: '专' },
      { kind: 'added', text: '课' },
    ]);
  });

  it('returns one same run for equal texts and nothing for two empty ones', () => {
    expect(diffText('加强建设', '加强建设')).toEqual([{ kind: 'same', text: '加强建设' }]);
    expect(diffText('', '')).toEqual([]);
  });
});
