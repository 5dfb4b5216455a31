/**
 * Results as HTML: item number, title, section, excerpt with the matched words marked; offices and sections
 * that match are listed first as shortcuts.
 */
import { excerpt } from '../search/match.ts';
import { h } from './dom.ts';
import type { Hit, Results } from './search.ts';
import { pageUrl } from './site-paths.ts';

/** What is marked in excerpts and searched for: the query, or the text it was read as. */
const searched = (results: Results, hit: Hit) => results.reading?.terms.find((t) => hit.text.includes(t)) ?? results.query;

function excerptNode(hit: Hit, query: string): HTMLElement {
  const p = h('p', { class: 'result-excerpt' });
  for (const part of excerpt(hit.text, query, 24)) p.append(part.hit ? h('mark', {}, part.text) : part.text);
  return p;
}

/** Options of a rendering. */
export interface RenderOptions {
  /** Cap on the item results (the header panel shows a few). */
  limit?: number;
  /** Name each result's plan (its year): the results come from several plans, or from another plan than the page's. */
  showPlan?: boolean;
}

const yearOf = (hit: Hit, show: boolean) => (show && (hit.years ?? hit.year) ? `${hit.years ?? hit.year}年 · ` : '');

function itemNode(hit: Hit, query: string, showPlan: boolean): HTMLElement {
  return h(
    'li',
    { class: 'result', 'data-kind': 'item', 'data-number': String(hit.number) },
    h('a', { href: pageUrl(hit.path, query), class: 'result-title' }, h('span', { class: 'result-number' }, `${hit.number}.`), ` ${hit.title}`),
    h('p', { class: 'result-meta' }, `${yearOf(hit, showPlan)}${hit.section ?? ''} · ${hit.count} 处`),
    excerptNode(hit, query),
  );
}

function shortcutNode(hit: Hit, showPlan: boolean): HTMLElement {
  const label = hit.kind === 'office' ? '处室' : '部分';
  return h(
    'li',
    { class: 'result result-shortcut', 'data-kind': hit.kind },
    h('span', { class: 'badge' }, label),
    ' ',
    h('a', { href: pageUrl(hit.path) }, `${yearOf(hit, showPlan)}${hit.title}`),
    hit.summary ? h('span', { class: 'result-meta' }, ` ${hit.kind === 'office' ? hit.summary : ''}`) : null,
  );
}

/** Renders results into `list`. */
export function renderResults(list: HTMLElement, results: Results, { limit = Infinity, showPlan = false }: RenderOptions = {}): void {
  const shortcuts = [...results.offices, ...results.sections];
  const nodes: HTMLElement[] = [];
  if (shortcuts.length > 0) nodes.push(h('li', { class: 'result-group' }, h('ul', { class: 'result-shortcuts' }, ...shortcuts.map((s) => shortcutNode(s, showPlan)))));
  for (const hit of results.items.slice(0, limit)) nodes.push(itemNode(hit, searched(results, hit), showPlan));
  list.replaceChildren(...nodes);
}

/** The status line, e.g. 找到 12 项工作包含“大班额”。, saying how the query was read when not as typed. */
export function statusText(results: Results): string {
  if (results.query.trim() === '') return '';
  const n = results.items.length;
  if (results.reading) {
    const terms = results.reading.terms.map((t) => `“${t}”`).join('或');
    return `按${results.reading.how}匹配：${results.reading.terms.join('、')}。${n === 0 ? `没有工作事项包含${terms}。` : `找到 ${n} 项工作包含${terms}。`}`;
  }
  return n === 0 ? `没有找到包含“${results.query}”的工作事项。` : `找到 ${n} 项工作包含“${results.query}”。`;
}
