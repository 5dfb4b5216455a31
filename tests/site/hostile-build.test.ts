/**
 * Literal rendering, proven through a real Astro build: a plan full of MDX, Markdown and HTML syntax
 * comes out as text, character for character, and injects no markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { itemToLines } from '../../src/plan/to-text.ts';
import { loadDocument, officialText } from '../support/html.ts';
import { copyProject, run } from '../../src/tooling/project-copy.ts';
import { currentEntry } from '../support/dist.ts';

const fixture = 'tests/fixtures/hostile-characters/input.txt';
let dir: string;
/** The built plan's folder in dist/ (pages live under /<id>/). */
let planDist: string;

beforeAll(() => {
  dir = copyProject();
  const content = run(dir, 'node', ['scripts/build-content.ts', join(process.cwd(), fixture)]);
  // Nothing to say about the plan; the one line allowed is the site-wide note that no accessibility contact is set.
  expect(content.stderr.split('\n').filter((l) => l && !l.includes('no-accessibility-contact'))).toEqual([]);
  const build = run(dir, 'astro', ['build']);
  expect(build.status, build.stderr).toBe(0);
  planDist = join(dir, 'dist', currentEntry(join(dir, 'content')).id);
});

describe('a hostile plan built by Astro', () => {
  const parsed = parsePlan(readFileSync(fixture, 'utf8'));
  if (!parsed.ok) throw new Error('fixture must parse');
  const item = parsed.value.items[0]!;

  it('shows the item text exactly as written', () => {
    const doc = loadDocument(join(planDist, 'items/1/index.html'));
    expect(stripWhitespace(officialText(doc))).toBe(stripWhitespace(itemToLines(item).join('')));
  });

  it.each([
    '{props.secret}',
    '{1+1}',
    "<script>alert('x')</script>",
    '*x*',
    '_y_',
    '`code`',
    '&amp;',
    '&lt;b&gt;',
    '</p>',
    '<!-- 注释 -->',
    '$x$',
    '[链接](http://x)',
    '# 井号开头的段落。',
    '1. 数字加点开头的段落。',
    '- 短横开头的段落。',
    '> 引用符开头的段落。',
    "import x from 'y'; 开头的段落。",
    'export const z = 1; 开头的段落。',
    '<div>标签开头</div>。',
  ])('renders %s literally', (snippet) => {
    const doc = loadDocument(join(planDist, 'items/1/index.html'));
    expect(officialText(doc)).toContain(snippet);
  });

  it('injects no element from the text', () => {
    const doc = loadDocument(join(planDist, 'items/1/index.html'));
    const main = doc.querySelector('main')!;
    for (const tag of ['script', 'i', 'b', 'div:not(.field)', 'em', 'strong', 'code', 'h1 h1', 'ol', 'ul li p', 'blockquote', 'hr', 'img', 'table']) {
      expect(main.querySelectorAll(`[data-official] ${tag}`).length, tag).toBe(0);
    }
    // The site's own two scripts (关怀模式 in <head>, the page script after the footer), none from the text.
    expect(main.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('script:not([type="application/ld+json"])').length).toBeLessThanOrEqual(2);
  });

  it('keeps hostile text data in the head metadata and the reference: the JSON-LD parses back to the title, the reference is text', () => {
    const doc = loadDocument(join(planDist, 'items/1/index.html'));
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const graph = (JSON.parse(scripts[0]!.textContent!) as { '@graph': { '@type': string; name?: string }[] })['@graph'];
    expect(graph.map((n) => n.name)).toContain(`${item.source.numberText.trim()} ${item.title}`);
    expect(scripts[0]!.textContent).not.toContain('<');
    const reference = doc.querySelector('#cite-item .cite-text')!;
    expect(reference.children).toHaveLength(1);
    expect(reference.textContent).toContain(item.title);
  });

  it('shows hostile text literally on the office, section and whole-plan pages too', () => {
    const full = loadDocument(join(planDist, 'full/index.html'));
    expect(officialText(full)).toContain('标题含 {花括号} 与 <i>标签</i> 和 *星号*');
    expect(officialText(full)).toContain('第一部分 {危险} <b>');
    const section = loadDocument(join(planDist, 'sections/1/index.html'));
    expect(section.querySelector('h1')!.textContent).toBe('一、第一部分 {危险} <b>');
    const office = loadDocument(join(planDist, 'offices/script-chu/index.html'));
    expect(office.querySelector('h1')!.textContent).toBe('<script>处');
  });
});
