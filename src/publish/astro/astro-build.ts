/**
 * Runs Astro's own build (programmatic API) into a given folder, quietly unless it fails, in a process of its
 * own: Astro keeps what it loaded (every plan's content, the bundled pages) until its process ends, which at
 * 100 plans is 2 GiB held through the PDFs, the index and the zips if it ran in the build's process.
 *
 * The process can be started before the build knows what Astro is to render (startAstro): it loads Astro, Vite
 * and the config's integrations meanwhile (~1.2 s of a warm machine's time, before any page) and builds when told
 * the folder and the render set. The build starts it first thing (scripts/build.ts), so that loading overlaps the
 * build's own start, the content step and the page keys (1.5–3 s at 100 plans) instead of following them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMain, runCli, StepError } from '../pipeline/cli.ts';
import { RENDER_SET_FILE, writeRenderSet, type RenderSet } from '../../contract/render-set.ts';
import { LEAN_V8_FLAGS } from '../pipeline/lean-memory.ts';

/** Where the render set waits for Astro's process while it builds. */
const RENDER_SET = '.build/render-set.json';

/**
 * What the waiting process loads before it is told to build: Astro's API and what astro.config.mjs imports from
 * packages. Vite loads the config itself, but takes packages from Node's own module cache, where these already are.
 */
const PRELOAD = ['astro', 'astro/config', '@astrojs/mdx', '@tailwindcss/vite', 'esbuild'];

/**
 * Then, while it still waits, what the build and the pages import later from packages (Astro's prerender bundle
 * leaves packages outside it): Vite, and the pages' zod, QR codes, Chinese conversions and Shiki's WebAssembly.
 * Their loading took ~0.5 s of a 100-plan rebuild's Astro process after it was told to build, on the build's
 * longest path (measured 2026-12). Not waited for: a build told to go sooner imports them itself, from Node's
 * module cache or the import under way.
 */
const PRELOAD_WHILE_WAITING = ['vite', 'zod', 'qrcode', 'opencc-js', 'shiki', '@shikijs/engine-oniguruma/wasm-inlined'];

/**
 * V8's heap in Astro's process grows by 40 % of what a full collection left, not by its own larger factor: Astro
 * holds ~450 MiB (PSS) instead of ~560 MiB while it bundles and renders 25 plans, which at 100 plans took the cold
 * build's peak from 1,033–1,124 MiB to 936–986 MiB (the PDFs' and the index's processes run beside the first Astro).
 * The collections it adds cost no time the machine's noise let us see (alternated runs: 141.1 and 164.5 s with it,
 * 156.5 and 136.3 s without); at 15 % they cost ~20 s of CPU, and --optimize-for-size ~45 s. Its young generation
 * is held to the build's own size (lean-memory.ts): under Node 24, ~604 → ~470 MiB at the cold archive's peak.
 */
const ASTRO_V8_FLAGS = ['--heap-growing-percent=40', ...LEAN_V8_FLAGS];

/** The message that tells a waiting process to build: where, and the environment that says what to render. */
interface Go {
  outDir: string;
  env: Record<string, string>;
}

/** An Astro process, loading or waiting: `build` once, or `stop` it when the build turns out not to need Astro. */
export interface AstroProcess {
  /** Builds into `outDir`, rendering the plans `render` names (all unless said); the number of HTML pages written. */
  build(outDir: string, render?: RenderSet): Promise<number>;
  /** Ends the process unless it is building: nothing for Astro to do, or the build failed before it. */
  stop(): void;
}

/**
 * The environment of Astro's process, from the build's. The render set's variable is the go message's to set: one
 * left in the environment would be a stale file's. Astro's anonymous telemetry (an event posted to Astro's server
 * on every build, after running git to name the project) is off unless a person set the variable: a department's
 * build sends nothing to a third party.
 * @example astroEnv({}).ASTRO_TELEMETRY_DISABLED // '1'
 */
export function astroEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ASTRO_TELEMETRY_DISABLED: env.ASTRO_TELEMETRY_DISABLED ?? '1', [RENDER_SET_FILE]: undefined };
}

/** Astro's process with `args` after the script, and when it exits (its status). */
function spawnAstro(args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | ['inherit', 'inherit', 'inherit', 'ipc']): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...ASTRO_V8_FLAGS, fileURLToPath(import.meta.url), ...args], { env, stdio });
  const exited = new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });
  exited.catch(() => undefined); // awaited by build(); this only keeps a failure to start from being "unhandled"
  return { child, exited };
}

/**
 * Starts Astro's process, to load its modules and wait (see the module's comment); or, `later`, only once it is told
 * to build, for a build likely to need no Astro at all (src/publish/cache/input-stamp.ts says when).
 */
export function startAstro({ later = false }: { later?: boolean } = {}): AstroProcess {
  const env = astroEnv(process.env);
  const waiting = later ? undefined : spawnAstro([], env, ['inherit', 'inherit', 'inherit', 'ipc']);
  let building = false;
  return {
    async build(outDir, render) {
      building = true;
      // Written and sent before the first await, so before the caller goes on: the build then stages the cached
      // plans' pages, seconds of synchronous file calls (output-cache.ts placeSync) that held a message sent after
      // an await back until they were done (3 s of a 100-plan rebuild in which Astro's process sat waiting).
      // The config reads the choice from this file (src/contract/render-set.ts); without one Astro renders every plan.
      const go: Go = { outDir, env: render ? writeRenderSet(RENDER_SET, render) : {} };
      // Started now, the process is told what to build on its command line and in its environment, not by message.
      const { child, exited } = waiting ?? spawnAstro([go.outDir], { ...env, ...go.env }, 'inherit');
      try {
        // A process that died while loading cannot take the message; its exit status says it failed.
        if (waiting && child.connected) child.send(go, () => undefined);
        if ((await exited) !== 0) throw new StepError('astro build: Astro failed (its message is above).');
      } finally {
        await rm(RENDER_SET, { force: true });
      }
      // One synchronous call: listed as a promise, each folder is a trip through the thread pool, behind the
      // compression and the zips of the plans done ahead (ahead-of-astro.ts), which kept it waiting for seconds.
      const entries = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      return entries.filter((e) => e.endsWith('.html')).length;
    },
    stop() {
      if (!building && waiting && waiting.child.exitCode === null) waiting.child.kill();
    },
  };
}

/** Builds the site into `outDir` in a process of its own, started now and told what to build as it starts. */
export function astroBuild(outDir: string, render?: RenderSet): Promise<number> {
  return startAstro({ later: true }).build(outDir, render);
}

/**
 * Astro's content store in the config's cacheDir (astro.config.mjs): the site has no content collections (the pages
 * import content/'s files: src/lib/plans.ts), so a store there is an older build's, which Astro would still load
 * and bundle on every build (at 100 plans, 4.8 MB).
 */
const STALE_STORE = '.build/astro-cache/data-store.json';

/** In the child process: Astro's build, its own log quiet unless ASTRO_LOG=info. */
async function buildHere(outDir: string): Promise<void> {
  await rm(STALE_STORE, { force: true });
  const { build } = await import('astro');
  // Without `astro sync` first: it writes the types of content collections, astro:env and fonts, none of which
  // the site uses (src/lib/plans.ts says why no collections), from a Vite server of its own that took ~0.55 s of
  // every build. `sync` is an option of Astro's build (core/build/index.js) its published types leave out; were it
  // gone, the build would only sync again.
  const options: Parameters<typeof build>[1] & { sync: boolean } = { sync: false };
  await build({ outDir, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' }, options);
}

/**
 * In the child process: load, then wait for the go message and build; end quietly if the build goes away
 * without one (it stopped, or failed before it needed Astro).
 */
function waitAndBuild(): void {
  // A module that fails to load fails again, with its message, when the build imports it.
  const loading = Promise.all(PRELOAD.map((m) => import(m))).catch(() => undefined);
  void loading.then(() => Promise.all(PRELOAD_WHILE_WAITING.map((m) => import(m)))).catch(() => undefined);
  let told = false;
  process.once('message', (go: Go) => {
    told = true;
    Object.assign(process.env, go.env);
    // The channel kept open would keep the process alive after Astro is done.
    process.disconnect();
    void loading.then(() => runCli(() => buildHere(go.outDir)));
  });
  process.once('disconnect', () => {
    if (!told) process.exit(0);
  });
}

if (isMain(import.meta.url)) {
  if (process.send) waitAndBuild();
  else await runCli(() => buildHere(process.argv[2]!));
}
