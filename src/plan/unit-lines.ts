/**
 * Who is responsible for an item, as the genre prints it: a 责任单位 line (or 责任处室, 责任部门 …), a 牵头单位 list
 * with its 配合单位 on the same line or the next, or the same in parentheses closing the item's last paragraph.
 */
import { parseUnitList } from './offices.ts';
import { problem, type Problem } from './problem.ts';
import type { UnitList, UnitsSource } from './schema.ts';
import type { SourceLine } from './source.ts';
import { LABEL_WORDS, PARTNER_LABEL_INSIDE, UNIT_LABEL_SOURCE, type LabelRole } from './vocabulary.ts';

/** A list read, with where its 配合单位 part starts when it has one. */
export interface ReadUnits {
  list: UnitList;
  partner?: NonNullable<UnitsSource['partner']>;
}

// （责任单位：基教处、职成处） or （牵头单位：…；配合单位：…） closing an item's last paragraph.
const PAREN_UNITS = new RegExp(`([（(])\\s*(${UNIT_LABEL_SOURCE}\\s*[：:])\\s*([^（）()]+?)\\s*([）)])$`, 'u');

const leadsOf = (role: LabelRole) => (role === 'lead' ? 'all' : role === 'partner' ? 'none' : 'first');

/**
 * Reads the text after a units label. Under 牵头单位 every entry leads; under 配合单位 none does; a 配合单位
 * label inside the text splits it into leads and partners. `emptyAt` holds code-point offsets of empty entries.
 */
export function unitsOfText(text: string, role: LabelRole): { read: ReadUnits; emptyAt: number[] } {
  const inside = role === 'partner' ? null : PARTNER_LABEL_INSIDE.exec(text);
  if (!inside || inside.index === 0) {
    const { list, emptyAt } = parseUnitList(text, {}, leadsOf(role));
    return { read: { list }, emptyAt };
  }
  const leads = parseUnitList(text.slice(0, inside.index), {}, leadsOf(role));
  const partnerAt = inside.index + inside[0].length;
  const partners = parseUnitList(text.slice(partnerAt), {}, 'none');
  const shift = [...text.slice(0, partnerAt)].length;
  return {
    read: {
      list: { units: [...leads.list.units, ...partners.list.units], etc: partners.list.etc, trailing: partners.list.trailing },
      partner: {
        from: Math.max(1, leads.list.units.length),
        separator: (leads.list.etc ? '等' : '') + leads.list.trailing + inside[1]!,
        label: inside[0].slice(inside[1]!.length).trimEnd(),
        ownLine: false,
      },
    },
    emptyAt: [...leads.emptyAt, ...partners.emptyAt.map((o) => o + shift)],
  };
}

/** Adds a 配合单位 line (label and list) to the list read from the 牵头单位 line above it. */
export function withPartnerLine(read: ReadUnits, label: string, text: string): { read: ReadUnits; emptyAt: number[] } {
  const partners = parseUnitList(text, {}, 'none');
  const { list } = read;
  return {
    read: {
      list: { units: [...list.units, ...partners.list.units], etc: partners.list.etc, trailing: partners.list.trailing },
      partner: { from: list.units.length, separator: (list.etc ? '等' : '') + list.trailing, label, ownLine: true },
    },
    emptyAt: partners.emptyAt,
  };
}

/** Reads a units line's list, reporting empty entries at their column; undefined when it cannot be read. */
export function readUnits(text: string, at: SourceLine, label: string, role: LabelRole, problems: Problem[]): ReadUnits | undefined {
  const { read, emptyAt } = unitsOfText(text, role);
  return checked(read, emptyAt, text, at, [...label].length, label, problems);
}

/** Reports a list's empty entries (offsets after `labelWidth` code points of the line); the list when sound. */
export function checked(read: ReadUnits, emptyAt: number[], text: string, at: SourceLine, labelWidth: number, label: string, problems: Problem[]): ReadUnits | undefined {
  for (const offset of emptyAt) {
    problems.push(problem(at.line, at.column + labelWidth + offset, 'empty-unit', 'The 责任单位 list has an empty entry here (two 、 in a row, or one at an end), so the reader cannot tell which unit is meant.'));
  }
  if (text.trim() === '') {
    problems.push(problem(at.line, at.column, 'empty-field', `${label} names no unit.`));
    return undefined;
  }
  if (emptyAt.length > 0 || read.list.units.length === 0) return undefined;
  return read;
}

/** A parenthesised list closing a paragraph: the text before it, the list, and how it is printed. */
export function parenUnits(text: string): { before: string; read: ReadUnits; source: UnitsSource } | undefined {
  const m = PAREN_UNITS.exec(text);
  if (!m) return undefined;
  const { read, emptyAt } = unitsOfText(m[4]!, LABEL_WORDS[m[3]!]!);
  if (emptyAt.length > 0 || read.list.units.length === 0) return undefined;
  const source: UnitsSource = {
    label: m[2]!.replace(/\s+/gu, ''),
    style: 'parenthesis',
    open: m[1]!,
    close: m[5]!,
    labelOwnLine: false,
    ...(read.partner ? { partner: read.partner } : {}),
  };
  return { before: text.slice(0, m.index).trimEnd(), read, source };
}

/** True when a paragraph ends in a parenthesised units list. */
export function endsInUnits(text: string): boolean {
  return parenUnits(text) !== undefined;
}
