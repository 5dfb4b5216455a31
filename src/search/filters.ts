/**
 * Names of the search index's filters, shared by the index step and the browser script so they cannot drift
 * apart. A module of its own: the browser bundle must not pull in the plan code.
 */
export const FILTERS = { kind: '类型', section: '部分', office: '处室', plan: '年度' } as const;
