/**
 * The single-character converters (src/search/converters.ts) are built from opencc's configurations without its
 * phrase entries: they must give, for every character the search aids and the script check convert, exactly what
 * opencc's own converters give.
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { fromMainland, toMainland } from '../../src/search/converters.ts';

/** The CJK Unified Ideographs block and Extension A: the characters the search aids convert (src/search/aids.ts). */
const CHARACTERS: string[] = [];
for (const [first, last] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) for (let cp = first; cp <= last; cp++) CHARACTERS.push(String.fromCodePoint(cp));

const STANDARDS = ['t', 'tw', 'hk'] as const;

describe('single-character converters', () => {
  it.each(STANDARDS.map((s, i) => [s, i] as const))('%s → cn and back agree with OpenCC.Converter on every character', (standard, i) => {
    const pairs = [
      [toMainland()[i]!, OpenCC.Converter({ from: standard, to: 'cn' })],
      [fromMainland()[i]!, OpenCC.Converter({ from: 'cn', to: standard })],
    ] as const;
    for (const [ours, opencc] of pairs) {
      // One string per character, joined by a line break, which no dictionary entry holds: opencc converts the lot in one call.
      const expected = opencc(CHARACTERS.join('\n')).split('\n');
      expect(expected).toHaveLength(CHARACTERS.length);
      const differing = CHARACTERS.filter((ch, k) => ours(ch) !== expected[k]);
      expect(differing).toEqual([]);
    }
  });

  it('converts: traditional to simplified and back, per standard', () => {
    expect(toMainland().map((c) => c('學'))).toEqual(['学', '学', '学']);
    expect(fromMainland().map((c) => c('学'))).toEqual(['學', '學', '學']);
    // The standards differ: Taiwan writes 裡 and 著 where opencc's t and Hong Kong write 裏 and 着.
    expect(toMainland().map((c) => c('裡'))).toEqual(['里', '里', '里']);
    expect(fromMainland().map((c) => c('里'))).toEqual(['裏', '裡', '裏']);
    expect(fromMainland().map((c) => c('着'))).toEqual(['着', '著', '着']);
  });
});
