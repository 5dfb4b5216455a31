/**
 * 责任单位 lists: splitting, groups versus offices, aliases, and URL slugs.
 */
import { pinyin } from 'pinyin-pro';
import type { UnitList, UnitRef, UnitsSource } from './schema.ts';
import { isGroupEntry } from './vocabulary.ts';

export { isGroupEntry };

/**
 * Names that denote the same body. Key: a name used in the plan; value: the canonical name. They belong to a
 * plan (its folder's config, `officeAliases`), never to the reader: each department names its offices its own way.
 */
export type OfficeAliases = Readonly<Record<string, string>>;

/**
 * Canonical name for an office entry (aliases resolved).
 * @example canonicalOfficeName('考试院', { 考试院: '教育考试院' }) // '教育考试院'
 */
export function canonicalOfficeName(name: string, aliases: OfficeAliases = {}): string {
  return aliases[name] ?? name;
}

/**
 * A stable ASCII slug for an office: toneless pinyin of its canonical name, syllables run together.
 * @example officeToSlug('基教处') // 'jijiaochu'
 * @example officeToSlug('教育考试院') // 'jiaoyukaoshiyuan'
 */
export function officeToSlug(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  return syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

/** Result of reading a 责任单位 list: the list, or the offsets of entries that are empty. */
export interface ParsedUnitList {
  list: UnitList;
  /** Code-point offsets (within the list text) of empty entries such as the gap in 秘书处、、办公室. */
  emptyAt: number[];
}

/**
 * Splits a 责任单位 list on 、. A trailing 。 and a trailing 等 are removed from the last entry and recorded,
 * so the list can be shown exactly as written.
 * @example parseUnitList('办公室、机关党委、老干处等').list.etc // true
 */
export function parseUnitList(text: string, aliases: OfficeAliases = {}, leads: 'first' | 'all' | 'none' = 'first'): ParsedUnitList {
  let rest = text;
  let trailing = '';
  const stop = /[。.]$/u.exec(rest);
  if (stop) {
    trailing = stop[0];
    rest = rest.slice(0, -1);
  }
  let etc = false;
  if (rest.endsWith('等') && rest.length > 1 && !rest.endsWith('、等')) {
    etc = true;
    rest = rest.slice(0, -1);
  }
  const emptyAt: number[] = [];
  const units: UnitRef[] = [];
  let offset = 0;
  rest.split('、').forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') emptyAt.push(offset);
    else {
      const lead = leads === 'all' || (leads === 'first' && index === 0);
      if (isGroupEntry(name)) units.push({ name, kind: 'group', lead });
      else units.push({ name, kind: 'office', office: officeToSlug(canonicalOfficeName(name, aliases)), lead });
    }
    offset += [...raw].length + 1;
  });
  return { list: { units, etc, trailing }, emptyAt };
}

/**
 * The list with each office entry's slug resolved through `aliases` (names as written are kept).
 * @example resolveUnitAliases(parseUnitList('考试院').list, { 考试院: '教育考试院' }).units[0].office // 'jiaoyukaoshiyuan'
 */
export function resolveUnitAliases(list: UnitList, aliases: OfficeAliases): UnitList {
  return { ...list, units: list.units.map((u) => (u.kind === 'office' ? { ...u, office: officeToSlug(canonicalOfficeName(u.name, aliases)) } : u)) };
}

/**
 * The list as written, for display and for checking that nothing was lost; with `partner`, the 配合单位 label and
 * what precedes it are printed where they stood.
 * @example unitListToText(parseUnitList('秘书处、相关处室。').list) // '秘书处、相关处室。'
 */
export function unitListToText(list: UnitList, partner?: UnitsSource['partner']): string {
  const names = list.units.map((u) => u.name);
  const end = (list.etc ? '等' : '') + list.trailing;
  if (!partner) return names.join('、') + end;
  return `${names.slice(0, partner.from).join('、')}${partner.separator}${partner.label}${names.slice(partner.from).join('、')}${end}`;
}
