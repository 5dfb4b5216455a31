/**
 * The genre's words in one place, so no two parts of the reader disagree about them: for the head of a document
 * the 文种, 发文字号, 成文日期 and 附注 forms (preamble.ts, notice.ts, unwrap.ts); for the body the labels of an
 * item's fields and of its 责任单位 and the separators of headings (classify.ts, body). Each word is listed in
 * simplified and traditional characters: a web page may convert a whole document (工作要點, 責任單位).
 */

// ── The head of a document ──────────────────────────────────────────────────────────────────────────────

/** The 文种 of GB/T 9704 and common use that a 公文's title ends with, simplified and traditional. */
export const OFFICIAL_KINDS = ['通知', '通报', '通報', '决定', '決定', '函', '批复', '批覆', '批復', '意见', '意見', '通告', '公告', '报告', '報告', '请示', '請示', '纪要', '紀要', '命令', '议案', '議案', '决议', '決議', '公报', '公報'] as const;

/** 文种 of a covering letter that issues another document: …印发《…》的通知, …的函. */
export const COVERING_KINDS = ['通知', '通报', '通報', '函'] as const;

/** 文种 a plan's own title ends with: 工作要点, 行动计划, 发展规划, 实施方案 …, simplified and traditional. */
export const PLAN_KINDS = ['要点', '要點', '计划', '計劃', '规划', '規劃', '方案', '安排', '意见', '意見', '办法', '辦法', '细则', '細則', '规定', '規定', '纲要', '綱要', '清单', '清單', '分工', '规则', '規則'] as const;

/** Every 文种 a title of the genre ends with. */
export const DOCUMENT_KINDS: readonly string[] = [...new Set<string>([...OFFICIAL_KINDS, ...PLAN_KINDS])];

const kindsPattern = (kinds: readonly string[]) => new RegExp(`(?:${kinds.join('|')})$`, 'u');
/** Every 文种, as a regex source (no anchors, no capture group). */
export const DOCUMENT_KIND_SOURCE = `(?:${DOCUMENT_KINDS.join('|')})`;
const ANY_KIND = kindsPattern(DOCUMENT_KINDS);
const COVERING_KIND = kindsPattern(COVERING_KINDS);
// What may follow the 文种 in a title: a span of years, 试行, 修订, 征求意见稿 … in parentheses.
const TRAILING_PARENTHESES = /\s*[（(][^（()）]{1,20}[）)]$/u;

/** A title's words without the 《》 a web page wraps round it and the parentheses after its 文种. */
function titleCore(text: string): string {
  let t = text.trim();
  if (/^《.*》$/u.test(t)) t = t.slice(1, -1);
  // Twice: 《…（2018—2020年）》 and …方案（试行）（2021年修订）.
  for (let k = 0; k < 2; k++) t = t.replace(TRAILING_PARENTHESES, '');
  return t;
}

/**
 * True when a title (its lines joined so far) ends in a 文种, allowing a page's 《》 and a trailing （2018—2020年）.
 * @example endsInDocumentKind('湖南省教育厅2021年工作要點') // true
 * @example endsInDocumentKind('《关于印发〈2021年工作要点〉的通知》') // true
 * @example endsInDocumentKind('三年行动计划（2018—2020年）') // true
 */
export function endsInDocumentKind(text: string): boolean {
  return ANY_KIND.test(titleCore(text));
}

/**
 * True when a title ends in the 文种 of a covering letter (…的通知, …的函), 《》 and parentheses allowed; not 意见
 * or 决定, which are as often the document itself, with its own 主送机关.
 */
export function endsInNoticeKind(text: string): boolean {
  return COVERING_KIND.test(titleCore(text));
}

/** 成文日期 in Arabic numerals: 2021年3月2日, ２０２１年３月２日, spaces allowed. */
export const ARABIC_DATE = /^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日$/u;
/** 成文日期 in Chinese numerals: 二〇二一年三月二日, 二○一一年…, 二零二一年…. */
export const CHINESE_DATE = /^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/u;
/**
 * A line that stands where a 成文日期 belongs but is no date in a form 公文 print: digits run together by a page
 * (2024327) or separated by marks (2024-3-27, 2024.03.27).
 */
export const GARBLED_DATE = /^(?:[0-9０-９]{6,8}|[0-9０-９]{4}\s*[-./／．]\s*[0-9０-９]{1,2}\s*[-./／．]\s*[0-9０-９]{1,2})$/u;

/**
 * 发文字号: issuer code, the year in 〔〕 (or a look-alike bracket: [2015] (2015) 【2015】), the number, 号; stray
 * spaces allowed (〔2023 〕3 号), and in gazette order wrapped in parentheses: （X政办发〔2011〕34号）.
 */
const DOC_NUMBER_CORE = String.raw`[\p{Script=Han}A-Za-z]{1,12}\s*[〔［\[【(（]\s*[0-9０-９]{4}\s*[〕］\]】)）]\s*第?\s*[0-9０-９]{1,4}\s*[号號]`;
export const DOC_NUMBER = new RegExp(`^(?:${DOC_NUMBER_CORE}|[（(]\\s*${DOC_NUMBER_CORE}\\s*[）)])$`, 'u');

/** The word that opens a title's subject after its issuer: …关于印发…的通知 (traditional 關於). */
export const ABOUT = /关于|關於/u;

/** 公开方式 as a 附注 states it, simplified and traditional: （此件主动公开）, （此件依申請公開）. */
export const DISCLOSURES: Readonly<Record<string, string>> = { 主动公开: '主动公开', 主動公開: '主动公开', 依申请公开: '依申请公开', 依申請公開: '依申请公开', 不予公开: '不予公开', 不予公開: '不予公开' };

/** 附注: a whole paragraph in full-width or ASCII parentheses, e.g. （此件主动公开） or (此件公开发布). */
export const NOTE = /^[（(].*[）)]$/u;

/**
 * What may open the next line of a title broken after its 文种: a span of years or 试行 in brackets (（2021—2023年）),
 * 的 (…要点 / 的通知), a closing mark or punctuation that cannot start a line (…工作要点 / 》印发给你们).
 */
export const TITLE_GOES_ON = /^[（(的》”’）)」』】，、。；：！？]/u;

/** 份号 (six digits), 密级 with its 保密期限 (绝密★1年) or 紧急程度 (特急, 加急) above a 公文's head. */
export const HEAD_MARK = /^(?:[0-9０-９]{6}|(?:绝密|机密|秘密|絕密|機密)(?:\s*★.*)?|特急|加急|特提|平急)$/u;

/** The mark of an 附件 on a line of its own: 附件, 附件1, 附件 2, 附件一 (traditional: 附件 is the same). */
export const ATTACHMENT_MARK = /^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})?$/u;
/** 附件说明: the line that lists a notice's 附件, 附件：… */
export const ATTACHMENT_NOTE = /^附\s*件\s*[：:]/u;
const SIGNER_WORD = String.raw`(?:签发人|簽發人)\s*[：:]`;
/** 签发人 line of a document sent upward, e.g. 签发人：张三 (traditional 簽發人). */
export const SIGNER = new RegExp(`^${SIGNER_WORD}`, 'u');
/** 发文字号 and 签发人 on one line: `湘教发〔2020〕8号  签发人：张三`; captures the number and the 签发人 part. */
export const NUMBER_AND_SIGNER = new RegExp(`^(.+?)\\s+(${SIGNER_WORD}.+)$`, 'u');

/**
 * The words a signing body's name ends with (局, 厅, 委员会, 办公室, 人民政府 …), both scripts: a line of at most 30
 * such characters that ends in one reads as a signature; anything else could be text.
 */
export const BODY_NAME = /^[^\s。；;，,：:！!？?、（()）“”《》0-9０-９]{2,30}(?:局|厅|廳|委|委员会|委員會|部|办公室|辦公室|办|辦|政府|中心|院|会|會|处|處|科|室|校|学|學|组|組|所|站|馆|館|司|署|团|團|社|党组|黨組)$/u;

/**
 * True for collective entries of a 责任单位 list (相关处室, 厅扶贫领导小组成员处室, 各科室, 各县区教育局): they name a set
 * of offices, not one. Real offices end in 处, 室 (办公室), 科, 部, 办, 组, 委, 院 or 中心, never in 处室 or 科室, and
 * never start with 各 (each) or 相关 (the relevant); both scripts.
 */
export function isGroupEntry(name: string): boolean {
  return /(?:处室|處室|科室)$/u.test(name) || /^(?:相关|相關|各)/u.test(name);
}

// ── The body of a plan ──────────────────────────────────────────────────────────────────────────────────

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

/** How the reader names the two fields most labelled items have, in its messages. */
export const FIELD_NAMES = { goals: '目标任务', measures: '工作措施' } as const;

/**
 * The words a plan's 总体要求 paragraph opens with, in its first clause, when it stands before the first section
 * (simplified and traditional); compare PROSE_SECTION_TITLES, the titles of such sections.
 */
export const REQUIREMENTS_OPENING = /^[^，；。,;]{0,30}?(?:总体要求|總體要求|总体思路|總體思路|指导思想|指導思想|总体目标|總體目標|工作思路|主要目标|主要目標|基本思路)/u;

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
