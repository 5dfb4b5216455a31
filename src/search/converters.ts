/**
 * opencc's conversions of one character between the traditional standards (opencc's t, Taiwan's tw, Hong Kong's
 * hk) and mainland simplified, in that order, shared by the search aids and the script a plan is printed in.
 * Both only ever convert a single character, so each converter is built from opencc's own configuration (the
 * same normalisation and conversion chain as `OpenCC.Converter`) keeping only the dictionary entries whose source
 * is one character: a phrase entry can never match one character. opencc's full simplified → traditional
 * converters load its 400 KB phrase table three times, about 0.5 s on this machine in every process that needs
 * them (Astro's build and the offline bundles' each); these take milliseconds. tests/unit/converters.test.ts
 * checks that they agree with `OpenCC.Converter` on every character they are used on. Made on first use.
 */
import * as OpenCC from 'opencc-js';
import type { DictGroup, DictLike } from 'opencc-js';

type Convert = (ch: string) => string;
const STANDARDS = ['t', 'tw', 'hk'] as const;

const singles = new Map<DictLike, [string, string][]>();

/**
 * The entries of a dictionary whose source is a single character, once per dictionary (the three simplified →
 * traditional configurations share the phrase table). opencc's string form is `source target|source target|…`;
 * a phrase entry is told by where its space falls, so its 49,000 entries are never split further.
 */
function singleCharacterEntries(dict: DictLike): [string, string][] {
  let found = singles.get(dict);
  if (!found) {
    const oneCharacter = (source: string) => [...source].length === 1;
    found =
      typeof dict === 'string'
        ? dict
            .split('|')
            // The source is one character when the space comes after one UTF-16 unit, or after a surrogate pair.
            .filter((e) => e.indexOf(' ') === 1 || (e.indexOf(' ') === 2 && oneCharacter(e.slice(0, 2))))
            .map((e) => e.split(' ') as [string, string])
        : dict.filter(([source]) => oneCharacter(source)).map(([source, target]) => [source, target]);
    singles.set(dict, found);
  }
  return found;
}

/** A converter of single characters with opencc's configuration `name` (s2t, tw2s, …). */
function characterConverter(name: string): Convert {
  // normalizationChain is in opencc-js's configurations but not in its type declarations.
  const config = OpenCC.Locale.configs[name] as { conversionChain: readonly DictGroup[]; normalizationChain?: readonly DictGroup[] } | undefined;
  if (!config) throw new Error(`opencc-js has no configuration ${name}`);
  const groups = [...(config.normalizationChain ?? []), ...config.conversionChain].map((group) => group.map(singleCharacterEntries));
  return OpenCC.ConverterFactory(...groups);
}

let to: Convert[] | undefined;
let from: Convert[] | undefined;

/** Each standard's characters to mainland simplified (opencc's t2s, tw2s, hk2s), one character at a time. */
export const toMainland = (): readonly Convert[] => (to ??= STANDARDS.map((s) => characterConverter(`${s}2s`)));
/** Mainland simplified characters to each standard (opencc's s2t, s2tw, s2hk), one character at a time. */
export const fromMainland = (): readonly Convert[] => (from ??= STANDARDS.map((s) => characterConverter(`s2${s}`)));
