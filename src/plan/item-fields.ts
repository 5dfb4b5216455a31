/**
 * An item while it is read: its heading (a line of its own, or the first sentence of `1.坚持…。按照…`), its fields
 * paragraph by paragraph, and a parenthesised 责任单位 list that closes its last paragraph.
 */
import { isHeadingTitle, SUB_POINT, type Look } from './classify.ts';
import { continuesAcrossBreak, endsSentence, joinPageBreak } from './normalize.ts';
import { problem, type Problem } from './problem.ts';
import type { ItemField, UnitList, UnitsSource } from './schema.ts';
import type { SourceLine } from './source.ts';
import { parenUnits } from './unit-lines.ts';

/** A paragraph of the body with its look. */
export type P = SourceLine & { look: Look };

/** The look of a paragraph numbered as an item: `1.` or （一）. */
export type ItemLook = Extract<Look, { kind: 'numbered' | 'subsection' }>;

/** An item being read. */
export interface Draft {
  at: SourceLine;
  printed: number;
  numberText: string;
  title: string;
  titleEnd: string;
  headline: 'line' | 'sentence';
  section: number;
  subsection?: number;
  fields: ItemField[];
  responsible?: UnitList;
  units?: UnitsSource;
  /** The units were read: what follows belongs to the next item or the closing. */
  closed: boolean;
  /** Number of the last `1.`-style sub-point read inside the item, while a list of them runs. */
  subList?: number;
}

// The headline sentence of `1.坚持…。按照…`: up to the first full stop outside brackets; on a page that turned
// full-width punctuation into ASCII, a period after a Chinese character (never one inside a number such as 2.0).
const SENTENCE_END = /[。！？]|(?<=\p{Script=Han})\.(?![0-9０-９])/u;

/** Starts an item at its numbered paragraph; the rest of a `1.坚持…。按照…` paragraph becomes its first text. */
export function startItem(p: P, look: ItemLook, section: number, subsection: number | undefined, labelled: boolean): Draft {
  const rest = look.kind === 'numbered' ? look.rest : look.title;
  const base = { at: p, printed: look.number, numberText: look.numberText, section, fields: [], closed: false, ...(subsection ? { subsection } : {}) };
  // A one-sentence task carries its units at the end of the same line: 1.召开全市工作会议。（责任单位：办公室）.
  const units = labelled ? undefined : parenUnits(rest);
  const text = units ? units.before : rest;
  let draft: Draft;
  // A heading's title has no full stop inside it: `1.坚持…。按照…` cut at the end of a wrapped line still opens with
  // a headline sentence, though the line does not end one.
  const heading = !units && isHeadingTitle(rest) && !SENTENCE_END.test(rest.slice(0, -1));
  if (labelled || heading || !SENTENCE_END.test(text)) {
    draft = { ...base, title: text, titleEnd: '', headline: 'line' };
  } else {
    const end = text.search(SENTENCE_END);
    draft = { ...base, title: text.slice(0, end), titleEnd: text[end]!, headline: 'sentence' };
    const remainder = text.slice(end + 1).trimStart();
    if (remainder) addParagraph(draft, remainder);
  }
  if (units) {
    draft.responsible = units.read.list;
    draft.units = units.source;
    draft.closed = true;
  }
  return draft;
}

/** Adds a paragraph to the item's open field (or a first unlabelled one); reads （责任单位：…） at its end. */
export function addParagraph(draft: Draft, text: string, line?: P, warnings?: Problem[]) {
  let field = draft.fields[draft.fields.length - 1];
  if (!field) {
    field = { kind: 'text', label: '', labelOwnLine: false, paragraphs: [] };
    draft.fields.push(field);
  }
  const last = field.paragraphs.length - 1;
  // A format that states its paragraphs (.docx, .html, a PDF's indents) may still hold a page-break cut, where
  // text was pasted in from a PDF: a paragraph of an official document never stops mid-sentence, so the two are
  // joined as for plain text — and, since the file said otherwise, the join is reported.
  const stated = line?.para === 'start';
  const before = last >= 0 ? field.paragraphs[last]! : undefined;
  if (line && before !== undefined && line.look.kind === 'text' && !SUB_POINT.test(text) && !endsSentence(before) && !/[：:]$/u.test(before) && (stated || continuesAcrossBreak(before, line))) {
    if (stated) {
      warnings?.push(problem(line.line, line.column, 'paragraph-joined', `The paragraph before line ${line.line} stops mid-sentence (“…${[...before].slice(-8).join('')}”), and a paragraph of the plan never does, so it is read as going on here, where the file starts a new one (as a page break leaves it when text is pasted from a PDF).`));
    }
    text = joinPageBreak(before, text);
    field.paragraphs.pop();
  }
  const paren = parenUnits(text);
  if (paren) {
    // A list on a line of its own, （责任单位：…）, closes the item as well as one at the end of its paragraph.
    if (paren.before) field.paragraphs.push(paren.before);
    else if (field.paragraphs.length === 0) draft.fields.pop();
    draft.responsible = paren.read.list;
    draft.units = paren.source;
    draft.closed = true;
    return;
  }
  field.paragraphs.push(text);
}
