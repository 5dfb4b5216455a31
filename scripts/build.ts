/**
 * `npm run build`: everything, from the plan folders to a deployable dist/ (the steps: build-steps.ts).
 * PLANS_DIR=<folder> builds every plan folder in it (default seeds/); PLAN_FILE=<path> builds one plan file;
 * SITE_URL and BASE_PATH set where it will be served.
 *
 * Astro's process is started before this one loads the build's own modules: it loads Astro, Vite and the
 * integrations (1–2 s) while this process loads the steps (~0.6 s) and runs the content step, and renders when told
 * what to (astro-build.ts). When nothing its pages come from changed since the last build (input-stamp.ts), it is
 * started only if the build turns out to need it.
 */
import { isMain, runCli } from '../src/publish/pipeline/cli.ts';
import { useCompileCache } from '../src/publish/pipeline/compile-cache.ts';
import { useLeanMemory } from '../src/publish/pipeline/lean-memory.ts';

if (isMain(import.meta.url)) {
  // First: it may start this process again, with the memory settings its children inherit (lean-memory.ts). Every
  // other module is imported after it, or it would be loaded twice (~0.15 s).
  useLeanMemory();
  // Astro's process and the others the build starts load their code from Node's compile cache (compile-cache.ts).
  useCompileCache();
  const { inputStamp, recordStamp, unchangedSinceLastBuild } = await import('../src/publish/cache/input-stamp.ts');
  const { startAstro } = await import('../src/publish/astro/astro-build.ts');
  // The code versions' import graph, found by esbuild's process while this one loads the build's steps.
  (await import('../src/publish/cache/code-version.ts')).findImportGraphNow();
  const stamp = inputStamp();
  const astro = startAstro({ later: unchangedSinceLastBuild(stamp) });
  // Stopped once the build is done, whatever became of it (it ends on its own once it has built).
  try {
    const { buildAll } = await import('./build-steps.ts');
    await runCli(async () => {
      const line = await buildAll(astro);
      recordStamp(stamp);
      return line;
    });
  } finally {
    astro.stop();
  }
}
