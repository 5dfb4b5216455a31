import { describe, expect, it } from 'vitest';
import { rewriteUrl, rootFrom } from '../../src/publish/offline/offline-links.ts';
import { searchDataScript } from '../../src/publish/offline/offline-bundle.ts';

const files = new Set(['index.html', 'items/2/index.html', 'items/3/index.html', 'offices/index.html', '_astro/a.css', 'data/plan.json', 'favicon.svg']);
const exists = (f: string) => files.has(f);

describe('rewriteUrl', () => {
  it.each([
    ['/items/3/', 'items/2/index.html', '../3/index.html'],
    ['/items/3/#m1', 'items/2/index.html', '../3/index.html#m1'],
    ['/', 'items/2/index.html', '../../index.html'],
    ['/offices/', 'index.html', 'offices/index.html'],
    ['/_astro/a.css', 'items/2/index.html', '../../_astro/a.css'],
    ['#goals', 'items/2/index.html', '#goals'],
    ['/items/2/', 'items/2/index.html', 'index.html'],
  ])('%s from %s → %s', (url, page, expected) => {
    expect(rewriteUrl(url, page, '/', exists)).toEqual({ kind: 'local', url: expected });
  });

  it('reports a page that is not in the bundle as missing, naming the file it looked for', () => {
    // The search page is left online in this bundle: the row must name search/index.html, not just say "missing".
    expect(rewriteUrl('/search/?q=x', 'index.html', '/', exists)).toEqual({ kind: 'missing', path: 'search/index.html' });
    expect(rewriteUrl('/search/?q=x', 'index.html', '/', (f) => exists(f) || f === 'search/index.html')).toEqual({ kind: 'local', url: 'search/index.html?q=x' });
  });

  it('works under a base path', () => {
    expect(rewriteUrl('/plans/2020/items/3/', 'items/2/index.html', '/plans/2020/', exists)).toEqual({ kind: 'local', url: '../3/index.html' });
  });

  it('leaves external links alone and reports files not in the bundle', () => {
    expect(rewriteUrl('https://example.org/', 'index.html', '/', exists)).toEqual({ kind: 'external' });
    expect(rewriteUrl('mailto:a@b.c', 'index.html', '/', exists)).toEqual({ kind: 'external' });
    expect(rewriteUrl('/downloads/plan.pdf', 'index.html', '/', exists)).toEqual({ kind: 'missing', path: 'downloads/plan.pdf' });
  });
});

describe('rootFrom', () => {
  it('climbs one level per folder', () => {
    expect(rootFrom('index.html')).toBe('./');
    expect(rootFrom('items/2/index.html')).toBe('../../');
  });
});

describe('searchDataScript', () => {
  it('cannot be closed early by plan text', async () => {
    const script = await searchDataScript([{ id: '2020', year: 2020, plan: {
      title: 't',
      requirements: [],
      sections: [{ number: 1, numeral: '一', separator: '、', title: 's', items: [1] }],
      items: [
        {
          number: 1,
          id: '1',
          title: '</script><script>alert(1)</script>',
          section: 1,
          fields: [
            { kind: 'goals', label: '目标任务：', labelOwnLine: false, paragraphs: ['g'] },
            { kind: 'measures', label: '工作措施：', labelOwnLine: false, paragraphs: ['m'] },
          ],
          responsible: { units: [{ name: '办公室', kind: 'office', office: 'bangongshi', lead: true }], etc: false, trailing: '' },
          source: { numberText: '1.', headline: 'line', titleEnd: '', units: { label: '责任单位：', style: 'line', open: '', close: '', labelOwnLine: false }, pos: { line: 1, column: 1 } },
        },
      ],
      attachments: [],
      offices: [{ slug: 'bangongshi', name: '办公室', aliases: [], items: [{ number: 1, lead: true }], closing: false }],
      groups: [],
      targets: [],
      citations: [],
      quotes: [],
    } }]);
    expect(script).not.toContain('</script>');
    expect(script).toContain('\\u003c/script>');
  });
});
