/**
 * A labelled paragraph of the body (目标任务：… 工作措施：… 责任单位：… 完成时限：…): the field it opens in the current
 * item, the section's own text it is before any item (工作目标：… under 总体要求), or the 责任单位 list that ends
 * the item — read with the lines a list wrapped onto and a 配合单位 line below it.
 */
import { addIntro, currentSection, laterItems, startClosing, type BodyState } from './body-state.ts';
import type { Look } from './classify.ts';
import type { Draft, P } from './item-fields.ts';
import { problem } from './problem.ts';
import { checked, readUnits, withPartnerLine } from './unit-lines.ts';
import { isItemOnlyLabel } from './vocabulary.ts';

type LabelLook = Extract<Look, { kind: 'label' }>;

/** Reads the labelled paragraph at i; returns the index of the last paragraph it took. */
export function readLabel(s: BodyState, p: P, look: LabelLook, i: number): number {
  const draft = s.draft;
  const section = currentSection(s);
  if (!draft && section && section.items.length === 0 && !section.subsections && !isItemOnlyLabel(look.label)) {
    // 工作目标：… under a section heading, before its items: the section's own text.
    addIntro(section, p);
    return i;
  }
  if (!draft) {
    s.problems.push(problem(p.line, p.column, 'label-outside-item', `Line ${p.line} starts with ${look.label} but stands outside any item (before the first item of its section).`));
    return i;
  }
  if (look.field === 'units') return readUnitsLabel(s, draft, p, look, i);
  if (draft.closed && look.field === 'text' && draft.units && draft.units.beforeField === undefined && !sameLabel(draft, look.label)) {
    // A 完成时限 (or another text label) printed below the 责任单位 still belongs to the item.
    draft.units.beforeField = draft.fields.length;
    draft.fields.push({ kind: 'text', label: look.label, labelOwnLine: look.rest === '', paragraphs: look.rest ? [look.rest] : [] });
    return i;
  }
  if (draft.closed) {
    s.problems.push(problem(p.line, p.column, 'field-after-units', `${look.label} (line ${p.line}) comes after the 责任单位 of item ${draft.numberText.trim()}; a 责任单位 line ends an item, so the reader cannot tell whether this field belongs to it.`));
    return i;
  }
  if (look.field === 'text' ? sameLabel(draft, look.label) : draft.fields.some((f) => f.kind === look.field)) {
    s.problems.push(problem(p.line, p.column, 'duplicate-field', `Item ${draft.numberText.trim()} has a second ${look.label} (line ${p.line}); the reader keeps each label once per item.`));
    return i;
  }
  draft.fields.push({ kind: look.field, label: look.label, labelOwnLine: look.rest === '', paragraphs: look.rest ? [look.rest] : [] });
  return i;
}

/** A 责任单位 line: the item's list (which ends it), or, after the last item's list, the start of the closing. */
function readUnitsLabel(s: BodyState, draft: Draft, p: P, look: LabelLook, i: number): number {
  const ps = s.ps;
  if (draft.responsible) {
    if (!laterItems(s, i)) {
      startClosing(s, p);
    } else s.problems.push(problem(p.line, p.column, 'duplicate-field', `Item ${draft.numberText.trim()} has a second ${look.label} line (line ${p.line}).`));
    return i;
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
  let read = readUnits(text, p, look.label, look.role, s.problems);
  // 牵头单位 on one line, 配合单位 on the next.
  const next = ps[i + 1];
  if (read && !read.partner && next?.look.kind === 'label' && next.look.role === 'partner' && look.role !== 'partner') {
    const partner = withPartnerLine(read, next.look.label, next.look.rest);
    read = checked(partner.read, partner.emptyAt, next.look.rest, next, [...next.look.label].length, next.look.label, s.problems);
    i++;
  }
  if (read) {
    draft.responsible = read.list;
    const style = cut ? { style: 'parenthesis' as const, open: cut.open, close: cut.close } : { style: 'line' as const, open: '', close: '' };
    draft.units = { label: look.label, ...style, labelOwnLine: ownLine, ...(read.partner ? { partner: read.partner } : {}) };
  }
  draft.closed = true;
  return i;
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
  if (!field || !last || !open || (!(open === '（' && close === '）') && !(open === '(' && close === ')'))) return undefined;
  const before = last.slice(0, -1).trimEnd();
  if (before) field.paragraphs[field.paragraphs.length - 1] = before;
  else field.paragraphs.pop();
  if (field.paragraphs.length === 0) draft.fields.pop();
  return { text: text.slice(0, -1).trimEnd(), open, close };
}

/** True when the item already has a field under this label (with or without its colon). */
function sameLabel(draft: Draft, label: string): boolean {
  const word = label.replace(/\s*[：:]$/u, '');
  return draft.fields.some((f) => f.label.replace(/\s*[：:]$/u, '') === word);
}
