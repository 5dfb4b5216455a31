/**
 * The body of a plan: sections, optional subsections, items and the closing paragraph, in every layout of the
 * genre read into one model. Items are found by their numbering, confirmed by what follows them: in a labelled
 * plan an item heading is followed by 目标任务/工作措施; in a plan of numbered paragraphs an item's number is the
 * next in sequence (through the plan, or restarting in each section). Any other numbered line is a sub-point
 * and stays a paragraph of the item it stands in.
 */
import { isHeadingTitle, lookOf, SUB_POINT, type Look } from './classify.ts';
import { continuesAcrossBreak, endsSentence, joinPageBreak } from './normalize.ts';
import { parseUnitList } from './offices.ts';
import { problem, type Problem } from './problem.ts';
import type { Closing, Item, ItemField, Section, UnitList, UnitsSource } from './schema.ts';
import type { SourceLine } from './source.ts';

/** How the body is laid out, for the reader's summary and for item ids. */
export interface BodyLayout {
  /** Items carry 目标任务/工作措施 labels. */
  labelled: boolean;
  /** Items are `1.` paragraphs, or （一） paragraphs in a plan without `1.` items. */
  itemLevel: 'numbered' | 'subsection';
  /** Subsections （一） between sections and items. */
  subsections: boolean;
  /** How item numbers run. */
  numbering: 'continuous' | 'per-section' | 'per-subsection' | 'irregular';
}

/** Sections, items and closing, with the layout found. */
export interface ParsedBody {
  sections: Section[];
  items: Item[];
  closing?: Closing | undefined;
  layout: BodyLayout;
}

interface Draft {
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

type P = SourceLine & { look: Look };

/** The closing paragraph while it is read. */
interface ClosingDraft {
  lines: string[];
  at: SourceLine;
  units?: { list: UnitList; source: UnitsSource };
  /** A 责任单位 label on its own line, waiting for its list. */
  pendingLabel?: string;
}

// （责任单位：基教处、职成处） closing an item's last paragraph.
const PAREN_UNITS = /([（(])\s*(责任单位\s*[：:])\s*([^（）()]+?)\s*([）)])$/u;
// The headline sentence of `1.坚持…。按照…`: up to the first full stop outside brackets.
const SENTENCE_END = /[。！？]/u;

/** Reads the body paragraphs (from the first heading on). */
export function parseBody(paragraphs: readonly SourceLine[], problems: Problem[], warnings: Problem[]): ParsedBody {
  const ps: P[] = paragraphs.map((p) => ({ ...p, look: p.table ? { kind: 'text' } : lookOf(p.text) }));
  const labelled = ps.some((p) => p.look.kind === 'label' && p.look.field !== 'units');
  const hasSub = ps.some((p) => p.look.kind === 'subsection');
  // （一） are the items when no `1.` paragraph opens a section or subsection; else they are subsections.
  const opensHeading = ps.some((p, i) => p.look.kind === 'numbered' && i > 0 && (ps[i - 1]!.look.kind === 'section' || ps[i - 1]!.look.kind === 'subsection'));
  const itemLevel: BodyLayout['itemLevel'] = opensHeading || !hasSub ? 'numbered' : 'subsection';
  const subsections = hasSub && itemLevel === 'numbered';

  const sections: Section[] = [];
  const drafts: Draft[] = [];
  let draft: Draft | undefined;
  let closing: ClosingDraft | undefined;

  const isItemHeading = (p: P, i: number): boolean => {
    const look = p.look;
    if (itemLevel === 'numbered' ? look.kind !== 'numbered' : look.kind !== 'subsection') return false;
    const section = sections[sections.length - 1];
    if (!section) return true; // reported as item-before-section
    if (labelled) {
      // A heading of a labelled item is followed by a label, possibly after a paragraph or two without one;
      // a numbered line followed by another heading or a 责任单位 line is a sub-point.
      for (let k = i + 1; k < Math.min(ps.length, i + 4); k++) {
        const next = ps[k]!.look;
        if (next.kind === 'label') return next.field !== 'units';
        if (next.kind !== 'text') return false;
      }
      return false;
    }
    const printed = (look as { number: number }).number;
    const last0 = drafts[drafts.length - 1]?.printed ?? 0;
    if (draft?.subList !== undefined && printed === draft.subList + 1) {
      if (printed !== last0 + 1) return false;
      problems.push(problem(p.line, p.column, 'item-or-sub-point', `Line ${p.line} (“${excerpt(p.text)}”) could be item ${printed} or point ${printed} of the numbered list inside item ${draft.numberText.trim()}; both read the same, so the reader cannot tell which it is.`));
      return false;
    }
    const inThisHeading = draft && draft.section === section.number && draft.subsection === currentSub()?.number;
    const last = drafts[drafts.length - 1]?.printed ?? 0;
    return printed === last + 1 || (printed === 1 && !inThisHeading);
  };
  const currentSub = () => {
    const s = sections[sections.length - 1];
    return subsections ? s?.subsections?.[s.subsections.length - 1] : undefined;
  };
  const laterItems = (i: number) => ps.slice(i + 1).some((p, k) => isItemHeading(p, i + 1 + k) || p.look.kind === 'section');

  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const look = p.look;
    if (p.table) {
      problems.push(problem(p.line, p.column, 'table-in-plan', `Line ${p.line} is a table inside the plan's sections; the reader takes tables only inside an 附件, so it cannot place this one.`));
      continue;
    }
    if (closing) {
      readClosingLine(closing, p, problems);
      continue;
    }
    if (look.kind === 'section') {
      draft = undefined;
      const expected = sections.length + 1;
      if (look.number !== expected) {
        problems.push(problem(p.line, p.column, 'section-number-order', `The section heading ${look.numeral}${look.separator} (section ${look.number}) comes where section ${expected} was expected, so the reader cannot tell whether it is a section heading or text.`));
      }
      sections.push({ number: expected, numeral: look.numeral, separator: look.separator, title: look.title, items: [] });
      continue;
    }
    if (subsections && look.kind === 'subsection' && !(draft && !draft.closed && !isHeadingTitle(look.title))) {
      const section = sections[sections.length - 1];
      if (section) {
        draft = undefined;
        section.subsections ??= [];
        const expected = section.subsections.length + 1;
        if (look.number !== expected) {
          problems.push(problem(p.line, p.column, 'subsection-number-order', `The subsection heading ${look.numberText} comes where subsection ${expected} of section ${section.numeral}、 was expected, so the reader cannot tell whether it is a heading or text.`));
        }
        section.subsections.push({ number: expected, numberText: look.numberText, title: look.title, items: [] });
        continue;
      }
    }
    if (isItemHeading(p, i)) {
      const section = sections[sections.length - 1];
      if (!section) {
        problems.push(problem(p.line, p.column, 'item-before-section', `Line ${p.line} is numbered like an item (${excerpt(p.text)}), but no section heading such as 一、… comes before it.`));
        continue;
      }
      draft = startItem(p, section.number, currentSub()?.number, labelled);
      drafts.push(draft);
      continue;
    }
    if (look.kind === 'label') {
      if (!draft) {
        problems.push(problem(p.line, p.column, 'label-outside-item', `Line ${p.line} starts with ${look.label} but stands outside any item (before the first item of its section).`));
        continue;
      }
      if (look.field === 'units') {
        if (draft.responsible) {
          if (!laterItems(i)) {
            closing = { lines: [], at: p };
            readClosingLine(closing, p, problems);
          } else problems.push(problem(p.line, p.column, 'duplicate-field', `Item ${draft.numberText.trim()} has a second ${look.label} line (line ${p.line}).`));
          continue;
        }
        let text = look.rest;
        let ownLine = false;
        if (text === '' && ps[i + 1]?.look.kind === 'text') {
          text = ps[++i]!.text;
          ownLine = true;
        }
        // A list that wrapped onto the next line ends in 、.
        while (text.endsWith('、') && ps[i + 1]?.look.kind === 'text') text += ps[++i]!.text;
        const list = readUnits(text, p, look.label, problems);
        if (list) {
          draft.responsible = list;
          draft.units = { label: look.label, style: 'line', open: '', close: '', labelOwnLine: ownLine };
        }
        draft.closed = true;
        continue;
      }
      if (draft.closed) {
        problems.push(problem(p.line, p.column, 'field-after-units', `${look.label} (line ${p.line}) comes after the 责任单位 of item ${draft.numberText.trim()}; a 责任单位 line ends an item, so the reader cannot tell whether this field belongs to it.`));
        continue;
      }
      if (draft.fields.some((f) => f.kind === look.field)) {
        problems.push(problem(p.line, p.column, 'duplicate-field', `Item ${draft.numberText.trim()} has a second ${look.label} (line ${p.line}); the reader keeps each label once per item.`));
        continue;
      }
      draft.fields.push({ kind: look.field, label: look.label, labelOwnLine: look.rest === '', paragraphs: look.rest ? [look.rest] : [] });
      continue;
    }
    // Plain text (or a sub-point, or a numbered line that is not an item).
    if (!draft) {
      const section = sections[sections.length - 1];
      if (section && section.items.length === 0 && !section.subsections) {
        section.intro ??= [];
        const last = section.intro.length - 1;
        if (last >= 0 && continuesAcrossBreak(section.intro[last]!, p)) section.intro[last] = joinPageBreak(section.intro[last]!, p.text);
        else section.intro.push(p.text);
        continue;
      }
      problems.push(problem(p.line, p.column, 'unexpected-text', `Line ${p.line} (“${excerpt(p.text)}”) stands between a heading and the first item under it; the reader has no place for text there.`));
      continue;
    }
    if (draft.closed) {
      if (!laterItems(i)) {
        closing = { lines: [], at: p };
        readClosingLine(closing, p, problems);
        continue;
      }
      problems.push(problem(p.line, p.column, 'unexpected-text', `Line ${p.line} (“${excerpt(p.text)}”) follows the 责任单位 of item ${draft.numberText.trim()}, which ends that item, and comes before the next item.`));
      continue;
    }
    if (look.kind === 'numbered') draft.subList = look.number;
    addParagraph(draft, p.text, p, warnings);
  }

  const items = finishItems(drafts, sections, problems);
  for (const s of sections) {
    for (const sub of s.subsections ?? []) {
      if (sub.items.length > 0) continue;
      const at = paragraphs.find((p) => p.text === `${sub.numberText}${sub.title}`);
      problems.push(problem(at?.line ?? 1, at?.column ?? 1, 'empty-subsection', `Subsection ${sub.numberText}${sub.title} of section ${s.numeral} has no items under it.`));
    }
    if (s.items.length === 0) {
      const at = paragraphs.find((p) => lookOf(p.text).kind === 'section' && (lookOf(p.text) as { title: string }).title === s.title);
      problems.push(problem(at?.line ?? 1, at?.column ?? 1, 'empty-section', `Section ${s.numeral}${s.separator}${s.title} has no items under it.`));
    }
  }
  if (labelled) reportMissingFields(items, warnings);
  const numbering = numberingOf(items, sections);
  assignIds(items, numbering, problems, warnings);
  // In a plan of numbered paragraphs without 责任单位, nothing marks where the last item ends and a closing begins.
  const lastItem = drafts[drafts.length - 1];
  if (!labelled && lastItem && !lastItem.closed && !closing && lastItem.fields.some((f) => f.paragraphs.length > 1)) {
    warnings.push(problem(lastItem.at.line, lastItem.at.column, 'closing-unsure', `Item ${lastItem.numberText.trim()} is the last item and has several paragraphs; nothing in the text marks where it ends, so the reader keeps them all in the item (none is read as a closing paragraph).`));
  }
  let closingValue: Closing | undefined;
  if (closing && closing.lines.length > 0) {
    if (closing.units) closingValue = { paragraphs: closing.lines, responsible: closing.units.list, units: closing.units.source };
    else {
      problems.push(problem(closing.at.line, closing.at.column, 'closing-without-units', `The plan ends with paragraphs after the last item's 责任单位 (from line ${closing.at.line}) but they name no 责任单位; the reader cannot tell whether they close the plan or belong to an item.`));
    }
  }
  return { sections, items, closing: closingValue, layout: { labelled, itemLevel, subsections, numbering } };
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

function startItem(p: P, section: number, subsection: number | undefined, labelled: boolean): Draft {
  const look = p.look as Extract<Look, { kind: 'numbered' }> | Extract<Look, { kind: 'subsection' }>;
  const rest = look.kind === 'numbered' ? look.rest : look.title;
  const numberText = look.kind === 'numbered' ? look.numberText : look.numberText;
  const base = { at: p, printed: look.number, numberText, section, fields: [], closed: false, ...(subsection ? { subsection } : {}) };
  if (labelled || isHeadingTitle(rest) || !SENTENCE_END.test(rest)) {
    return { ...base, title: rest, titleEnd: '', headline: 'line' };
  }
  const end = rest.search(SENTENCE_END);
  const draft: Draft = { ...base, title: rest.slice(0, end), titleEnd: rest[end]!, headline: 'sentence' };
  const remainder = rest.slice(end + 1).trimStart();
  if (remainder) addParagraph(draft, remainder);
  return draft;
}

/** Adds a paragraph to the item's open field (or a first unlabelled one); reads （责任单位：…） at its end. */
function addParagraph(draft: Draft, text: string, line?: P, warnings?: Problem[]) {
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
  const paren = PAREN_UNITS.exec(text);
  if (paren) {
    const list = parseUnitList(paren[3]!);
    if (list.emptyAt.length === 0 && list.list.units.length > 0) {
      const before = text.slice(0, paren.index).trimEnd();
      if (before) field.paragraphs.push(before);
      draft.responsible = list.list;
      draft.units = { label: paren[2]!.replace(/\s+/gu, ''), style: 'parenthesis', open: paren[1]!, close: paren[4]!, labelOwnLine: false };
      draft.closed = true;
      return;
    }
  }
  field.paragraphs.push(text);
}

function readClosingLine(closing: ClosingDraft, p: P, problems: Problem[]) {
  const look = p.look;
  if (closing.pendingLabel) {
    const label = closing.pendingLabel;
    delete closing.pendingLabel;
    const list = readUnits(p.text, p, label, problems);
    if (list) closing.units = { list, source: { label, style: 'line', open: '', close: '', labelOwnLine: true } };
    return;
  }
  if (closing.units) {
    problems.push(problem(p.line, p.column, 'text-after-closing', `Line ${p.line} (“${excerpt(p.text)}”) follows the 责任单位 of the closing paragraph; the reader expects an 附件 mark or the 版记 (抄送：…) there.`));
    return;
  }
  if (look.kind === 'label' && look.field === 'units') {
    if (closing.lines.length === 0) {
      problems.push(problem(p.line, p.column, 'duplicate-field', `A second 责任单位 line (line ${p.line}) follows the last item's 责任单位.`));
      return;
    }
    if (look.rest === '') {
      // The label on its own line: the list is the next paragraph.
      closing.pendingLabel = look.label;
      return;
    }
    const list = readUnits(look.rest, p, look.label, problems);
    if (list) closing.units = { list, source: { label: look.label, style: 'line', open: '', close: '', labelOwnLine: false } };
    return;
  }
  const paren = PAREN_UNITS.exec(p.text);
  if (paren) {
    const list = parseUnitList(paren[3]!).list;
    const before = p.text.slice(0, paren.index).trimEnd();
    if (before) closing.lines.push(before);
    closing.units = { list, source: { label: paren[2]!, style: 'parenthesis', open: paren[1]!, close: paren[4]!, labelOwnLine: false } };
    return;
  }
  if (look.kind === 'label') {
    problems.push(problem(p.line, p.column, 'label-outside-item', `Line ${p.line} starts with ${look.label} after the last item's 责任单位, outside any item.`));
    return;
  }
  const last = closing.lines.length - 1;
  if (last >= 0 && continuesAcrossBreak(closing.lines[last]!, p)) closing.lines[last] = joinPageBreak(closing.lines[last]!, p.text);
  else closing.lines.push(p.text);
}

function readUnits(text: string, at: SourceLine, label: string, problems: Problem[]): UnitList | undefined {
  const { list, emptyAt } = parseUnitList(text);
  const labelWidth = [...label].length;
  for (const offset of emptyAt) {
    problems.push(problem(at.line, at.column + labelWidth + offset, 'empty-unit', 'The 责任单位 list has an empty entry here (two 、 in a row, or one at an end), so the reader cannot tell which unit is meant.'));
  }
  if (text.trim() === '') {
    problems.push(problem(at.line, at.column, 'empty-field', `${label} names no unit.`));
    return undefined;
  }
  if (emptyAt.length > 0 || list.units.length === 0) return undefined;
  return list;
}

function finishItems(drafts: Draft[], sections: Section[], problems: Problem[]): Item[] {
  const items: Item[] = [];
  drafts.forEach((d, index) => {
    const number = index + 1;
    if (!d.title) {
      problems.push(problem(d.at.line, d.at.column, 'missing-title', `Item ${d.numberText.trim()} (line ${d.at.line}) has its number but no headline after it.`));
      return;
    }
    for (const f of d.fields) {
      if (f.paragraphs.length === 0) {
        problems.push(problem(d.at.line, d.at.column, 'empty-field', `Item ${d.numberText.trim()}’s ${f.label} has no text under it.`));
        return;
      }
    }
    const section = sections[d.section - 1]!;
    section.items.push(number);
    if (d.subsection) section.subsections?.[d.subsection - 1]?.items.push(number);
    items.push({
      number,
      id: String(number),
      title: d.title,
      section: d.section,
      ...(d.subsection ? { subsection: d.subsection } : {}),
      fields: d.fields,
      ...(d.responsible ? { responsible: d.responsible } : {}),
      source: {
        numberText: d.numberText,
        headline: d.headline,
        titleEnd: d.titleEnd,
        ...(d.units ? { units: d.units } : {}),
        pos: { line: d.at.line, column: d.at.column },
      },
      // Kept for ids; removed below.
      printed: d.printed,
    } as Item & { printed: number });
  });
  return items;
}

/** In a labelled plan, an item without a field that most items have is read as it is, and said so. */
function reportMissingFields(items: Item[], warnings: Problem[]) {
  for (const kind of ['goals', 'measures'] as const) {
    const having = items.filter((i) => i.fields.some((f) => f.kind === kind)).length;
    if (having * 2 <= items.length) continue;
    const name = kind === 'goals' ? '目标任务' : '工作措施';
    for (const item of items.filter((i) => !i.fields.some((f) => f.kind === kind))) {
      warnings.push(problem(item.source.pos.line, item.source.pos.column, 'field-missing', `Item ${item.source.numberText.trim()} has no ${name}, which ${having} of the ${items.length} items have; it is shown with the fields it has.`));
    }
  }
  const withUnits = items.filter((i) => i.responsible).length;
  if (withUnits * 2 > items.length) {
    for (const item of items.filter((i) => !i.responsible)) {
      warnings.push(problem(item.source.pos.line, item.source.pos.column, 'units-missing', `Item ${item.source.numberText.trim()} names no 责任单位, which ${withUnits} of the ${items.length} items do; it is listed under no office.`));
    }
  }
}

const printedOf = (item: Item) => (item as Item & { printed: number }).printed;

function runsFromOne(groups: Item[][]): boolean {
  return groups.every((g) => g.every((item, k) => printedOf(item) === k + 1));
}

function numberingOf(items: Item[], sections: Section[]): BodyLayout['numbering'] {
  if (items.every((item, k) => printedOf(item) === k + 1)) return 'continuous';
  const bySection = sections.map((s) => items.filter((i) => i.section === s.number));
  if (runsFromOne(bySection)) return 'per-section';
  const bySub = sections.flatMap((s) => (s.subsections ?? []).map((sub) => items.filter((i) => i.section === s.number && i.subsection === sub.number)));
  if (bySub.length > 0 && runsFromOne(bySub)) return 'per-subsection';
  return 'irregular';
}

/** Stable ids: the printed number when it runs through the plan, else prefixed by section (and subsection). */
function assignIds(items: Item[], numbering: BodyLayout['numbering'], problems: Problem[], warnings: Problem[]) {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const printed = printedOf(item);
    item.id =
      numbering === 'per-section'
        ? `${item.section}-${printed}`
        : numbering === 'per-subsection'
          ? `${item.section}-${item.subsection}-${printed}`
          : String(printed);
    const twin = seen.get(item.id);
    if (twin) {
      problems.push(problem(item.source.pos.line, item.source.pos.column, 'duplicate-item-number', `Items at lines ${twin.source.pos.line} and ${item.source.pos.line} are both numbered ${item.source.numberText.trim()}, and their numbering follows neither the plan nor each section, so the reader cannot give each its own address.`));
    }
    seen.set(item.id, item);
    delete (item as Partial<Item & { printed: number }>).printed;
  }
  if (numbering === 'irregular' && problems.length === 0) {
    const gap = items.find((item, k) => k > 0 && Number(item.id) !== Number(items[k - 1]!.id) + 1);
    if (gap) warnings.push(problem(gap.source.pos.line, gap.source.pos.column, 'item-number-gap', `Item ${gap.source.numberText.trim()} follows item ${items[items.indexOf(gap) - 1]!.source.numberText.trim()}: the printed numbering has a gap or goes back. Items keep their printed numbers.`));
  }
}

