/**
 * How the site meets each accessibility indicator that applies to a site of published text, for the 无障碍声明
 * (/accessibility/). GB/T 37668-2019 takes its indicators and its 一级/二级/三级 from WCAG's A/AA/AAA success
 * criteria, so each row is named by its WCAG 2.2 number, which readers can look up in either text.
 *
 * Every `checks` entry names a test file and the title (or part of it) of a test in it that fails when the
 * indicator is not met; tests/site/accessibility-statement.test.ts fails if a file or title is not there. A met
 * row without checks was reviewed by hand, and the page says 人工检查.
 */

/** WCAG level; GB/T 37668-2019 calls them 一级, 二级, 三级. */
export type Level = 'A' | 'AA' | 'AAA';

/** How far the site meets an indicator. */
export type Status = '符合' | '部分符合' | '不适用';

/** A test that checks an indicator. */
export interface Check {
  /** Path from the repository root, e.g. tests/browser/accessibility.test.ts. */
  file: string;
  /** The title, or a distinctive part of it, of the test in that file. */
  test: string;
}

/** One indicator and how the site meets it. */
export interface Criterion {
  /** WCAG 2.2 success criterion, e.g. 1.4.3. */
  sc: string;
  /** Its Chinese name. */
  name: string;
  level: Level;
  status: Status;
  /** How the site meets it, or why it does not apply, in a sentence or two. */
  how: string;
  checks: Check[];
}

/** The level as GB/T 37668-2019 names it. */
export const LEVEL_NAMES: Record<Level, string> = { A: '一级', AA: '二级', AAA: '三级' };

const axe: Check = { file: 'tests/browser/accessibility.test.ts', test: 'has no violations' };
const axeCare: Check = { file: 'tests/browser/accessibility.test.ts', test: 'has no violations in 关怀模式' };
const structure = (test: string): Check => ({ file: 'tests/site/site-structure.test.ts', test });
const care = (test: string): Check => ({ file: 'tests/browser/care-mode.test.ts', test });
const reflow = (test: string): Check => ({ file: 'tests/browser/reflow.test.ts', test });
const statement = (test: string): Check => ({ file: 'tests/site/accessibility-statement.test.ts', test });

/** The indicators of levels 一级 and 二级 (WCAG 2.2 A and AA), then the 三级 ones 关怀模式 meets. */
export const CRITERIA: Criterion[] = [
  { sc: '1.1.1', name: '非文本内容', level: 'A', status: '符合', how: '页面没有表达内容的图片；装饰性符号（如段落链接的 ¶）对读屏软件隐藏，并配有文字名称。', checks: [axe] },
  { sc: '1.2.1–1.2.3', name: '音频和视频（字幕、替代、口述影像）', level: 'A', status: '不适用', how: '本站只发布文字，没有音频和视频。', checks: [] },
  { sc: '1.3.1', name: '信息和关系', level: 'A', status: '符合', how: '标题分级、列表、带表头的表格和页面区域（页头、导航、正文、页脚）都用相应的 HTML 元素标出。', checks: [structure('never skips a heading level'), structure('has landmarks'), axe] },
  { sc: '1.3.2', name: '有意义的序列', level: 'A', status: '符合', how: '源代码顺序即阅读顺序；正式文本按原文顺序逐字呈现。', checks: [{ file: 'tests/site/fidelity.test.ts', test: 'shows the whole seed, in order' }] },
  { sc: '1.3.3', name: '感官特征', level: 'A', status: '符合', how: '说明文字不依赖形状、位置或颜色（如“点击右侧”）。', checks: [] },
  { sc: '1.4.1', name: '颜色的使用', level: 'A', status: '符合', how: '正文中的链接带下划线；对照页的增删另有〔增〕〔删〕文字标记；指标以加粗和下划线标出。', checks: [axe] },
  { sc: '1.4.2', name: '音频控制', level: 'A', status: '不适用', how: '页面不播放声音。', checks: [] },
  { sc: '2.1.1', name: '键盘', level: 'A', status: '符合', how: '所有功能都用原生链接、按钮和表单实现，可用键盘操作；搜索结果可用方向键选择。', checks: [care('works from the keyboard'), { file: 'tests/browser/search.test.ts', test: 'is usable from the keyboard' }] },
  { sc: '2.1.2', name: '无键盘陷阱', level: 'A', status: '符合', how: '没有截获键盘焦点的部件；搜索结果面板可按 Esc 关闭。', checks: [{ file: 'tests/browser/search.test.ts', test: 'Escape closes' }] },
  { sc: '2.1.4', name: '字符键快捷方式', level: 'A', status: '不适用', how: '本站不设单键快捷键。', checks: [] },
  { sc: '2.2.1–2.2.2', name: '时间限制；暂停、停止、隐藏', level: 'A', status: '不适用', how: '没有时间限制，没有自动移动、滚动或更新的内容。', checks: [] },
  { sc: '2.3.1', name: '三次闪烁或低于阈值', level: 'A', status: '符合', how: '页面没有闪烁或动画。', checks: [] },
  { sc: '2.4.1', name: '绕过块', level: 'A', status: '符合', how: '每页开头有“跳到正文”链接，键盘聚焦时显示。', checks: [structure('has landmarks: a skip link')] },
  { sc: '2.4.2', name: '页面标题', level: 'A', status: '符合', how: '每页标题写明本页内容和所属工作要点。', checks: [structure('a title, a description')] },
  { sc: '2.4.3', name: '焦点顺序', level: 'A', status: '符合', how: '焦点按页面顺序移动，没有改动 tabindex 的顺序。', checks: [] },
  { sc: '2.4.4', name: '链接目的（上下文中）', level: 'A', status: '符合', how: '链接文字本身或其所在句子说明去向。', checks: [axe] },
  { sc: '2.5.1–2.5.2', name: '指针手势；指针取消', level: 'A', status: '符合', how: '只有单击，没有多点或路径手势；操作在松开时才生效（原生链接和按钮）。', checks: [] },
  { sc: '2.5.3', name: '名称中包含标签', level: 'A', status: '符合', how: '按钮和链接的无障碍名称与看得见的文字一致，如“关怀模式”按钮。', checks: [care('is a button with aria-pressed'), axe] },
  { sc: '2.5.4', name: '运动激活', level: 'A', status: '不适用', how: '没有靠晃动或倾斜设备触发的功能。', checks: [] },
  { sc: '3.1.1', name: '页面语言', level: 'A', status: '符合', how: '每页声明 lang="zh-CN"。', checks: [structure('gives every page lang="zh-CN"'), axe] },
  { sc: '3.2.1–3.2.2', name: '获得焦点时；输入时', level: 'A', status: '符合', how: '聚焦或输入不会跳转页面；搜索结果在输入后显示在搜索框下方，按回车才进入搜索页。', checks: [{ file: 'tests/browser/search.test.ts', test: 'shows results as you type' }] },
  { sc: '3.2.6', name: '一致的帮助', level: 'A', status: '符合', how: '每页页脚的同一位置链接本声明及其中的联系方式。', checks: [statement('links the statement from the footer of every page')] },
  { sc: '3.3.1–3.3.2', name: '错误识别；标签或说明', level: 'A', status: '符合', how: '唯一的输入框（搜索）有标签和示例提示；任何输入都不算错误，没有结果时页面会说明。', checks: [axe] },
  { sc: '3.3.7', name: '冗余输入', level: 'A', status: '不适用', how: '没有多步骤填写。', checks: [] },
  { sc: '4.1.1', name: '解析（GB/T 37668-2019 仍列此项，WCAG 2.2 已删除）', level: 'A', status: '符合', how: '每页 HTML 均通过 html-validate 检查。', checks: [structure('reports 0 html-validate errors')] },
  { sc: '4.1.2', name: '名称、角色、值', level: 'A', status: '符合', how: '只用原生元素；“关怀模式”开关是带 aria-pressed 的按钮。', checks: [care('is a button with aria-pressed'), axe] },

  { sc: '1.2.4–1.2.5', name: '字幕（直播）；口述影像', level: 'AA', status: '不适用', how: '没有音频和视频。', checks: [] },
  { sc: '1.3.4', name: '方向', level: 'AA', status: '符合', how: '页面不锁定横屏或竖屏，两种方向都按宽度排版。', checks: [reflow('fits 320 px')] },
  { sc: '1.3.5', name: '识别输入目的', level: 'AA', status: '不适用', how: '不收集个人信息。', checks: [] },
  { sc: '1.4.3', name: '对比度（最低）', level: 'AA', status: '符合', how: '文字与背景的对比度在浅色和深色模式下均不低于 4.5:1。', checks: [axe] },
  { sc: '1.4.4', name: '调整文本大小', level: 'AA', status: '符合', how: '字号以 rem 设定，随浏览器字号和缩放变化；关怀模式下放大到 200% 仍不丢内容。', checks: [care('scales to 200 %')] },
  { sc: '1.4.5', name: '文本图像', level: 'AA', status: '符合', how: '没有用图片呈现的文字。', checks: [] },
  { sc: '1.4.10', name: '重排', level: 'AA', status: '部分符合', how: '320 CSS 像素宽时不出现横向滚动。例外：附件中的宽表格在自己的框内横向滚动（WCAG 允许二维表格如此）。', checks: [reflow('fits 320 px'), care('scales to 200 %')] },
  { sc: '1.4.11', name: '非文本对比度', level: 'AA', status: '符合', how: '输入框和按钮的边框、焦点框与背景的对比度不低于 3:1。', checks: [reflow('draws the borders of form controls at 3:1')] },
  { sc: '1.4.12', name: '文本间距', level: 'AA', status: '符合', how: '加大行距、段距、字距和词距后内容不被截断、不重叠。', checks: [reflow('keeps every text whole with the text spacing')] },
  { sc: '1.4.13', name: '悬停或获得焦点时的内容', level: 'AA', status: '不适用', how: '没有悬停或聚焦时弹出的内容，也没有弹窗。', checks: [] },
  { sc: '2.4.5', name: '多种方式', level: 'AA', status: '符合', how: '导航、全文目录、按处室查看、全文搜索和站点地图。', checks: [structure('lists every page in the sitemap')] },
  { sc: '2.4.6', name: '标题和标签', level: 'AA', status: '符合', how: '标题沿用原文的条目标题；表单标签写明用途。', checks: [] },
  { sc: '2.4.7', name: '焦点可见', level: 'AA', status: '符合', how: '键盘焦点有 3 像素（关怀模式下 4 像素）的轮廓。', checks: [care('draws a focus outline')] },
  { sc: '2.4.11', name: '焦点不被遮挡（最低）', level: 'AA', status: '符合', how: '没有固定在屏幕上的页头或浮层遮挡焦点。', checks: [] },
  { sc: '2.5.7', name: '拖动动作', level: 'AA', status: '不适用', how: '没有拖动操作。', checks: [] },
  { sc: '2.5.8', name: '目标尺寸（最低）', level: 'AA', status: '符合', how: '链接和按钮不小于 24 × 24 像素，或与相邻目标相距足够远；句中链接属于标准的例外。', checks: [axe] },
  { sc: '3.1.2', name: '部分语言', level: 'AA', status: '符合', how: '内容均为中文；其中的字母和数字属于中文文本的一部分。', checks: [] },
  { sc: '3.2.3–3.2.4', name: '一致的导航；一致的识别', level: 'AA', status: '符合', how: '同一份工作要点的所有页面使用同一页头、导航和页脚，顺序不变。', checks: [statement('gives every page of a plan the same navigation')] },
  { sc: '3.3.3–3.3.4', name: '错误建议；错误预防', level: 'AA', status: '不适用', how: '没有提交数据的表单。', checks: [] },
  { sc: '3.3.8', name: '无障碍身份验证（最低）', level: 'AA', status: '不适用', how: '无需登录。', checks: [] },
  { sc: '4.1.3', name: '状态消息', level: 'AA', status: '符合', how: '搜索结果数量以 aria-live 区域播报。', checks: [] },

  { sc: '1.4.6', name: '对比度（增强）', level: 'AAA', status: '符合', how: '关怀模式下文字与背景的对比度不低于 7:1（浅色和深色）。', checks: [axeCare] },
  { sc: '1.4.8', name: '视觉呈现', level: 'AAA', status: '部分符合', how: '关怀模式下文字不小于 24 像素、行距 1.85 倍、不两端对齐，放大到 200% 不需左右滚动，正文栏一行不超过 40 个汉字。不足：前景和背景颜色不能自选（只随系统的浅色或深色模式），部分列表页在宽屏上一行多于 40 字。', checks: [care('sets all text at 24 px or more'), care('scales to 200 %')] },
  { sc: '2.3.3', name: '交互动画', level: 'AAA', status: '符合', how: '本站没有动画；关怀模式另外关闭一切过渡效果。', checks: [] },
  { sc: '2.4.13', name: '焦点外观', level: 'AAA', status: '符合', how: '关怀模式下焦点轮廓 4 像素，与背景对比度不低于 7:1。', checks: [care('draws a focus outline')] },
  { sc: '2.5.5', name: '目标尺寸（增强）', level: 'AAA', status: '符合', how: '关怀模式下句子以外的链接、按钮和输入框不小于 44 × 44 像素。', checks: [care('gives every target outside running text 44 × 44 px')] },
];
