/**
 * The closing paragraph after the last item (在完成上述工作的同时…), read up to its own 责任单位 list.
 */
import { continuesAcrossBreak, joinPageBreak } from './normalize.ts';
import { excerpt, problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';
import type { P } from './item-fields.ts';
import { checked, parenUnits, readUnits, withPartnerLine, type ReadUnits } from './unit-lines.ts';
import type { UnitsSource } from './schema.ts';
import type { LabelRole } from './vocabulary.ts';

/** The closing paragraph while it is read. */
export interface ClosingDraft {
  lines: string[];
  at: SourceLine;
  units?: { read: ReadUnits; source: UnitsSource };
  /** A 责任单位 label on its own line, waiting for its list. */
  pendingLabel?: { label: string; role: LabelRole };
}


const lineSource = (label: string, labelOwnLine: boolean, read: ReadUnits): UnitsSource => ({
  label,
  style: 'line',
  open: '',
  close: '',
  labelOwnLine,
  ...(read.partner ? { partner: read.partner } : {}),
});

/** Reads one paragraph of the closing. */
export function readClosingLine(closing: ClosingDraft, p: P, problems: Problem[]) {
  const look = p.look;
  if (closing.pendingLabel) {
    const { label, role } = closing.pendingLabel;
    delete closing.pendingLabel;
    const read = readUnits(p.text, p, label, role, problems);
    if (read) closing.units = { read, source: lineSource(label, true, read) };
    return;
  }
  const units = closing.units;
  if (units && look.kind === 'label' && look.role === 'partner' && units.source.style === 'line' && !units.read.partner) {
    // 牵头单位 on one line, 配合单位 on the next.
    const partner = withPartnerLine(units.read, look.label, look.rest);
    const read = checked(partner.read, partner.emptyAt, look.rest, p, [...look.label].length, look.label, problems);
    if (read) closing.units = { read, source: { ...units.source, partner: read.partner! } };
    return;
  }
  if (units) {
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
      closing.pendingLabel = { label: look.label, role: look.role };
      return;
    }
    const read = readUnits(look.rest, p, look.label, look.role, problems);
    if (read) closing.units = { read, source: lineSource(look.label, false, read) };
    return;
  }
  const paren = parenUnits(p.text);
  if (paren) {
    if (paren.before) closing.lines.push(paren.before);
    closing.units = { read: paren.read, source: paren.source };
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
