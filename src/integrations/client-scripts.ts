/**
 * Builds the site's two client scripts (search UI, in-page highlighting) as classic IIFE bundles with esbuild,
 * content-hashed under /_assets/. Astro's own <script> pipeline emits ES modules, which browsers refuse to
 * load from file:// (the offline bundle); classic scripts load everywhere. Pages learn the hashed names
 * through the `virtual:client-scripts` module.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

/** Entry points, by public name. */
const ENTRIES = { search: 'src/client/search-ui.ts' } as const;
type Name = keyof typeof ENTRIES;

async function bundle(root: URL): Promise<Map<Name, { file: string; code: Uint8Array }>> {
  const out = new Map<Name, { file: string; code: Uint8Array }>();
  for (const [name, entry] of Object.entries(ENTRIES) as [Name, string][]) {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(entry, root))],
      bundle: true,
      format: 'iife',
      target: ['es2022'],
      minify: true,
      write: false,
      legalComments: 'none',
      logLevel: 'error',
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
    out.set(name, { file: `_assets/${name}.${hash}.js`, code });
  }
  return out;
}

/** The Astro integration. */
export function clientScripts(): AstroIntegration {
  let bundles: Awaited<ReturnType<typeof bundle>>;
  const virtualId = 'virtual:client-scripts';
  return {
    name: 'client-scripts',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        bundles = await bundle(config.root);
        const paths = Object.fromEntries([...bundles].map(([name, b]) => [name, b.file]));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'client-scripts',
                resolveId: (id: string) => (id === virtualId ? `\0${virtualId}` : undefined),
                load: (id: string) => (id === `\0${virtualId}` ? `export default ${JSON.stringify(paths)};` : undefined),
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        // `astro dev`: serve the bundles from memory.
        server.middlewares.use((req, res, next) => {
          const hit = [...bundles.values()].find((b) => req.url?.endsWith(`/${b.file}`));
          if (!hit) return next();
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
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
