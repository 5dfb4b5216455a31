/**
 * A page rewritten for the offline bundle: links name files relative to the page, links to what the bundle leaves
 * out go online, and nothing else of the page changes: not its text, not a URL written inside plan text or a
 * script, not a start tag that has nothing to rewrite.
 */
import { describe, expect, it } from 'vitest';
import { rewritePage } from '../../src/publish/offline/page-rewrite.ts';
import { StepError } from '../../src/publish/pipeline/cli.ts';

const opts = { base: '/', onlineRoot: 'https://plan.example.gov.cn/' };
const inBundle = new Set(['2020/index.html', '2020/items/3/index.html', '2020/items/2/index.html', '_assets/search.1.js', '_assets/care.1.css', '_assets/cite.1.js', '_astro/Base.1.css', 'favicon.svg', '2020/items/2/qr.svg']);
const exists = (f: string) => inBundle.has(f);
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN" data-search-script="/_assets/search.1.js" data-care-css="/_assets/care.1.css"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const FILE = '2020/items/2/index.html';

describe('rewritePage', () => {
  it('tells the page where its root is, that it is offline, and where the files its scripts fetch are', () => {
    const out = rewritePage(page(''), FILE, opts, exists);
    expect(out).toContain('<html lang="zh-CN" data-search-script="../../../_assets/search.1.js" data-care-css="../../../_assets/care.1.css" data-base="../../../" data-offline="true">');
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('points links at files beside the page, and what the bundle leaves out at the online site', () => {
    const out = rewritePage(page('<a href="/2020/items/3/#m1">3</a><a href="/2020/data/">数据</a><a href="https://example.org/">x</a><img src="qr.svg" alt="">', '<link rel="stylesheet" href="/_astro/Base.1.css"><link rel="icon" href="/favicon.svg">'), FILE, opts, exists);
    expect(out).toContain('<a href="../3/index.html#m1">3</a>');
    expect(out).toContain('<a href="https://plan.example.gov.cn/2020/data/">数据</a>');
    expect(out).toContain('<a href="https://example.org/">x</a>');
    expect(out).toContain('<img src="qr.svg" alt="">');
    expect(out).toContain('<link rel="stylesheet" href="../../../_astro/Base.1.css">');
    expect(out).toContain('<link rel="icon" href="../../../favicon.svg">');
  });

  it('keeps the canonical link online, leaves the sitemap out and rewrites a script fetched on first use', () => {
    const out = rewritePage(page('<details id="cite" data-script="/_assets/cite.1.js"></details>', '<link rel="canonical" href="https://plan.example.gov.cn/2020/items/2/"><link rel="sitemap" href="/sitemap-index.xml">'), FILE, opts, exists);
    expect(out).toContain('<link rel="canonical" href="https://plan.example.gov.cn/2020/items/2/">');
    expect(out).not.toContain('sitemap');
    expect(out).toContain('<details id="cite" data-script="../../../_assets/cite.1.js"></details>');
  });

  it('never touches text, scripts or attributes that hold no link, whatever they contain', () => {
    const hostile = [
      '<p class="para">&lt;a href="/2020/items/3/"&gt;三&lt;/a&gt; &amp;amp; {props} <!-- x --> “引号”</p>',
      '<script type="application/ld+json">{"url":"/2020/items/3/","name":"</p><a href=\'/x\'>"}</script>',
      '<script>var s = "<a href=\\"/2020/\\">";</script>',
      '<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>',
      '<span title="a &amp; &quot;b&quot; &lt;c&gt;">t</span>',
    ].join('');
    const out = rewritePage(page(hostile), FILE, opts, exists);
    expect(out).toContain(hostile);
  });

  it('writes a changed tag\'s other attributes back as HTML reads them', () => {
    const out = rewritePage(page('<a href="/2020/items/3/" title="“甲” &amp; &quot;乙&quot;" data-x>3</a>'), FILE, opts, exists);
    expect(out).toContain('<a href="../3/index.html" title="“甲” &amp; &quot;乙&quot;" data-x="">3</a>');
  });

  it('refuses a page with a module script, which file:// cannot run', () => {
    expect(() => rewritePage(page('<script type="module" src="/_assets/search.1.js"></script>'), FILE, opts, exists)).toThrow(StepError);
    expect(() => rewritePage(page('<script type="module" src="/_assets/search.1.js"></script>'), FILE, opts, exists)).toThrow(/module script/u);
  });
});
