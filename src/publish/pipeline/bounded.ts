/** Work over many items, a few at a time, for the build's steps. */
import pLimit from 'p-limit';

/**
 * Runs `work` over `items`, at most `limit` at a time, as a pool (a lane takes the next item as soon as it is free,
 * so one slow item does not hold a batch); waits for all (none is left running when one fails), then fails with
 * the first failure.
 */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  const lanes = pLimit(Math.max(1, limit));
  const failed = (await Promise.allSettled(items.map((item) => lanes(() => work(item))))).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** eachBounded, keeping what `work` gives for each item, in the items' order (whatever order they finished in). */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  await eachBounded([...items.keys()], limit, async (i) => {
    results[i] = await work(items[i]!);
  });
  return results;
}

/** Waits for every task (none is left running when one fails), then fails with the first failure. */
export async function allDone(tasks: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
