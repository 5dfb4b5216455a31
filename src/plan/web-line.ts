/**
 * One line of a web copy read on its own (web-furniture.ts weighs it with its neighbours). Web-page furniture: the lines a web team's copy of a page carries around the document — the breadcrumb, a
 * line of page facts (发布日期 with a clock time, 来源, 浏览次数, 字号：大 中 小), document-site marks (VIP, 29.51KB,
 * 24 页, 下载, 举报), a bare view count, the page's tools below it (打印本页, 关闭窗口, 分享到, 上一篇) and a site
 * footer. Recognised by what each line is, whole lines only, in simplified or traditional characters and with
 * full-width or ASCII punctuation. A line that could be the page's or the document's is not guessed: it becomes
 * a located problem. Pure: no I/O.
 */
import type { WebShape } from './source.ts';
import { DOCUMENT_KIND_SOURCE } from './vocabulary.ts';

/** What one line is, read on its own: furniture of some shape, a line that might be either, or text. */
export type WebVerdict =
  | { is: 'furniture'; shape: WebShape }
  | { is: 'unsure'; shape: WebShape; why: string }
  | { is: 'text' };

// Traditional → simplified for the few characters the patterns below use; only for matching, never for output.
const TRADITIONAL = '當頁發佈時間來瀏覽數閱讀點擊訪問號體關閉開掃鏈結載舉報檔編輯現條網標識備權資頂錯糾傳張碼類錄屬評論複這選擇認於機視訊臺台灣區內設與導頭後為麼門戶騰訊陸層級欄導覽';
const SIMPLIFIED = '当页发布时间来浏览数阅读点击访问号体关闭开扫链结载举报档编辑现条网标识备权资顶错纠传张码类录属评论复这选择认于机视讯台台湾区内设与导头后为么门户腾讯陆层级栏导览';
const TO_SIMPLIFIED = new Map([...TRADITIONAL].map((c, i) => [c, [...SIMPLIFIED][i]!]));

/**
 * The line as the patterns read it: NFKC (full-width letters, digits and punctuation become ASCII, U+3000 a
 * space), the traditional characters of the patterns made simplified, runs of space made one.
 * @example foldForMatching('發布日期：２０２１') // '发布日期:2021'
 */
export function foldForMatching(text: string): string {
  return [...text.normalize('NFKC')]
    .map((c) => TO_SIMPLIFIED.get(c) ?? c)
    .join('')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

// Sentence punctuation: a line that holds it is running text, never a line of page facts or a breadcrumb.
export const SENTENCE = /[。，；！？,;!?]/u;

// Breadcrumbs: “当前位置：首页 > 政务公开 > 通知公告”, “您现在的位置：…”, or a path starting at 首页.
const BREADCRUMB_LEAD = /^(?:位置\s*:\s*首页|当前位置|当前的位置|您现在的位置|你现在的位置|您现在所在的位置|您的位置|你的位置|您当前的位置|您当前位置|当前所在位置|所在位置|现在位置)\s*(?:是)?\s*[:>]/u;
const CRUMB_SEPARATOR = /\s*(?:>>|->|>|»|›|→|=>)\s*/u;
// 名 称 …的通知: a catalogue's spaced-out label, then a document's name ending in its 文种.
const NAMED_DOCUMENT = new RegExp(`^名\\s+称\\s*:?\\s*\\S.*${DOCUMENT_KIND_SOURCE}$`, 'u');
const HOME = /^(?:首页|网站首页|主页|门户首页|首 页)$/u;
const MAX_CRUMB = 20;
const CRUMB = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9 ]*$/u;

// Labels of page facts, by what their value must be.
const DATE_LABELS = ['发布日期', '发布时间', '发表时间', '发表日期', '更新时间', '更新日期', '上传时间', '上传日期', '公开日期', '发文日期', '日期', '时间'];
const COUNT_LABELS = ['浏览次数', '阅读次数', '点击次数', '访问次数', '查看次数', '点击数', '点击量', '访问量', '浏览量', '阅读量', '阅读数', '浏览数', '人气', '浏览', '阅读', '点击', '访问'];
const FONT_LABELS = ['字体大小', '字号', '字体'];
const SOURCE_LABELS = ['信息来源', '文章来源', '稿件来源', '来源', '稿源', '责任编辑', '编辑', '作者', '发布者', '发布人', '发布机构', '发布单位', '供稿单位', '供稿', '审核', '校对', '撰稿', '摄影', '上传人', '文档编号', '索引号', '主题分类', '分类', '有效性', '文号', '主办单位', '承办单位', '主办', '承办', '技术支持'];
// A page's publication stamp: a document dates itself (成文日期), it never states when it was posted.
const PUBLISHED = new Set(['发布日期', '发布时间', '发表时间', '发表日期', '更新时间', '更新日期', '上传时间', '上传日期']);
// Facts only a page carries, whatever stands next to them: a page's index number.
const STRONG_SOURCE_LABELS = new Set(['索引号', '上传人', '文档编号', '责任编辑']);
const SITE_LABELS = ['格式', '页数', '大小', '文档格式', '文件大小'];
const LABEL = new RegExp(
  `^(${[...DATE_LABELS, ...COUNT_LABELS, ...FONT_LABELS, ...SOURCE_LABELS, ...SITE_LABELS].sort((a, b) => b.length - a.length).join('|')})(:?)(.*)$`,
  'u',
);
const LABEL_CLASS = new Map<string, 'date' | 'count' | 'font' | 'source' | 'site'>([
  ...DATE_LABELS.map((l) => [l, 'date'] as const),
  ...COUNT_LABELS.map((l) => [l, 'count'] as const),
  ...FONT_LABELS.map((l) => [l, 'font'] as const),
  ...SOURCE_LABELS.map((l) => [l, 'source'] as const),
  ...SITE_LABELS.map((l) => [l, 'site'] as const),
]);

const DATE = /^\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)$/u;
const TIME = /^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}时\d{1,2}分(?:\d{1,2}秒)?)$/u;
const DATE_TIME = /^(\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日))(\d{1,2}:\d{2}(?::\d{2})?)$/u;
const COUNT = /^\d{1,9}(?:次|人次)?$/u;
const FONT_SIZE = /^(?:大|中|小|默认|超大|特大|标准|A\+|A-|A)$/u;
const FILE_SIZE = /^\d+(?:\.\d+)?(?:KB|MB|GB|K|M|B|kb|mb|k|m)$/u;
const PAGE_COUNT = /^共?\d{1,4}页$/u;
const FILE_FORMAT = /^(?:DOCX?|PDF|TXT|PPTX?|XLSX?|WPS|RTF|docx?|pdf|txt|pptx?|xlsx?|wps|rtf)$/u;
// The page's own tools and document-site marks, standing as words on their own.
const TOOLS = new Set([
  '打印', '打印本页', '打印此页', '打印页面', '打印文章', '打印正文', '关闭', '关闭窗口', '关闭本页', '关闭页面', '关闭此页', '收藏',
  '加入收藏', '收藏本页', '分享', '分享到', '分享至', '纠错', '我要纠错', '返回', '返回顶部', '返回首页', '返回列表', '回到顶部', '保存',
  '保存本页', '相关链接', '相关文章', '相关阅读', '相关新闻', '相关信息', '相关文件', '扫一扫在手机打开当前页', '扫一扫在手机上查看当前页面',
  '用手机扫描二维码', '微信扫一扫', '扫一扫', '手机扫一扫', '分享到微信', '微信', '微博', '新浪微博', '腾讯微博', 'QQ空间', 'QQ好友',
  '朋友圈', '首页', '上一页', '下一页', '尾页', '末页', '网站地图', '联系我们', '关于我们',
]);
const SITE_MARKS = new Set(['VIP', 'vip', '下载', '立即下载', '免费下载', '下载文档', '下载资源', '举报', '相关', '文档格式', '资源描述', '点击查看更多>>', '查看更多', '展开全文', '阅读全文', '收起']);
// A previous/next link: “上一篇：关于…的通知”. No official line starts with these words.
const NEIGHBOUR_LINK = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:>]?/u;
// A site footer: copyright and registration marks.
const SITE_FOOTER = /(?:版权所有|ICP备|ICP证|网站标识码|公网安备|Copyright|©)/iu;
// A document-sharing site's headline: the file's name (“…工作要点.docx”, “…工作要点.docx_第1页”).
const FILE_NAME = /^[^\s:：。，；]{1,80}\.(?:docx?|pdf|txt|wps|pptx?|xlsx?|rtf)(?:_第\d+页)?$/iu;
// The page's link to a file: “附件：…工作要点.docx”, “附件下载：…pdf”, “相关附件”. A 公文's own 附件说明 names
// the 附件, never a file with its extension.
const DOWNLOAD_LINK = /^(?:(?:附件|附件下载|相关附件|下载附件|附件\d{1,2})\s*:?\s*(?:\d{1,2}\s*[.、]\s*)?[^\s:。，；]{1,80}\.(?:docx?|pdf|wps|xlsx?|rar|zip|ofd|et)|相关附件|附件下载:?)$/iu;
// What a browser prints at the top and foot of each page of a web page: the date and time, with the page's title
// (“2023/2/21 上午9:15　某市2023年工作要点”), and the page's address with the page count (“https://… 1/5”).
const PRINT_HEADER = /^\d{4}\/\d{1,2}\/\d{1,2}\s*(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM))?(?:\s+\S.*)?$/iu;
const PAGE_ADDRESS = /^(?:\S.*\s)?(?:https?:\/\/|www\.)\S+\s+\d{1,3}\s*\/\s*\d{1,3}$/iu;
const URL_ALONE = /^(?:https?:\/\/|www\.)[\w.-]+(?:\/\S*)?$/iu;
// A document-sharing site's sentence about the file: “《…》由会员分享，可在线阅读，更多相关《…》请在…上搜索。”
const SHARING_SITE = /由会员分享.{0,4}可在线阅读|请在.{1,12}上搜索[。.]?$/u;

// A date with its separators lost: 2024327, 20240327.
const GARBLED_DATE = /^(?:19|20)\d{5,6}$/u;

const LONG_LINE = 60;

type Token = 'strong' | 'weak' | 'value' | 'tool' | 'site';

/**
 * Reads one line on its own: furniture (and which), a line that could be the page's or the document's, or text.
 * @example webVerdict('当前位置：首页 > 政务公开 > 通知公告') // { is: 'furniture', shape: 'breadcrumb' }
 * @example webVerdict('来源：省教育厅办公室').is // 'unsure'
 */
export function webVerdict(text: string): WebVerdict {
  // Running text — a long line with a full stop, as most of a document's lines are — is none of these shapes but
  // a sharing site's sentence; it is let through before the (slower) folding.
  if ([...text].length > LONG_LINE && /[。；]/u.test(text) && !SHARING_SITE.test(text)) return { is: 'text' };
  const f = foldForMatching(text);
  if (f === '') return { is: 'text' };
  if (isBreadcrumb(f)) return { is: 'furniture', shape: 'breadcrumb' };
  if (isSiteNavigation(f)) return { is: 'furniture', shape: 'site navigation' };
  if (NEIGHBOUR_LINK.test(f)) return { is: 'furniture', shape: 'page tools' };
  if (DOWNLOAD_LINK.test(f)) return { is: 'furniture', shape: 'download link' };
  if (SHARING_SITE.test(f) || FILE_NAME.test(f)) return { is: 'furniture', shape: 'document-site marks' };
  if (SITE_FOOTER.test(f) && !SENTENCE.test(f.replace(/[,，]/gu, ''))) return { is: 'furniture', shape: 'site footer' };
  if (isCatalogueRow(f)) return { is: 'furniture', shape: 'page facts' };
  if (PRINT_HEADER.test(f)) return { is: 'furniture', shape: 'print header' };
  if (PAGE_ADDRESS.test(f)) return { is: 'furniture', shape: 'page address' };
  if (URL_ALONE.test(f)) return { is: 'unsure', shape: 'page address', why: `holds only a web address, with no other page furniture next to it: it may be the address a browser prints at a page's foot, or an address the document gives` };
  // Five digits or more alone: a view count, or text; a run such as 2024327 is a date the page garbled, which the
  // notice's reader names as such.
  if (/^\d{5,9}$/u.test(f) && !GARBLED_DATE.test(f)) {
    return { is: 'unsure', shape: 'view count', why: `holds only the number ${text}, with no other page furniture next to it: it may be a web page's view count or part of the document's text` };
  }
  return factsVerdict(f);
}

function isBreadcrumb(f: string): boolean {
  if (SENTENCE.test(f)) return false;
  if (BREADCRUMB_LEAD.test(f)) return true;
  const parts = f.split(CRUMB_SEPARATOR);
  // Each step is a page's name: words, never markup, numbering or a clause.
  if (parts.length < 2 || parts.some((p) => !CRUMB.test(p) || [...p].length > MAX_CRUMB)) return false;
  // A path from the home page, or three steps or more: text never chains words with “>”.
  return HOME.test(parts[0]!) || parts.length >= 3;
}

// A site's menu copied as a line: link names set apart by | (首页 | 机构概况 | 政务公开, 首页 | English | 无障碍).
const NAV_SEPARATOR = /\s*[|｜]\s*/u;
const MAX_NAV_ITEM = 10;

function isSiteNavigation(f: string): boolean {
  if (SENTENCE.test(f)) return false;
  const parts = f.split(NAV_SEPARATOR).filter((p) => p !== '');
  if (parts.length < 2 || parts.some((p) => !CRUMB.test(p) || [...p].length > MAX_NAV_ITEM)) return false;
  // The home page among the names, or four names or more: a document's text never lists words between bars.
  return parts.some((p) => HOME.test(p)) || parts.length >= 4;
}

// The rows of a 政府信息公开 catalogue entry above the document, often with their labels spaced out
// (“索 引 号 …　分 类 …”, “发 布 机 构 …　发 文 日 期 …”, “名 称 …的通知”): a 索引号, two of the catalogue's labels
// on one row, or the document's name under 名称.
const CATALOGUE_LABELS = ['索引号', '分类', '主题分类', '发布机构', '发文机关', '发文日期', '成文日期', '公开日期', '上载日期', '生成日期', '发布日期', '文号', '有效性', '公开方式', '公开范围', '名称', '关键词', '效力状态'];
const CATALOGUE_LABEL = new RegExp(`(?:^|\\s)(${CATALOGUE_LABELS.map((l) => [...l].join('\\s*')).join('|')})\\s*:?`, 'gu');

function isCatalogueRow(f: string): boolean {
  if (/^索\s*引\s*号/u.test(f)) return true;
  const labels = new Set([...f.matchAll(CATALOGUE_LABEL)].map((m) => m[1]!.replace(/\s/gu, '')));
  // A row starts with a label and gives values; a table's header row (文号 发文日期) is labels only.
  const values = f.replace(CATALOGUE_LABEL, ' ').trim();
  const startsWithLabel = new RegExp(`^(?:${CATALOGUE_LABELS.map((l) => [...l].join('\\s*')).join('|')})`, 'u').test(f);
  if (labels.size >= 2 && startsWithLabel && values !== '' && !/[。；;]/u.test(f)) return true;
  // “名 称 …关于印发…的通知”: the label spaced out, then the document's name.
  return NAMED_DOCUMENT.test(f);
}

// A line of page facts: every token is a labelled fact, a value of one, a tool or a document-site mark.
function factsVerdict(f: string): WebVerdict {
  if (SENTENCE.test(f.replace(/\d,\d{3}/gu, ''))) return { is: 'text' };
  // “24 页”, “29.51 KB”: a number and its unit are one token.
  const tokens = f
    .replace(/(\d)\s+(页|KB|MB|GB|K|M|B|kb|mb|次)(?=$|[\s|】\]])/gu, '$1$2')
    .split(/[\s|丨·•【】[\]()（）]+/u)
    .filter((t) => t !== '')
    // “分享到:微信”: a tool's label and what follows it are two tokens.
    .flatMap((t) => {
      const m = /^([^:]+):(.+)$/u.exec(t);
      return m && TOOLS.has(m[1]!) ? [`${m[1]!}:`, m[2]!] : [t];
    });
  const kinds: Token[] = [];
  const labels = new Set<string>();
  let expect: 'date' | 'count' | 'font' | 'source' | 'site' | undefined;
  let expectLabel: string | undefined;
  let last: 'date' | 'count' | 'font' | 'source' | 'site' | 'time' | undefined;
  // A page's pager: “上一页 1 2 3 下一页”.
  const pager = tokens.some((t) => /^(?:上一页|下一页|尾页|末页)$/u.test(t));
  for (const t of tokens) {
    if (pager && /^\d{1,3}$/u.test(t)) {
      kinds.push('tool');
      continue;
    }
    if (TOOLS.has(t) || TOOLS.has(t.replace(/:$/u, '')) || SITE_MARKS.has(t)) {
      kinds.push(TOOLS.has(t) || TOOLS.has(t.replace(/:$/u, '')) ? 'tool' : 'site');
      expect = undefined;
      last = undefined;
      continue;
    }
    const m = LABEL.exec(t);
    // 来源, 作者, dates and file facts need their colon (“来源广泛” is text); counts and font sizes may go without.
    const cls = m ? LABEL_CLASS.get(m[1]!)! : undefined;
    if (m && cls && (m[2] !== '' || cls === 'font' || cls === 'count')) {
      const value = m[3]!;
      labels.add(m[1]!);
      last = cls;
      if (value === '') {
        expect = cls;
        expectLabel = m[1]!;
        // “浏览次数：” with its number on the next line, “字号：” before 大 中 小: only a page shows these.
        kinds.push(cls === 'font' || cls === 'count' ? 'strong' : 'value');
        continue;
      }
      expect = undefined;
      const kind = valueKind(cls, value, m[1]!);
      if (kind === undefined) return { is: 'text' };
      kinds.push(kind);
      continue;
    }
    const kind = bareKind(t, expect, last, expectLabel);
    if (kind === undefined) return { is: 'text' };
    if (TIME.test(t)) last = 'time';
    else if (DATE.test(t)) last = 'date';
    else if (last === 'font' && FONT_SIZE.test(t)) last = 'font'; // 字号：大 中 小
    else if (kind !== 'value') last = undefined;
    expect = undefined;
    kinds.push(kind);
  }
  if (kinds.length === 0) return { is: 'text' };
  const shape: WebShape = kinds.every((k) => k === 'tool') ? 'page tools' : kinds.some((k) => k === 'site') && labels.size === 0 ? 'document-site marks' : 'page facts';
  if (kinds.some((k) => k !== 'weak' && k !== 'value')) return { is: 'furniture', shape };
  // Only labelled facts a text might also state (来源, 作者, a date with no clock time): two of them on one line
  // are a page's facts; one alone could be either.
  if (labels.size >= 2) return { is: 'furniture', shape };
  if (labels.size === 0) return { is: 'text' }; // a bare date: the 成文日期 or text, for the parser to read
  const label = [...labels][0]!;
  return { is: 'unsure', shape, why: `reads like a web page's facts line (${label}), but it stands alone, with no other page furniture next to it, and a document's text may also state a ${label} on a line of its own` };
}

function valueKind(cls: 'date' | 'count' | 'font' | 'source' | 'site', value: string, label: string): Token | undefined {
  switch (cls) {
    case 'date': {
      if (DATE_TIME.test(value)) return 'strong';
      if (!DATE.test(value)) return undefined;
      return PUBLISHED.has(label) ? 'strong' : 'weak';
    }
    case 'count':
      return COUNT.test(value) ? 'strong' : undefined;
    case 'font':
      return FONT_SIZE.test(value) ? 'strong' : undefined;
    case 'site':
      return FILE_SIZE.test(value) || FILE_FORMAT.test(value) || /^\d{1,4}页?$/u.test(value) ? 'strong' : undefined;
    case 'source':
      if ([...value].length > 30) return undefined;
      return STRONG_SOURCE_LABELS.has(label) ? 'strong' : 'weak';
  }
}

function bareKind(t: string, expect: string | undefined, last: string | undefined, expectLabel?: string): Token | undefined {
  if (expect === 'date' && (DATE.test(t) || DATE_TIME.test(t))) return DATE_TIME.test(t) || (expectLabel !== undefined && PUBLISHED.has(expectLabel)) ? 'strong' : 'weak';
  if (expect === 'count' && (COUNT.test(t) || t === '次')) return 'strong'; // a counter the page fills in later: “浏览次数： 次”
  if (expect === 'site' && (FILE_SIZE.test(t) || FILE_FORMAT.test(t) || /^\d{1,4}$/u.test(t))) return 'strong';
  if (TIME.test(t) && last === 'date') return 'strong'; // a date with its clock time: only a page stamps one
  if (DATE_TIME.test(t)) return 'strong';
  if (DATE.test(t)) return 'weak';
  if ((last === 'font' || expect === 'font') && FONT_SIZE.test(t)) return 'strong';
  if (FILE_SIZE.test(t) || PAGE_COUNT.test(t)) return 'site';
  if (expect === 'source' && [...t].length <= 30) return 'weak';
  if (last === 'source' && [...t].length <= 20) return 'value'; // a 来源 of two words: “省教育厅 办公室”
  return undefined;
}
