/**
 * HTML → SourceLines: plain <p> pages, Word's GB2312 "save as web page", gov-site chrome, hostile text, tables.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { collapseBlockSpace } from '../../src/read/html-blocks.ts';
import { readSource } from '../../src/read/read-source.ts';
import { escapeHtml, SEED_LINES } from '../support/read-fixtures.ts';

async function read(bytes: Uint8Array, name = 'plan.html') {
  const result = await readSource(bytes, name);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.value;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readHtml', () => {
  it('reads the seed as <p> paragraphs exactly, each a paragraph start with its block index as line', async () => {
    const html = `<!DOCTYPE html><html><head><title>x</title></head><body>${SEED_LINES.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</body></html>`;
    const doc = await read(utf8(html));
    expect(doc.lines.map((l) => l.text)).toEqual(SEED_LINES);
    expect(doc.lines.every((l, i) => l.para === 'start' && l.line === i + 1 && l.column === 1)).toBe(true);
  });

  it("reads Word's GB2312 web page: declared charset, MsoNormal spans, &nbsp;/U+3000 indents, wrapped source", async () => {
    const lines = SEED_LINES.slice(0, 40);
    // Word wraps its HTML source inside Chinese text and splits a paragraph into spans.
    const wrap = (t: string) => [...t].map((c, i) => (i > 0 && i % 30 === 0 && /[\u4e00-\u9fff]/u.test(c) ? `\r\n${c}` : c)).join('');
    const paragraphs = lines.map((l, i) => {
      const half = Math.floor(l.length / 2);
      const indent = i % 2 ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '\u3000\u3000';
      return `<p class=MsoNormal style='text-indent:32.0pt'><span lang=EN-US style='font-family:仿宋_GB2312'>${indent}</span><span style='font-family:仿宋_GB2312'>${wrap(escapeHtml(l.slice(0, half)))}</span><span\r\nstyle='font-family:仿宋_GB2312'>${wrap(escapeHtml(l.slice(half)))}</span></p>`;
    });
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office">\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=gb2312">\r\n<style>\r\n<!-- p.MsoNormal {margin:0cm;} -->\r\n</style>\r\n</head>\r\n<body lang=ZH-CN style='text-justify-trim:punctuation'>\r\n<div class=WordSection1>\r\n${paragraphs.join('\r\n')}\r\n</div>\r\n</body>\r\n</html>`;
    const doc = await read(new Uint8Array(iconv.encode(html, 'gb2312')), 'plan.htm');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.lines.map((l) => stripWhitespace(l.text))).toEqual(lines.map(stripWhitespace));
    // Lines without spaces of their own come back exactly: the source wraps vanished between CJK characters.
    for (const [i, l] of lines.entries()) if (!l.includes(' ')) expect(doc.lines[i]!.text).toBe(l);
  });

  it('leaves out site chrome, scripts, styles and hidden elements', async () => {
    const html = `<!DOCTYPE html><html><head><style>p{}</style><script>var x = '一、假';</script></head><body>
      <header><h1>湖南省教育厅门户网站</h1></header><nav><ul><li>首页</li><li>信息公开</li></ul></nav>
      <div class="article"><div class="meta">索引号：430000/2020-001</div>
        <p>一、总则</p><p hidden>隐藏</p><p style="display: none">也隐藏</p><noscript>请启用脚本</noscript><template><p>模板</p></template>
        <p>1.第一项</p></div>
      <aside>相关链接</aside><footer>版权所有</footer></body></html>`;
    const doc = await read(utf8(html));
    expect(doc.lines.map((l) => l.text)).toEqual(['索引号：430000/2020-001', '一、总则', '1.第一项']);
  });

  it('keeps hostile text literal', async () => {
    const doc = await read(utf8('<!DOCTYPE html><p>&lt;script&gt;alert(1)&lt;/script&gt; {props} *x* &amp;amp;</p>'));
    expect(doc.lines.map((l) => l.text)).toEqual(['<script>alert(1)</script> {props} *x* &amp;']);
  });

  it('splits <br> lines and reads data tables as rows, layout tables as paragraphs', async () => {
    const html = `<!DOCTYPE html><body><p>第一行<br>第二行</p>
      <table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td> 加强 党建 </td></tr></table>
      <table><tr><td><p>版式一</p><p>版式二</p></td><td>旁</td></tr></table>
      <table><tr><td>单列一</td></tr><tr><td>单列二</td></tr></table></body>`;
    const doc = await read(utf8(html));
    expect(doc.lines.map((l) => l.text)).toEqual(['第一行', '第二行', '序号任务1加强 党建', '版式一', '版式二', '旁', '单列一', '单列二']);
    expect(doc.lines[2]!.table).toEqual([['序号', '任务'], ['1', '加强 党建']]);
  });

  it('collapses HTML whitespace: source wraps vanish next to CJK, other runs become one space', () => {
    expect(collapseBlockSpace('\u3000\u3000教育\n  工作 2020  年\nword\n wrap ')).toBe('教育工作 2020 年word wrap');
  });

  it('falls back to GB18030 when the page declares nothing and is not UTF-8', async () => {
    const doc = await read(new Uint8Array(iconv.encode('<!DOCTYPE html><p>一、总则</p>', 'gbk')), 'x.html');
    expect([doc.encoding, doc.lines[0]!.text]).toEqual(['gb18030', '一、总则']);
  });
});
