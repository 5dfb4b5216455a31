/**
 * Where candidates come from. Online, a search of the page's own plan: the plan's records file beside its index
 * (src/search/records-file.ts), every record a candidate; where the plan has none (too large) or the search spans
 * other plans: Pagefind (its index stores one token per character, so every page that holds the query is a
 * candidate). Offline: the records embedded by the bundle's search-data script.
 * Either way, exact matching (src/search/match.ts) then decides what is a hit.
 */
import { queryTokens } from '../search/match.ts';
import { FILTERS } from '../search/filters.ts';
import type { SearchAids } from '../search/forgiving.ts';
import { RECORDS_FILE } from '../search/records-file.ts';
import { base, offline, planId } from './site-paths.ts';

/** A page that may contain the query. */
export interface Candidate {
  path: string;
  kind: 'item' | 'office' | 'section';
  number?: number;
  title: string;
  section?: string;
  summary?: string;
  /** Text to match and excerpt (whitespace may differ from the page; matching ignores it). */
  text: string;
  /** The year of the plan the page belongs to (the first of a span), for ordering. */
  year?: number;
  /** The plan's year or span as results name it, e.g. 2018—2020. */
  years?: string;
}

/** Filters the reader chose; empty strings mean "all". */
export interface Filters {
  section: string;
  office: string;
  /** The plan searched (its id); '' searches every plan (a plan's zip holds that plan; the archive's zip, all). */
  plan?: string;
}

/** A source of candidates. */
export interface Engine {
  /** Pages that may contain the query, restricted by the filters. */
  candidates(query: string, filters: Filters): Promise<Candidate[]>;
  /** Starts loading whatever the first search needs. */
  warm(): void;
  /** The tables of the forgiving search, loaded on first use (a query that found nothing as typed). */
  aids(): Promise<SearchAids>;
}

declare global {
  interface Window {
    __SEARCH_AIDS__?: SearchAids;
  }
}

let aids: Promise<SearchAids> | undefined;
/** Loads /search-aids.js once (online; an offline bundle carries its own tables in its search-data script). */
function loadAids(): Promise<SearchAids> {
  aids ??= new Promise((resolve, reject) => {
    if (window.__SEARCH_AIDS__) return resolve(window.__SEARCH_AIDS__);
    const s = document.createElement('script');
    s.src = `${base}search-aids.js`;
    s.onload = () => resolve(window.__SEARCH_AIDS__ ?? { simplified: {}, terms: [] });
    s.onerror = () => reject(new Error('search aids failed to load'));
    document.head.append(s);
  });
  return aids;
}

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
  search(term: string | null, options: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
}

/** Where a plan's own index is (src/publish/search/search-index.ts writes one per plan). */
const indexPath = (id: string) => `${base}pagefind/${id}/`;

function pagefindEngine(): Engine {
  // One Pagefind instance: the first index opened, with every other plan's index merged into it (Pagefind's
  // multisite search) when a search first spans that plan. The plan filter restricts a search to its plan, so
  // indexes merged for an earlier search never add results to a later one.
  let primary: Promise<{ pf: PagefindApi; id: string }> | undefined;
  const merged = new Map<string, Promise<void>>();
  let plans: Promise<string[]> | undefined;
  const open = (id: string) => {
    primary ??= (async () => {
      const path = indexPath(id);
      // The path is computed, so bundlers leave this dynamic import to the browser. Pagefind finds its index
      // beside the script it was loaded from.
      const pending = import(/* @vite-ignore */ `${path}pagefind.js`) as Promise<PagefindApi>;
      // What Pagefind fetches first, fetched while pagefind.js loads instead of after it: its entry file (under
      // a tag of this page load, as fresh as Pagefind's own ?ts=) and its WebAssembly (Pagefind names it by the
      // index's stemming language; Chinese has none, hence `unknown`). A name that ever differs costs only a
      // wasted fetch: Pagefind fetches what it needs itself.
      const tag = String(Date.now());
      for (const file of [`pagefind-entry.json?ts=${tag}`, 'wasm.unknown.pagefind']) {
        const link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.href = path + file;
        document.head.append(link);
      }
      // Pagefind's search makes an Intl.Segmenter; the first one in a page costs 25–70 ms (measured in Chromium on
      // the loaded 2-core machine) of setting up ICU. Made now, it costs that while the network works.
      setTimeout(() => new Intl.Segmenter('zh-CN', { granularity: 'word' }), 0);
      const pf = await pending;
      // On the page's own thread: Pagefind's worker is one more script fetched and started before the entry
      // file is even asked for, and every result then crosses between threads; our searches are a few ms.
      await pf.options({ noWorker: true, metaCacheTag: tag });
      await pf.init();
      return { pf, id };
    })();
    return primary;
  };
  // The plans with an index, for a search of every plan (the archive's own pages, the filter's 全部).
  const listPlans = () => {
    plans ??= fetch(`${base}pagefind/plans.json`)
      .then((r) => (r.ok ? (r.json() as Promise<{ plans: string[] }>) : Promise.reject(new Error(`pagefind/plans.json: ${r.status}`))))
      .then((list) => list.plans);
    return plans;
  };
  /** The instance, holding the indexes of `ids` at least. */
  const load = async (ids: readonly string[]) => {
    const { pf, id: first } = await open(planId && ids.includes(planId) ? planId : ids[0]!);
    for (const id of ids) if (id !== first && !merged.has(id)) merged.set(id, pf.mergeIndex(indexPath(id)));
    await Promise.all(ids.map((id) => merged.get(id)));
    return { pf, held: [first, ...merged.keys()] };
  };
  return {
    warm: () => void (planId ? open(planId) : listPlans().then(load)),
    aids: loadAids,
    async candidates(query, filters) {
      const { pf, held } = await load(filters.plan ? [filters.plan] : await listPlans());
      const pagefindFilters: Record<string, string> = {};
      if (filters.section) pagefindFilters[FILTERS.section] = filters.section;
      if (filters.office) pagefindFilters[FILTERS.office] = filters.office;
      // Only where the instance holds another plan's index too: one plan's index has no other plan's pages, and a
      // filter costs the first search a fetch of Pagefind's filter index.
      if (filters.plan && held.some((id) => id !== filters.plan)) pagefindFilters[FILTERS.plan] = filters.plan;
      const tokens = queryTokens(query);
      // No letter or digit to look up (e.g. only punctuation): take every page and let matching decide.
      const found = await pf.search(tokens.length > 0 ? tokens.join(' ') : null, { filters: pagefindFilters });
      const data = await Promise.all(found.results.map((r) => r.data()));
      return data.map((d) => ({
        path: d.meta.path ?? d.url,
        kind: d.meta.kind as Candidate['kind'],
        ...(d.meta.number ? { number: Number(d.meta.number) } : {}),
        title: d.meta.title ?? '',
        ...(d.meta.section ? { section: d.meta.section } : {}),
        ...(d.meta.summary ? { summary: d.meta.summary } : {}),
        ...(d.meta.year ? { year: Number(d.meta.year) } : {}),
        ...(d.meta.years ? { years: d.meta.years } : {}),
        // The index stores one token per character; put the characters back together for display.
        text: d.content.replace(/[\s\u200B]+/gu, ''),
      }));
    },
  };
}

/** Records as embedded by the offline bundle (src/publish/offline/offline-bundle.ts) or in a plan's records file (src/search/records-file.ts). */
interface OfflineRecord extends Candidate {
  offices?: string[];
}
declare global {
  interface Window {
    __PLAN_SEARCH__?: OfflineRecord[];
  }
}

/** The records a search with these filters looks at (a records file holds every page of its plans). */
function filtered(records: readonly OfflineRecord[], filters: Filters): OfflineRecord[] {
  return records.filter(
    (r) =>
      (!filters.plan || r.path.startsWith(`${filters.plan}/`)) &&
      (!filters.section || (r.kind === 'item' && r.section === filters.section)) &&
      (!filters.office || (r.kind === 'item' && (r.offices ?? []).includes(filters.office))),
  );
}

/**
 * Online: a search of the page's own plan from its records file, when the build wrote one; every other search, and
 * every search of a plan without one, from Pagefind.
 */
function onlineEngine(): Engine {
  const pagefind = pagefindEngine();
  let own: Promise<OfflineRecord[] | undefined> | undefined;
  /** The page's plan's records, or undefined when it has no records file (or it could not be fetched). */
  const ownRecords = () => {
    own ??= planId
      ? fetch(`${indexPath(planId)}${RECORDS_FILE}`).then(
          (r) => (r.ok ? (r.json() as Promise<OfflineRecord[]>) : undefined),
          () => undefined,
        )
      : Promise.resolve(undefined);
    return own;
  };
  return {
    warm: () => void ownRecords().then((records) => records ?? pagefind.warm()),
    aids: loadAids,
    async candidates(query, filters) {
      const records = filters.plan && filters.plan === planId ? await ownRecords() : undefined;
      return records ? filtered(records, filters) : pagefind.candidates(query, filters);
    },
  };
}

function localEngine(): Engine {
  let records: Promise<OfflineRecord[]> | undefined;
  const load = () => {
    records ??= new Promise((resolve, reject) => {
      if (window.__PLAN_SEARCH__) return resolve(window.__PLAN_SEARCH__);
      // A classic script: file:// allows it where fetch() is refused.
      const s = document.createElement('script');
      s.src = `${base}_assets/search-data.js`;
      s.onload = () => resolve(window.__PLAN_SEARCH__ ?? []);
      s.onerror = () => reject(new Error('search data failed to load'));
      document.head.append(s);
    });
    return records;
  };
  return {
    warm: () => void load(),
    // The bundle's search-data script carries the tables for its own plans (src/publish/offline/offline-bundle.ts).
    aids: async () => (await load(), window.__SEARCH_AIDS__ ?? { simplified: {}, terms: [] }),
    async candidates(_query, filters) {
      return filtered(await load(), filters);
    },
  };
}

/** The engine for where the page is opened from. */
export function createEngine(): Engine {
  return offline ? localEngine() : onlineEngine();
}
