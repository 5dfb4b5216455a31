/**
 * `npm run build`: everything, from the plan folders to a deployable dist/ (the steps: build-steps.ts).
 * PLANS_DIR=<folder> builds every plan folder in it (default seeds/); PLAN_FILE=<path> builds one plan file;
 * SITE_URL and BASE_PATH set where it will be served.
 *
 * Astro's process is started before this one loads the build's own modules: it loads Astro, Vite and the
 * integrations (1–2 s) while this process loads the steps (~0.6 s) and runs the content step, and renders when told
 * what to (astro-build.ts). Only what starting it needs is imported above that.
 */
import { startAstro } from '../src/publish/astro/astro-build.ts';
import { isMain, runCli } from '../src/publish/pipeline/cli.ts';
import { useCompileCache } from '../src/publish/pipeline/compile-cache.ts';
import { useLeanAllocators } from '../src/publish/pipeline/lean-allocators.ts';

if (isMain(import.meta.url)) {
  // First: it may start this process again, with the allocators' settings its children inherit.
  useLeanAllocators();
  // Astro's process and the others the build starts load their code from Node's compile cache (compile-cache.ts).
  useCompileCache();
  const astro = startAstro();
  // Stopped once the build is done, whatever became of it (it ends on its own once it has built).
  try {
    const { buildAll } = await import('./build-steps.ts');
    await runCli(() => buildAll(astro));
  } finally {
    astro.stop();
  }
}
