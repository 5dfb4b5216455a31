declare module 'virtual:client-scripts' {
  /** Hashed paths (relative to the site root) of the classic client scripts and the stylesheets loaded on demand. */
  const scripts: { search: string; cite: string; printDocument: string; care: string };
  export default scripts;
}

declare module 'virtual:inline-scripts' {
  /** The classic scripts every page carries inline (src/client/inline/), minified (src/integrations/client-scripts.ts). */
  const scripts: { page: string; careMode: string };
  export default scripts;
}

declare module 'virtual:render-set' {
  /** Which plans' pages this build renders (src/contract/render-set.ts), as astro.config.mjs read it. */
  const set: import('./contract/render-set.ts').RenderSet;
  export default set;
}

declare module 'virtual:item-bodies' {
  /**
   * The item pages' MDX of the plans this build renders (src/integrations/render-set.ts), by path from the project's
   * root, e.g. /content/plans/2020/items/01.mdx: each loads the compiled page and its front matter.
   */
  const bodies: Record<string, () => Promise<{ default: import('astro/runtime/server/index.js').AstroComponentFactory; frontmatter: unknown }>>;
  export default bodies;
}

declare module 'virtual:plan-records' {
  /** Every plan's record (content/plans/<id>/plan.json) as parsed, by path from the project's root (src/integrations/plan-records.ts). */
  const records: Record<string, unknown>;
  export default records;
}
