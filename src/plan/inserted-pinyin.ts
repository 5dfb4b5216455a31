/**
 * Pinyin a web page put between the characters of a document (ruby text copied as text, or readings in brackets:
 * 加jiā强qiáng, 加(jiā)强(qiáng)) is not the document's text, and with it a heading no longer reads as one. The
 * reader cannot take the page's additions out of a line without guessing where each ends, so it refuses the first
 * such line and says what it holds — instead of refusing the file for a cause that is not true of it (no sections).
 */
import { problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';

// A syllable with a tone mark, standing right next to a Chinese character or inside brackets after one. Written
// here by hand: no library of the stack tells pinyin from other Latin text, and only the tone marks are needed.
const SYLLABLE = /(?<=\p{Script=Han}[(（]?)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*(?=[)）]?(?:\p{Script=Han}|$|\s))/giu;
// One accented word beside a Chinese character can be a name (Café 咖啡); two on a line are readings.
const MIN_SYLLABLES = 2;

/** The lines that carry pinyin between their characters, each with the syllables found. */
export function insertedPinyin(lines: readonly SourceLine[]): Problem[] {
  for (const l of lines) {
    const syllables = [...l.text.matchAll(SYLLABLE)];
    if (syllables.length < MIN_SYLLABLES) continue;
    const first = syllables[0]!;
    const column = l.column + [...l.text.slice(0, first.index)].length;
    const shown = syllables.slice(0, 3).map((m) => `“${m[0]}”`).join(', ');
    return [
      problem(
        l.line,
        column,
        'pinyin-inserted',
        `Line ${l.line} holds pinyin between its Chinese characters (${shown}${syllables.length > 3 ? ' …' : ''}), as a web page adds for reading aid and an official document does not print; the reader cannot take the page's additions out of the text without guessing, so it reads nothing. Give the document without them, as its issuer published it (the .docx or PDF the page links to, or the page copied with its reading aid switched off).`,
      ),
    ];
  }
  return [];
}
