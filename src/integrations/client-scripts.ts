/**
 * Builds the site's client scripts (search UI, 引用本条) as classic IIFE bundles with esbuild, and the stylesheets a page
 * loads only when needed (the whole-document print styles, with media="print", on /full/ only; 关怀模式's, once
 * the mode is on; search's, once the search script starts), minified, content-hashed under /_assets/. The
 * stylesheets are plain CSS (no Tailwind directives), so esbuild is enough; kept out of global.css, they never hold up a screen's first paint, and a
 * reader in the usual mode never downloads 关怀模式's. Astro's own <script> pipeline emits ES modules, which
 * browsers refuse to load from file:// (the offline bundle); classic scripts load everywhere. Pages learn the
 * hashed names through the `virtual:client-scripts` module.
 *
 * The two scripts every page carries inline (src/client/inline/) are minified here too, once per build, and
 * handed to the pages as `virtual:inline-scripts`: Astro leaves inline scripts as they are. Minifying them in
 * the components' frontmatter ran once per page; even memoized, its first synchronous esbuild call starts
 * esbuild's process from inside Astro's rendering, 0.1 s for the seed and 0.75 s in a 20-plan archive's build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, transform } from 'esbuild';
import { virtualModule } from './virtual-module.ts';

/** Entry points, by public name. */
const ENTRIES = {
  searchCss: 'src/styles/search.css',
  search: 'src/client/search-ui.ts',
  cite: 'src/client/cite.ts',
  printDocument: 'src/styles/print-document.css',
  care: 'src/styles/care.css',
} as const;
type Name = keyof typeof ENTRIES;

/** The classic scripts inlined in every page, by the name the pages use. */
const INLINE = {
  page: 'src/client/inline/page.js',
  careMode: 'src/client/inline/care-mode.js',
} as const;

/** Each inline script minified, keeping Chinese messages as UTF-8 (the page's charset), not \u escapes twice their size. */
async function minifyInline(root: URL): Promise<Record<keyof typeof INLINE, string>> {
  const entries = await Promise.all(
    Object.entries(INLINE).map(async ([name, file]) => {
      const source = await readFile(new URL(file, root), 'utf8');
      return [name, (await transform(source, { minify: true, loader: 'js', charset: 'utf8' })).code.trim()] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof INLINE, string>;
}

async function bundle(root: URL): Promise<Map<Name, { file: string; code: Uint8Array }>> {
  const out = new Map<Name, { file: string; code: Uint8Array }>();
  for (const [name, entry] of Object.entries(ENTRIES) as [Name, string][]) {
    const css = entry.endsWith('.css');
    const result = await build({
      entryPoints: [fileURLToPath(new URL(entry, root))],
      bundle: true,
      // The search script links its stylesheet by the name it has beside it in _assets/ (built first, above), so
      // no page carries its address and the offline bundle needs no rewriting for it.
      ...(css ? {} : { format: 'iife' as const, target: ['es2022'], define: { __SEARCH_CSS__: JSON.stringify(out.get('searchCss')?.file.split('/').pop() ?? '') } }),
      minify: true,
      write: false,
      legalComments: 'none',
      logLevel: 'error',
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
    out.set(name, { file: `_assets/${name}.${hash}.${css ? 'css' : 'js'}`, code });
  }
  return out;
}

/** The Astro integration. */
export function clientScripts(): AstroIntegration {
  let bundles: Awaited<ReturnType<typeof bundle>>;
  return {
    name: 'client-scripts',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, addWatchFile }) => {
        const [made, inline] = await Promise.all([bundle(config.root), minifyInline(config.root)]);
        bundles = made;
        const paths = Object.fromEntries([...bundles].map(([name, b]) => [name, b.file]));
        // `astro dev` restarts when an inline script changes, so the pages get it minified again.
        for (const file of Object.values(INLINE)) addWatchFile(new URL(file, config.root));
        updateConfig({ vite: { plugins: [virtualModule('virtual:client-scripts', paths), virtualModule('virtual:inline-scripts', inline)] } });
      },
      'astro:server:setup': ({ server }) => {
        // `astro dev`: serve the bundles from memory.
        server.middlewares.use((req, res, next) => {
          const hit = [...bundles.values()].find((b) => req.url?.endsWith(`/${b.file}`));
          if (!hit) return next();
          res.setHeader('content-type', hit.file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
          res.end(hit.code);
        });
      },
      'astro:build:done': async ({ dir }) => {
        for (const b of bundles.values()) {
          const target = new URL(b.file, dir);
          await mkdir(new URL('.', target), { recursive: true });
          await writeFile(target, b.code);
        }
      },
    },
  };
}
