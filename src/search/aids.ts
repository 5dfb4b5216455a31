/**
 * The tables of the forgiving search (src/search/forgiving.ts), computed at build time from the plans: pinyin
 * syllables of every office name, alias and item headline (pinyin-pro), and the traditional and variant forms
 * of every character the plans print (opencc-js, Taiwan and Hong Kong standards to mainland simplified), and for
 * a plan printed in traditional characters the simplified forms of its characters (the other way).
 */
import { fromMainland, toMainland } from './converters.ts';
import { pinyin } from 'pinyin-pro';
import type { Plan } from '../plan/schema.ts';
import type { SearchAids } from './forgiving.ts';

/** The CJK Unified Ideographs block and Extension A: where traditional forms of the plans' characters are. */
const RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/**
 * Every character of RANGES that some converter changes, with what each converter makes of it (in toMainland's
 * order, changes only). Independent of the plans, so worked out once per process. The converters work on single
 * characters (converters.ts), so all 27,000 go through each in one call, a line break between them: 55 ms
 * against 220 ms for one call per character and converter.
 */
const conversions = new Map<readonly ((s: string) => string)[], [string, string[]][]>();
function allConversions(converters: readonly ((s: string) => string)[] = toMainland()): [string, string[]][] {
  let found = conversions.get(converters);
  if (!found) {
    const characters: string[] = [];
    for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) characters.push(String.fromCodePoint(cp));
    const joined = characters.join('\n');
    const converted = converters.map((convert) => convert(joined).split('\n'));
    if (converted.some((c) => c.length !== characters.length)) throw new Error('search aids: a converter changed the number of characters');
    found = [];
    for (const [i, ch] of characters.entries()) {
      const made = converted.map((c) => c[i]!).filter((s) => s !== ch);
      if (made.length > 0) found.push([ch, made]);
    }
    conversions.set(converters, found);
  }
  return found;
}

/**
 * Character typed → the equivalent character in `printed`, for characters the plans do not print themselves:
 * traditional/variant → simplified with toMainland, simplified → traditional with fromMainland.
 */
function printedMap(printed: ReadonlySet<string>, converters: readonly ((s: string) => string)[] = toMainland()): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [ch, made] of allConversions(converters)) {
    // A character the plans print stays as typed: it can match on its own.
    if (printed.has(ch)) continue;
    const s = made.find((m) => printed.has(m));
    if (s !== undefined) map[ch] = s;
  }
  return map;
}

/** Everything the plans print, as a set of characters. */
function printedCharacters(plans: readonly Plan[]): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const ch of text) out.add(ch);
  };
  for (const plan of plans) {
    add(plan.title);
    for (const item of plan.items) {
      add(item.title);
      for (const f of item.fields) for (const p of f.paragraphs) add(p);
      for (const u of item.responsible?.units ?? []) add(u.name);
    }
    for (const o of plan.offices) [o.name, ...o.aliases].forEach(add);
    for (const s of plan.sections) [s.title, ...(s.intro ?? [])].forEach(add);
  }
  return out;
}

/** The aids for a set of plans. */
export function searchAids(plans: readonly Plan[]): SearchAids {
  const texts = new Set<string>();
  for (const plan of plans) {
    for (const o of plan.offices) for (const name of [o.name, ...o.aliases]) texts.add(name);
    for (const item of plan.items) texts.add(item.title);
  }
  const terms = [...texts].map((text) => {
    const chars = [...text];
    // One syllable per character; a character that is not Chinese (digits, Latin, punctuation) spells nothing.
    const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s, i) => (/\p{Script=Han}/u.test(chars[i] ?? '') ? s.toLowerCase() : ''));
    return { text, syllables };
  });
  const printed = printedCharacters(plans);
  const traditional = printedMap(printed, fromMainland());
  return { simplified: printedMap(printed), ...(Object.keys(traditional).length > 0 && { traditional }), terms };
}

/**
 * The aids for a set of plans as a classic script: the site's /search-aids.js (every plan; the build writes it:
 * src/publish/search/search-aids-file.ts), and the tables an offline bundle carries. JSON is valid JavaScript;
 * escaping "<" keeps plan text from closing a script anywhere it is inlined.
 */
export function searchAidsScript(plans: readonly Plan[]): string {
  return `window.__SEARCH_AIDS__=${JSON.stringify(searchAids(plans)).replace(/</gu, '\\u003c')};\n`;
}
