/**
 * The genre's words for the body of a plan, in one place so no two parts of the reader disagree about them:
 * the labels of an item's fields and of its 责任单位, in simplified and traditional characters (a web page may
 * convert a whole document), and the separators of headings.
 */

/** What a labelled part of an item is: a field of the model, or who is responsible. */
export type LabelRole =
  /** 目标任务 and its kin: what the item is to achieve. */
  | 'goals'
  /** 工作措施 and its kin: how. */
  | 'measures'
  /** Another labelled paragraph (问题描述, 完成时限): kept as a text field with its label as printed. */
  | 'text'
  /** 责任单位 and its kin: one list of units, the first the lead. */
  | 'units'
  /** 牵头单位: every unit it names leads. */
  | 'lead'
  /** 配合单位: units that take part without leading; follows the 牵头单位 of the same item. */
  | 'partner';

/**
 * Label words by role, each in simplified and traditional characters. 主要任务 is read as the item's measures
 * (what it does), 工作目标 as its goals; 问题描述 (the problem a 整改 item answers) and 完成时限 (its deadline) are
 * neither, so they stay text fields under their own label.
 */
export const LABEL_WORDS: Readonly<Record<string, LabelRole>> = {
  目标任务: 'goals',
  目標任務: 'goals',
  工作目标: 'goals',
  工作目標: 'goals',
  整改目标: 'goals',
  整改目標: 'goals',
  工作措施: 'measures',
  主要任务: 'measures',
  主要任務: 'measures',
  主要措施: 'measures',
  整改措施: 'measures',
  问题描述: 'text',
  問題描述: 'text',
  完成时限: 'text',
  完成時限: 'text',
  责任单位: 'units',
  責任單位: 'units',
  责任处室: 'units',
  責任處室: 'units',
  责任科室: 'units',
  責任科室: 'units',
  责任部门: 'units',
  責任部門: 'units',
  牵头单位: 'lead',
  牽頭單位: 'lead',
  牵头部门: 'lead',
  牽頭部門: 'lead',
  牵头处室: 'lead',
  牽頭處室: 'lead',
  配合单位: 'partner',
  配合單位: 'partner',
  配合部门: 'partner',
  配合部門: 'partner',
  配合处室: 'partner',
  配合處室: 'partner',
};

/**
 * True for a label that only ever stands inside an item: 目标任务, 工作措施 and every units label. The others
 * (工作目标, 主要任务 …) also open paragraphs of a plan's requirements or a section's prose.
 */
export function isItemOnlyLabel(label: string): boolean {
  const word = label.replace(/\s*[：:]\s*$/u, '');
  const role = LABEL_WORDS[word];
  return role !== undefined && (namesUnits(role) || ['目标任务', '目標任務', '工作措施'].includes(word));
}

/** True for the roles that name units (责任单位, 牵头单位, 配合单位). */
export function namesUnits(role: LabelRole): role is 'units' | 'lead' | 'partner' {
  return role === 'units' || role === 'lead' || role === 'partner';
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternation = (roles: readonly LabelRole[]) =>
  Object.keys(LABEL_WORDS)
    .filter((w) => roles.includes(LABEL_WORDS[w]!))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** A label word and its colon, full-width or ASCII, at the start of a paragraph. */
export const LABEL_AT_START = new RegExp(`^(${alternation(['goals', 'measures', 'text', 'units', 'lead', 'partner'])})\\s*[：:]\\s*`, 'u');

/** Any label word that names units, as a regex source (no anchors, one capture group). */
export const UNIT_LABEL_SOURCE = `(${alternation(['units', 'lead', 'partner'])})`;

/** The 配合单位 label inside a list that began with 牵头单位, with what separates it from the leads. */
export const PARTNER_LABEL_INSIDE = new RegExp(`([；;，,。.]?\\s*)(${alternation(['partner'])})\\s*[：:]\\s*`, 'u');

/** What may follow a section numeral: 、 in the standard form; ． or . in some web copies. */
export const SECTION_SEPARATORS = '、．.';

/**
 * Titles of the sections that state a plan's requirements rather than its tasks (一、总体要求, 五、保障措施), in
 * both scripts. Such a section, when nothing in it names a 责任单位 or a field label, is prose even where its
 * paragraphs are numbered (1.指导思想。…).
 */
export const PROSE_SECTION_TITLES: ReadonlySet<string> = new Set([
  '总体要求', '總體要求', '指导思想', '指導思想', '总体目标', '總體目標', '基本原则', '基本原則', '工作原则', '工作原則',
  '主要目标', '主要目標', '发展目标', '發展目標', '工作目标', '工作目標', '目标任务', '目標任務', '保障措施',
  '组织保障', '組織保障', '工作要求', '组织实施', '組織實施', '工作保障', '实施保障', '實施保障',
]);
