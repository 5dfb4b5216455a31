/**
 * The body of a plan: sections, optional subsections, items and the closing paragraph, in every layout of the
 * genre read into one model. Items are found by their numbering, confirmed by what follows them: in a labelled
 * plan an item heading is followed by a label (目标任务, 工作措施 …); in a plan of numbered paragraphs an item's
 * number is the next in sequence (through the plan, or restarting in each section). Any other numbered line is a
 * sub-point and stays a paragraph of the item it stands in. A section with no items is prose (一、总体要求); a plan
 * with no section headings is one implicit section.
 */
import { readClosingLine, excerpt, type ClosingDraft } from './body-closing.ts';
import { finishItems, reportMissingFields } from './body-items.ts';
import { isProseBlock, labelFollows, sectionBlocks } from './body-start.ts';
import { isHeadingTitle, lookOf, type Look } from './classify.ts';
import { addParagraph, startItem, type Draft, type P } from './item-fields.ts';
import { assignIds, numberingOf } from './item-numbering.ts';
import { continuesAcrossBreak, joinPageBreak } from './normalize.ts';
import { problem, type Problem } from './problem.ts';
import type { Closing, Item, Section } from './schema.ts';
import type { SourceLine } from './source.ts';
import { endsInUnits, readUnits, withPartnerLine, checked } from './unit-lines.ts';
import { isItemOnlyLabel } from './vocabulary.ts';

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
  /** The plan prints no section headings: its items stand in one implicit section. */
  implicitSection?: true;
  /** Sections of prose (no items), by number. */
  proseSections?: number[];
}

/** Sections, items and closing, with the layout found. */
export interface ParsedBody {
  sections: Section[];
  items: Item[];
  closing?: Closing | undefined;
  layout: BodyLayout;
}

/** Reads the body paragraphs (from the first heading on). */
export function parseBody(paragraphs: readonly SourceLine[], problems: Problem[], warnings: Problem[]): ParsedBody {
  const ps: P[] = paragraphs.map((p) => ({ ...p, look: p.table ? { kind: 'text' } : lookOf(p.text) }));
  // A plan is labelled when a numbered heading is followed by a field label (a label in a section's prose, such as
  // 工作目标： under 总体要求, does not make it one).
  const labelled = ps.some((p, i) => (p.look.kind === 'numbered' || p.look.kind === 'subsection') && labelFollows(ps, i));
  const hasSub = ps.some((p) => p.look.kind === 'subsection');
  const blocks = sectionBlocks(ps);
  // （一） are the items when no `1.` paragraph opens a section or subsection; else they are subsections.
  // (A （一） paragraph that runs on as a sentence is an item itself, and a `1.` after it a sub-point.)
  const heading = (look: Look) => look.kind === 'section' || (look.kind === 'subsection' && isHeadingTitle(look.title));
  const opensHeading = ps.some((p, i) => p.look.kind === 'numbered' && i > 0 && heading(ps[i - 1]!.look));
  // A section whose numbered paragraphs stand under no （一） has its items at the `1.` level too.
  const numberedOutsideSub = blocks.some((b) => b.some((p) => p.look.kind === 'numbered') && !b.some((p) => p.look.kind === 'subsection'));
  const itemLevel: BodyLayout['itemLevel'] = opensHeading || numberedOutsideSub || !hasSub ? 'numbered' : 'subsection';
  const planHasUnits = ps.some((p) => (p.look.kind === 'label' && p.look.field === 'units') || endsInUnits(p.text));
  const prose = new Set(blocks.filter((b) => isProseBlock(b.title, b, itemLevel, planHasUnits)).map((b) => b.start));
  const subsections = hasSub && itemLevel === 'numbered';

  const sections: Section[] = [];
  const drafts: Draft[] = [];
  let draft: Draft | undefined;
  let closing: ClosingDraft | undefined;
  let inProse = false;
  // A plan printed without section headings: its items stand in one section with no heading of its own.
  const implicit = ps.length > 0 && ps[0]!.look.kind !== 'section';
  if (implicit) {
    sections.push({ number: 1, numeral: '', separator: '', title: '', implicit: true, items: [] });
    // Without section headings, a second list numbered from 1 cannot be told from the first.
    const again = ps.findIndex((p, i) => i > 0 && p.look.kind === 'numbered' && p.look.number === 1 && ps.slice(i + 1).some((q) => q.look.kind === 'numbered' && q.look.number === 2));
    if (again !== -1) {
      const p = ps[again]!;
      problems.push(problem(p.line, p.column, 'numbering-restarts-without-sections', `Line ${p.line} (“${excerpt(p.text)}”) starts a second list numbered from 1 (the first starts at line ${ps[0]!.line}), and the plan has no section headings (一、…) to tell the lists apart, so the reader cannot tell which numbered paragraphs are the plan's items.`));
      return { sections, items: [], layout: { labelled, itemLevel, subsections: false, numbering: 'irregular', implicitSection: true } };
    }
  }

  const isItemHeading = (p: P, i: number): boolean => {
    const look = p.look;
    if (itemLevel === 'numbered' ? look.kind !== 'numbered' : look.kind !== 'subsection') return false;
    const section = sections[sections.length - 1];
    if (!section) return true; // reported as item-before-section
    if (labelled) {
      // A heading of a labelled item is followed by a label, possibly after a paragraph or two without one;
      // a numbered line followed by another heading or a 责任单位 line is a sub-point.
      return labelFollows(ps, i);
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
      inProse = prose.has(i);
      continue;
    }
    if (inProse) {
      // A section of prose: every paragraph, its （一） headings among them, is the section's own text; a heading
      // is never joined to the paragraph below it, though it does not end a sentence.
      addIntro(sections[sections.length - 1]!, p);
      continue;
    }
    if (implicit && look.kind === 'subsection' && subsections) {
      problems.push(problem(p.line, p.column, 'subsection-without-section', `Line ${p.line} (“${excerpt(p.text)}”) is a subsection heading ${look.numberText}, but the plan has no section heading (一、…) above it: its items start at line ${ps[0]!.line} without one, so the reader cannot tell which level the headings are.`));
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
      const section = sections[sections.length - 1];
      if (!draft && section && section.items.length === 0 && !section.subsections && !isItemOnlyLabel(look.label)) {
        // 工作目标：… under a section heading, before its items: the section's own text.
        addIntro(section, p);
        continue;
      }
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
        // （ at the end of the paragraph above and ） closing this line: one bracketed list that a line break cut.
        const cut = ownLine ? undefined : bracketCut(draft, text);
        if (cut) text = cut.text;
        let read = readUnits(text, p, look.label, look.role, problems);
        // 牵头单位 on one line, 配合单位 on the next.
        const next = ps[i + 1];
        if (read && !read.partner && next?.look.kind === 'label' && next.look.role === 'partner' && look.role !== 'partner') {
          const partner = withPartnerLine(read, next.look.label, next.look.rest);
          read = checked(partner.read, partner.emptyAt, next.look.rest, next, [...next.look.label].length, next.look.label, problems);
          i++;
        }
        if (read) {
          draft.responsible = read.list;
          const style = cut ? { style: 'parenthesis' as const, open: cut.open, close: cut.close } : { style: 'line' as const, open: '', close: '' };
          draft.units = { label: look.label, ...style, labelOwnLine: ownLine, ...(read.partner ? { partner: read.partner } : {}) };
        }
        draft.closed = true;
        continue;
      }
      if (draft.closed && look.field === 'text' && draft.units && draft.units.beforeField === undefined && !sameLabel(draft, look.label)) {
        // A 完成时限 (or another text label) printed below the 责任单位 still belongs to the item.
        draft.units.beforeField = draft.fields.length;
        draft.fields.push({ kind: 'text', label: look.label, labelOwnLine: look.rest === '', paragraphs: look.rest ? [look.rest] : [] });
        continue;
      }
      if (draft.closed) {
        problems.push(problem(p.line, p.column, 'field-after-units', `${look.label} (line ${p.line}) comes after the 责任单位 of item ${draft.numberText.trim()}; a 责任单位 line ends an item, so the reader cannot tell whether this field belongs to it.`));
        continue;
      }
      if (look.field === 'text' ? sameLabel(draft, look.label) : draft.fields.some((f) => f.kind === look.field)) {
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
        addIntro(section, p);
        continue;
      }
      const sub = currentSub();
      const message = sub
        ? `Line ${p.line} (“${excerpt(p.text)}”) is a paragraph under the subsection heading ${sub.numberText}${excerpt(sub.title)}, before any numbered item of it, while other parts of section ${sections[sections.length - 1]!.numeral} have numbered items; the reader cannot tell whether the subsection is prose or a group of items.`
        : `Line ${p.line} (“${excerpt(p.text)}”) stands between a heading and the first item under it; the reader has no place for text there.`;
      problems.push(problem(p.line, p.column, 'unexpected-text', message));
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

  const items = finishItems(drafts, sections, problems, warnings);
  if (drafts.length === 0 && sections.length > 0 && problems.length === 0) {
    const at = ps[0]!;
    problems.push(problem(at.line, at.column, 'no-items', `The body (from line ${at.line}) is prose under section headings: no paragraph in it is numbered as an item (1.… or （一）…), and the reader reads a plan as numbered items, so it cannot read this one.`));
  }
  for (const s of sections) {
    for (const sub of s.subsections ?? []) {
      if (sub.items.length > 0) continue;
      const at = paragraphs.find((p) => p.text === `${sub.numberText}${sub.title}`);
      problems.push(problem(at?.line ?? 1, at?.column ?? 1, 'empty-subsection', `Subsection ${sub.numberText}${sub.title} of section ${s.numeral} has no items under it.`));
    }
    if (s.items.length === 0 && !(s.intro && s.intro.length > 0) && drafts.length > 0) {
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
    if (closing.units) closingValue = { paragraphs: closing.lines, responsible: closing.units.read.list, units: closing.units.source };
    else {
      problems.push(problem(closing.at.line, closing.at.column, 'closing-without-units', `The plan ends with paragraphs after the last item's 责任单位 (from line ${closing.at.line}) but they name no 责任单位; the reader cannot tell whether they close the plan or belong to an item.`));
    }
  }
  const proseSections = sections.filter((s) => s.items.length === 0).map((s) => s.number);
  return {
    sections,
    items,
    closing: closingValue,
    // Subsections as found: a prose section's （一） headings are its text, not subsections.
    layout: { labelled, itemLevel, subsections: sections.some((s) => (s.subsections?.length ?? 0) > 0), numbering, ...(implicit ? { implicitSection: true as const } : {}), ...(proseSections.length > 0 ? { proseSections } : {}) },
  };
}

/**
 * When the item's last paragraph ends in （ and the units line in ）, the bracket was cut by a line break: the （ is
 * taken off the paragraph (dropping it if nothing else is left) and the list's text returned without its ）.
 */
function bracketCut(draft: Draft, text: string): { text: string; open: string; close: string } | undefined {
  const field = draft.fields[draft.fields.length - 1];
  const last = field?.paragraphs[field.paragraphs.length - 1];
  const open = last?.slice(-1);
  const close = text.slice(-1);
  if (!field || !last || !(open === '（' && close === '）') && !(open === '(' && close === ')')) return undefined;
  const before = last.slice(0, -1).trimEnd();
  if (before) field.paragraphs[field.paragraphs.length - 1] = before;
  else field.paragraphs.pop();
  if (field.paragraphs.length === 0) draft.fields.pop();
  return { text: text.slice(0, -1).trimEnd(), open: open!, close };
}

/**
 * Adds a paragraph to a section's own text, joining one cut by a page break — never a heading or a label, which
 * end without a full stop, to what follows it.
 */
function addIntro(section: Section, p: P) {
  section.intro ??= [];
  const last = section.intro.length - 1;
  if (last >= 0 && p.look.kind === 'text' && lookOf(section.intro[last]!).kind === 'text' && continuesAcrossBreak(section.intro[last]!, p)) {
    section.intro[last] = joinPageBreak(section.intro[last]!, p.text);
  } else section.intro.push(p.text);
}

function sameLabel(draft: Draft, label: string): boolean {
  const word = label.replace(/\s*[：:]$/u, '');
  return draft.fields.some((f) => f.label.replace(/\s*[：:]$/u, '') === word);
}

