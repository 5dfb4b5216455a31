/**
 * The search script, loaded on demand by the page script (first focus on a search box, a ?q= in the URL,
 * or the search page). Classic script, no imports at run time: works on the web and from file://.
 */
import { createEngine, type Filters } from './engine.ts';
import { h } from './dom.ts';
import { highlightQuery } from './highlight.ts';
import { renderResults, statusText } from './render.ts';
import { runSearch } from './search.ts';
import { ALL_PLANS } from '../search/filters.ts';
import { planId } from './site-paths.ts';

/** The stylesheet's file name, set at build time (src/integrations/client-scripts.ts). */
declare const __SEARCH_CSS__: string;

const engine = createEngine();
const PANEL_LIMIT = 6;

/**
 * Search's stylesheet (src/styles/search.css), linked when this script starts: pages read without searching never
 * download it. It loads while Pagefind starts; results wait for it (settled either way: unstyled results are
 * better than none), so they never show unstyled.
 */
const styled = new Promise<void>((done) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  // Beside this script in _assets/, on the web and from file:// alike.
  link.href = new URL(__SEARCH_CSS__, (document.currentScript as HTMLScriptElement).src).href;
  link.onload = link.onerror = () => done();
  document.head.append(link);
});

/**
 * Runs `fn` on every input, without a debounce (a search takes a few milliseconds once the index is loaded);
 * `isCurrent` tells a run whether a newer one has started, so only the latest results are ever shown.
 */
function latest<T extends unknown[]>(fn: (isCurrent: () => boolean, ...args: T) => Promise<void>): (...args: T) => void {
  let sequence = 0;
  return (...args) => {
    const mine = ++sequence;
    void fn(() => mine === sequence, ...args);
  };
}

/** Arrow keys move between result links; Escape returns to the box. */
function keyboard(input: HTMLInputElement, list: HTMLElement, onEscape: () => void) {
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length > 0) {
      e.preventDefault();
      links()[0]!.focus();
    } else if (e.key === 'Escape') onEscape();
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && i < all.length - 1) {
      e.preventDefault();
      all[i + 1]!.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (i <= 0 ? input : all[i - 1]!).focus();
    } else if (e.key === 'Escape') {
      input.focus();
      onEscape();
    }
  });
}

/** The box in the header: results drop in below it as you type. */
function headerSearch(input: HTMLInputElement) {
  const form = input.form!;
  const status = h('p', { class: 'search-status', 'aria-live': 'polite' });
  const list = h('ol', { class: 'search-results', id: 'header-results' });
  const all = h('a', { class: 'search-all' }, '查看全部结果 →');
  const panel = h('div', { class: 'search-panel', hidden: '', 'aria-label': '搜索结果' }, status, list, all);
  panel.setAttribute('role', 'region');
  form.after(panel);
  input.setAttribute('aria-controls', 'header-results');
  const close = () => {
    panel.hidden = true;
  };
  const update = latest(async (isCurrent, query: string) => {
    // The header searches the plan being read (every plan on the archive's own pages).
    const [results] = await Promise.all([runSearch(engine, query, { section: '', office: '', plan: planId }), styled]);
    if (!isCurrent()) return;
    // On the archive's own pages the header searches every plan, so each result names its year.
    renderResults(list, results, { limit: PANEL_LIMIT, showPlan: planId === '' });
    status.textContent = statusText(results);
    // The form's own address and fields (the archive's pages search every plan), as submitting it would.
    const url = new URL(form.action);
    for (const [k, v] of new FormData(form)) url.searchParams.set(k, String(v));
    url.searchParams.set('q', query);
    all.setAttribute('href', url.href);
    all.hidden = results.items.length <= PANEL_LIMIT;
    panel.hidden = query.trim() === '';
  });
  input.addEventListener('input', () => update(input.value));
  keyboard(input, list, close);
  if (input.value) update(input.value);
}

/** The search page: box, filters, every result; the URL keeps the query so results can be shared. */
function searchPage(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  // A plan without section headings or without 责任单位 has no such filter on its page.
  const section = form.querySelector<HTMLSelectElement>('select[name="section"]');
  const office = form.querySelector<HTMLSelectElement>('select[name="office"]');
  // The plan filter: a choice of plan when the archive has several, defaulting to the page's own plan;
  // ALL_PLANS searches every plan (a value of its own, so the choice survives in the URL).
  const plan = form.querySelector<HTMLSelectElement>('select[name="plan"]');
  const chosenPlan = () => (plan ? (plan.value === ALL_PLANS ? '' : plan.value) : planId);
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if (section) section.value = params.get('section') ?? '';
  if (office) office.value = params.get('office') ?? '';
  if (plan) plan.value = params.get('plan') ?? planId;
  const update = latest(async (isCurrent) => {
    const query = input.value;
    const filters: Filters = { section: section?.value ?? '', office: office?.value ?? '', plan: chosenPlan() };
    const [results] = await Promise.all([runSearch(engine, query, filters), styled]);
    if (!isCurrent()) return;
    renderResults(list, results, { showPlan: filters.plan !== planId });
    status.textContent = statusText(results);
    const url = new URL(location.href);
    for (const [k, v] of Object.entries({ q: query, section: filters.section, office: filters.office, plan: plan && plan.value !== planId ? plan.value : '' })) {
      if (v) url.searchParams.set(k, v);
      else url.searchParams.delete(k);
    }
    history.replaceState(null, '', url);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  input.addEventListener('input', update);
  section?.addEventListener('change', update);
  office?.addEventListener('change', update);
  plan?.addEventListener('change', update);
  keyboard(input, list, () => undefined);
  if (input.value || section?.value || office?.value) update();
  form.dataset.ready = 'true';
}

/** On the search page the header's box types into the page's own: one search, its results on the page. */
function followHeader(header: HTMLInputElement, form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const follow = () => {
    input.value = header.value;
    input.dispatchEvent(new Event('input'));
  };
  header.addEventListener('input', follow);
  header.form?.addEventListener('submit', (e) => {
    e.preventDefault();
    follow();
    input.focus();
  });
}

function start() {
  engine.warm();
  const q = new URLSearchParams(location.search).get('q') ?? '';
  const pageForm = document.querySelector<HTMLFormElement>('#search-form');
  if (pageForm) searchPage(pageForm);
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header && !pageForm) headerSearch(header);
  if (header && pageForm) followHeader(header, pageForm);
  // The note over a page reached from a result is styled by the same sheet, which that search already brought.
  if (q && !pageForm) highlightQuery(q);
  document.documentElement.dataset.search = 'ready';
}

start();
