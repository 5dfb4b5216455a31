/**
 * Web-page furniture line by line: what a page adds is recognised in either script and punctuation; what a
 * document says — even about a 来源, a 下载 or a date — stays text; what could be either is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForMatching, scanWebFurniture, webVerdict } from '../../src/plan/web-furniture.ts';
import { toSourceLines } from '../../src/plan/normalize.ts';

const FURNITURE: [string, string][] = [
  ['当前位置：首页 > 政务公开 > 通知公告', 'breadcrumb'],
  ['當前位置：首頁 > 政務公開 > 通知公告', 'breadcrumb'],
  ['您现在的位置: 首页 » 信息公开', 'breadcrumb'],
  ['首页>通知公告>正文', 'breadcrumb'],
  ['首页 › 新闻中心', 'breadcrumb'],
  ['首页 | English | 无障碍', 'site navigation'],
  ['首頁｜機構概況｜政務公開｜互動交流', 'site navigation'],
  ['发布日期：2021-03-02 09:15:27　来源：办公室　浏览次数：1024　字号：大 中 小', 'page facts'],
  ['發布日期：2021-03-02 09:15:27　來源：辦公室　瀏覽次數：1024', 'page facts'],
  ['发布时间:2023-02-21 10:05:33 来源:市教育局 浏览次数:356', 'page facts'],
  ['时间：2023年2月21日 08:30　点击数：87', 'page facts'],
  ['来源：市教育局　作者：办公室', 'page facts'],
  ['【字体：大 中 小】【打印】【关闭】', 'page facts'],
  ['2021-03-02 09:15:27', 'page facts'],
  ['上传人：b****7　文档编号：9381245　上传时间：2023-03-02　格式：DOCX　页数：4　大小：29.51KB', 'page facts'],
  ['发布时间：2021年03月02日 09时15分　文章来源：本站　浏览次数： 次', 'page facts'],
  ['分享到：微信 微博 QQ空间', 'page tools'],
  ['首页 上一页 1 2 3 下一页 尾页', 'page tools'],
  ['发布日期：2023-02-21', 'page facts'],
  ['发布时间：2023年2月15日', 'page facts'],
  ['索  引  号 11430100/2023-00105　　分  类 通知公告', 'page facts'],
  ['发 布 机 构 某市教育局　　发 文 日 期 2023-02-20', 'page facts'],
  ['名　　称 某市教育局关于印发《某市2023年工作要点》的通知', 'page facts'],
  ['2023/2/21 上午9:15　某市2023年工作要点', 'print header'],
  ['https://www.example.gov.cn/xxgk/t20230221_1.html  1/5', 'page address'],
  ['VIP', 'document-site marks'],
  ['29.51KB', 'document-site marks'],
  ['24 页', 'document-site marks'],
  ['VIP　29.51KB　24页　下载　举报', 'document-site marks'],
  ['某某工作要点.docx', 'document-site marks'],
  ['打印本页　关闭窗口', 'page tools'],
  ['【打印】【关闭】', 'page tools'],
  ['[打印本页] [关闭窗口]', 'page tools'],
  ['打印本頁　關閉窗口', 'page tools'],
  ['分享到：', 'page tools'],
  ['上一篇：关于做好春季学期开学工作的通知', 'page tools'],
  ['下一篇:关于公布2022年度优秀教研成果的通知', 'page tools'],
  ['相关链接', 'page tools'],
  ['扫一扫在手机打开当前页', 'page tools'],
  ['掃一掃在手機打開當前頁', 'page tools'],
  ['附件：青山市教育局2023年工作要点.docx', 'download link'],
  ['附件下载：1.任务分工表.xlsx', 'download link'],
  ['位置：首页 > 通知公告', 'breadcrumb'],
  ['浏览次数：', 'page facts'],
  ['主办单位：某市教育局　技术支持：某某信息公司', 'page facts'],
  ['版权所有：某市教育局　网站标识码：4300000000　某ICP备12345678号', 'site footer'],
];

// Lines of the genre's documents that mention what a page's furniture names, or look a little like it.
const TEXT = [
  '2020年3月6日',
  '二〇二一年三月二日',
  '湖南省教育厅办公室 2020年3月6日印发',
  '（此件主动公开）',
  '责任单位：办公室、机关党委',
  '1.加强经费来源管理。拓宽经费来源渠道，规范资金使用。',
  '来源广泛的优质教育资源进一步丰富。',
  '资金来源：省级财政专项资金。',
  '建设资源下载平台，方便教师下载和使用教学资源。',
  '一、加强党的建设',
  '（一）指导思想',
  '抄送：教育部办公厅。',
  '附件：1.任务分工表',
  '附件：青山市教育局2023年工作要点任务分工表',
  '附件',
  '时间安排：3月至12月，分三个阶段推进。',
  '湘教发〔2020〕8号',
  '新增学位3000个，覆盖率达到80%以上。',
  '优秀>良好',
  '打印机、复印机等办公设备集中采购。',
  '1 2 3',
  '2024327',
  '网址：https://www.example.gov.cn',
  '2023/2/21',
  '序号 文件名称 文号 发文日期',
  '名称：某市教育局',
  '9:00',
  '下一步工作安排',
];

describe('web-page furniture, line by line', () => {
  it('has lines of each shape to check', () => {
    expect(new Set(FURNITURE.map(([, s]) => s)).size).toBeGreaterThanOrEqual(5);
    expect(TEXT.length).toBeGreaterThan(0);
  });
  for (const [line, shape] of FURNITURE) {
    it(`“${line}” is ${shape}`, () => {
      expect(webVerdict(line)).toEqual({ is: 'furniture', shape });
    });
  }
  for (const line of TEXT) {
    it(`“${line}” is text`, () => {
      expect(webVerdict(line)).toEqual({ is: 'text' });
    });
  }

  it('cannot tell a lone 来源 line, a lone date line or a bare five-digit number from text', () => {
    for (const line of ['来源：省教育厅', '时间：2023年2月21日', '日期：2023-02-21', '25634']) expect(webVerdict(line).is).toBe('unsure');
  });

  it('reads traditional characters and full-width punctuation as their simplified, ASCII forms', () => {
    expect(foldForMatching('發布日期：２０２１－０３－０２　瀏覽次數')).toBe('发布日期:2021-03-02 浏览次数');
  });

  it('settles a lone fact or a bare number by the page furniture next to it', () => {
    const lines = toSourceLines('发布日期：2023-02-21 09:15:27\n1024\n来源：市教育局\n某市2023年工作要点');
    const scan = scanWebFurniture(lines, () => true);
    expect([...scan.removed.values()].map((f) => f.shape)).toEqual(['page facts', 'view count', 'page facts']);
    expect(scan.problems).toEqual([]);
  });

  it('refuses a line above the breadcrumb that nothing repeats, at that line', () => {
    const lines = toSourceLines('某市教育局门户网站\n当前位置：首页 > 通知公告\n某市2023年工作要点');
    const scan = scanWebFurniture(lines, () => true);
    expect(scan.problems.map((p) => [p.line, p.ruleId])).toEqual([[1, 'web-furniture-unsure']]);
  });

  it('takes a headline for the page’s only when the title repeats it below the page furniture', () => {
    const lines = toSourceLines('某市2023年工作要点\n发布日期：2023-02-21 09:15:27\n某市2023年工作要点\n总体要求是：做好工作。');
    const scan = scanWebFurniture(lines, () => true);
    expect(scan.removed.get(0)?.shape).toBe('page headline');
    expect(scan.removed.has(2)).toBe(false);
    // With no page furniture at all, a repeated line is the parser's to judge.
    expect(scanWebFurniture(toSourceLines('某市2023年工作要点\n某市2023年工作要点'), () => true).removed.size).toBe(0);
  });

  it('finds no web furniture in any line of the seed or of the fixtures that are not web copies', () => {
    const root = 'tests/fixtures';
    const files = readdirSync(root)
      // Web copies: the web-* fixtures, and news pages with their 发布时间 line (error-no-plan*).
      .filter((d) => !d.includes('web-') && !d.startsWith('error-no-plan'))
      .flatMap((d) => readdirSync(join(root, d)).filter((f) => f === 'input.txt').map((f) => join(root, d, f)));
    expect(files.length).toBeGreaterThan(10);
    const flagged = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split(/\r?\n/u)
        .filter((l) => l.trim() !== '' && webVerdict(l.trim()).is !== 'text')
        .map((l) => `${f}: ${l}`),
    );
    expect(flagged).toEqual([]);
  });
});
