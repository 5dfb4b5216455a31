/**
 * Search that forgives the way people type: a query in pinyin (基教处 as “jjc” or “jijiaochu”) or in traditional
 * characters (大班額) is turned into the Chinese text the plans use, which is then searched exactly as any
 * query. Pure and small, for the browser: the conversion tables are computed at build time (src/search/aids.ts,
 * with pinyin-pro and opencc-js) for just the names and characters the plans hold, because the libraries'
 * own dictionaries are far too large to send to a phone for a search box.
 */

/** What the build computes for the forgiving search (see src/search/aids.ts). */
export interface SearchAids {
  /** Traditional or variant character → the simplified character the plans print (only those they print). */
  simplified: Record<string, string>;
  /** Simplified character → the traditional character the plans print: for plans printed in traditional characters. */
  traditional?: Record<string, string>;
  /** Texts a reader may type in pinyin (office names and aliases, item headlines), with one syllable per character. */
  terms: { text: string; syllables: string[] }[];
}

/** How a query was understood, when not as typed. */
export interface Reading {
  how: '拼音' | '简体字' | '繁体字';
  /** The Chinese text searched instead. */
  terms: string[];
}

/**
 * The query with each character the plans print only in simplified form replaced by it; characters the plans
 * print themselves are kept, so a query that can match as typed is never changed.
 * @example toSimplified('大班額', { simplified: { 額: '额' }, terms: [] }) // '大班额'
 */
export function toSimplified(query: string, aids: SearchAids): string {
  return [...query].map((ch) => aids.simplified[ch] ?? ch).join('');
}

/**
 * The query with each simplified character that the plans print only in traditional form replaced by that form,
 * for a plan printed in traditional characters; characters the plans print themselves are kept.
 * @example toTraditional('大班额', { simplified: {}, traditional: { 额: '額' }, terms: [] }) // '大班額'
 */
export function toTraditional(query: string, aids: SearchAids): string {
  return [...query].map((ch) => aids.traditional?.[ch] ?? ch).join('');
}

/** The query as pinyin letters, or undefined when it is not pinyin (digits, Chinese, one letter). */
function pinyinQuery(query: string): string | undefined {
  const q = query.toLowerCase().replace(/[\s'’]+/gu, '');
  return /^[a-zü]{2,}$/u.test(q) ? q.replaceAll('ü', 'v') : undefined;
}

/**
 * Where the letters `q` (from `at`) are spelt by the syllables from `k` on, each syllable given in full or by its
 * first letters (ji-jiao-chu, jjc, jijiaoc): the index after the last syllable used, or -1. Longest spelling first,
 * backtracking, as pinyin input methods read initials.
 */
function spell(q: string, at: number, syllables: readonly string[], k: number): number {
  const syllable = syllables[k];
  if (syllable === undefined || !/^[a-z]+$/u.test(syllable)) return -1;
  for (let len = Math.min(syllable.length, q.length - at); len >= 1; len--) {
    if (!q.startsWith(syllable.slice(0, len), at)) continue;
    if (at + len === q.length) return k + 1;
    const end = spell(q, at + len, syllables, k + 1);
    if (end !== -1) return end;
  }
  return -1;
}

/**
 * The Chinese texts a pinyin query spells: the whole names it spells (an office typed as jjc), or else runs of at
 * least two characters inside names and headlines; at most `limit`, each once.
 * @example pinyinTerms('jjc', { simplified: {}, terms: [{ text: '基教处', syllables: ['ji', 'jiao', 'chu'] }] }) // ['基教处']
 */
export function pinyinTerms(query: string, aids: SearchAids, limit = 5): string[] {
  const q = pinyinQuery(query);
  if (!q) return [];
  const whole: string[] = [];
  const parts: string[] = [];
  for (const { text, syllables } of aids.terms) {
    const chars = [...text];
    for (let start = 0; start < syllables.length; start++) {
      const end = spell(q, 0, syllables, start);
      if (end - start < 2) continue;
      (start === 0 && end === chars.length ? whole : parts).push(chars.slice(start, end).join(''));
      break;
    }
  }
  // Letters that spell a whole name mean that name; runs inside headlines only when they spell none.
  return [...new Set(whole.length > 0 ? whole : parts)].slice(0, limit);
}
