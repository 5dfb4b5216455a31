/**
 * The memory settings of the build's processes: the memory allocators' (here) and V8's young generation
 * (LEAN_V8_FLAGS). The C allocator (glibc's malloc) and Rolldown's (mimalloc, inside Astro's process) both keep
 * memory they were given back, for a next request that in a build rarely comes; a cold 100-plan archive peaked at
 * ~1,230 MiB (the PSS of its process tree) with their defaults and ~1,060 MiB with these, in the same time
 * (measured by hand, 2026-12, 2-core machine):
 * - MALLOC_ARENA_MAX=1: each thread that allocates (zlib's brotli and gzip on libuv's four threads, Typst's) gets
 *   an arena of its own by default, which keeps what the thread freed for that thread alone;
 * - MALLOC_TRIM_THRESHOLD_: freed memory at the top of the heap goes back to the system; setting it also stops glibc
 *   from raising its threshold for mmap, so the large buffers of a compression are unmapped when freed;
 * - MIMALLOC_PURGE_DELAY=0: Rolldown's pages are returned once its bundle is done (~240 → ~130 MiB held in each
 *   Astro process, which renders for seconds after its bundle).
 * Both allocators read these once, when a process starts, so the build's own process starts again with them
 * (process.execve: the same process, its pid and signals, with nothing left behind) and every process it starts
 * inherits them. A value a person has set stays.
 */

/** The settings (see above). */
export const LEAN_ALLOCATORS = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_TRIM_THRESHOLD_: '65536',
  MIMALLOC_PURGE_DELAY: '0',
} as const;

/** The settings `env` lacks: a value already there, a person's own, is kept. */
export function allocatorSettingsToAdd(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(LEAN_ALLOCATORS).filter(([name]) => env[name] === undefined));
}

/**
 * V8's young generation in the build's own process: at most 16 MiB a semi-space. Node 24's V8 grows it further
 * than Node 22's did, and a cold 100-plan archive's tree peaked at 1,163–1,211 MiB with its default against
 * 1,018 MiB with this (the build's process ~395 → ~300 MiB at the peak, Astro's with the same flag of its own:
 * astro-build.ts), in the same time (measured by hand, 2026-12, 2-core machine). A flag a person gave is kept.
 */
export const LEAN_V8_FLAGS = ['--max-semi-space-size=16'] as const;

/** The flags of LEAN_V8_FLAGS that `execArgv` does not set already (a person's own value stays). */
export function v8FlagsToAdd(execArgv: readonly string[]): string[] {
  return LEAN_V8_FLAGS.filter((flag) => !execArgv.some((arg) => arg.split('=')[0] === flag.split('=')[0]));
}

/**
 * Makes this process run with the settings and flags: when any is missing, it starts again in place with them
 * (never returns); else it returns and the process goes on. To be called first thing, before any thread starts
 * (execve refuses while worker threads run). Where the process cannot replace itself (not Linux, or a Node
 * without process.execve), it goes on as it is: the settings only save memory.
 */
export function useLeanMemory(): void {
  const missing = allocatorSettingsToAdd(process.env);
  const flags = v8FlagsToAdd(process.execArgv);
  if ((Object.keys(missing).length === 0 && flags.length === 0) || process.platform !== 'linux' || typeof process.execve !== 'function') return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...flags, ...process.argv.slice(1)], { ...process.env, ...missing });
}
