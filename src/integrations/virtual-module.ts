/**
 * A Vite plugin that serves one value as the module `id` (`export default <the value as JSON>`): how an
 * integration hands what it knows at config time to the pages, with no file or environment variable between.
 * Vite's documented virtual-module pattern (the \0 prefix keeps other plugins off the id), a few lines, so no
 * library for it.
 */
export function virtualModule(id: string, value: unknown) {
  const resolved = `\0${id}`;
  return {
    name: id,
    resolveId: (requested: string) => (requested === id ? resolved : undefined),
    load: (loading: string) => (loading === resolved ? `export default ${JSON.stringify(value)};` : undefined),
  };
}
