/**
 * Vite plugins that serve a module made at config time: how an integration hands what it knows then to the pages,
 * with no file or environment variable between. Vite's documented virtual-module pattern (the \0 prefix keeps
 * other plugins off the id), a few lines, so no library for it.
 */
export function virtualSource(id: string, source: string) {
  const resolved = `\0${id}`;
  return {
    name: id,
    resolveId: (requested: string) => (requested === id ? resolved : undefined),
    load: (loading: string) => (loading === resolved ? source : undefined),
  };
}

/** The module `id` whose default export is `value` (as JSON). */
export function virtualModule(id: string, value: unknown) {
  return virtualSource(id, `export default ${JSON.stringify(value)};`);
}
