/**
 * Named, timed build steps: each prints one line when done, so a build log reads like its recipe.
 */
import { performance } from 'node:perf_hooks';

/** Seconds each step took, in order. */
export const stepTimes: { name: string; seconds: number }[] = [];

/** Runs a step, records its time, prints `✓ name (1.2 s) — report`. */
export async function step<T>(name: string, run: () => Promise<T>, report?: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  const seconds = (performance.now() - started) / 1000;
  stepTimes.push({ name, seconds });
  const detail = report ? ` — ${report(value)}` : '';
  console.log(`✓ ${name} (${seconds.toFixed(2)} s)${detail}`);
  return value;
}
