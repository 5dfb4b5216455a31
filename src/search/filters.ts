/**
 * Names of the search index's filters, shared by the index step and the browser script so they cannot drift
 * apart. A module of its own: the browser bundle must not pull in the plan code.
 */
export const FILTERS = { kind: '类型', section: '部分', office: '处室', plan: '年度' } as const;

/** The search page's plan-filter value for “every plan”: a value of its own (not ''), so the choice survives in the URL. */
export const ALL_PLANS = 'all';
