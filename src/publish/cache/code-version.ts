/**
 * The code an output depends on, as part of its cache key: the source files a step's module runs (its local
 * import graph, as esbuild resolves it) and node_modules/.package-lock.json (npm's record of the version of every
 * installed library, which a project copy shares through its node_modules link), so any
 * edit to the step's code, or a library upgrade, changes the key. A step that reads a file of its own at run time
 * (the PDF steps read their Typst templates) must add that file to its key itself: the import graph cannot see it.
 */
import { readFile } from 'node:fs/promises';
import { build, stop, type Metafile } from 'esbuild';
import { contentKey, type KeyPart } from './output-cache.ts';

let graph: Promise<Metafile> | undefined;

/** The import graph of every step module, found once per process (one esbuild pass, nothing written). */
function importGraph(): Promise<Metafile> {
  graph ??= build({
    entryPoints: [...STEP_MODULES],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: '.build/code-version',
    logLevel: 'error',
  }).then(async (r) => {
    // esbuild's service process would otherwise live as long as the build, ~26 MiB of a cold archive build's peak
    // (beside Astro, Typst and Pagefind) for a graph found once; a later call would start it again.
    await stop();
    return r.metafile;
  });
  return graph;
}

/**
 * Starts finding the import graph now, for the code versions asked for later: esbuild works in a process of its
 * own, so the graph (~0.15 s) is found while the build loads its modules instead of after, when the content step
 * would wait for it.
 */
export function findImportGraphNow(): void {
  importGraph().catch(() => undefined); // a failure is the later codeVersion's to report
}

/** The modules whose outputs are cached. */
export const STEP_MODULES = ['src/publish/content/read-plan.ts', 'src/publish/content/plan-content.ts', 'src/publish/pdf/official-pdf.ts', 'src/publish/pdf/reading-pdf.ts', 'src/publish/offline/offline-bundle.ts', 'src/publish/deploy/precompress.ts', 'src/publish/search/search-index.ts', 'src/publish/search/search-aids-file.ts'] as const;

/** Every local file `entry` imports, directly or not, itself included, sorted. */
export function localImports(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !metafile.inputs[path]) return;
    seen.add(path);
    for (const dep of metafile.inputs[path].imports) if (!dep.external) visit(dep.path);
  };
  visit(entry);
  return [...seen].sort();
}

/** npm's own record of what is installed (written by every npm ci / install). */
const INSTALLED = 'node_modules/.package-lock.json';

const versions = new Map<string, Promise<string>>();

/** The code version of a step module: a hash of its local import graph's sources and of the installed packages. */
export function codeVersion(entry: (typeof STEP_MODULES)[number]): Promise<string> {
  let version = versions.get(entry);
  if (!version) {
    version = (async () => {
      const files = localImports(await importGraph(), entry);
      if (files.length === 0) throw new Error(`code version: esbuild found no module ${entry}.`);
      const parts: KeyPart[] = await Promise.all(files.map(async (f) => [f, await readFile(f)] as const));
      return contentKey([...parts, [INSTALLED, await readFile(INSTALLED)]]);
    })();
    versions.set(entry, version);
  }
  return version;
}
