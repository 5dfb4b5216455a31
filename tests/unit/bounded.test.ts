import { describe, expect, it } from 'vitest';
import { eachBounded, mapBounded } from '../../src/publish/pipeline/bounded.ts';

const tick = () => new Promise((done) => setTimeout(done, 1));

describe('eachBounded', () => {
  it('works on every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      seen.push(n);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('lets a free lane take the next item while a slow one runs', async () => {
    const order: string[] = [];
    await eachBounded(['slow', 'a', 'b', 'c'], 2, async (name) => {
      if (name === 'slow') await new Promise((done) => setTimeout(done, 50));
      order.push(name);
    });
    expect(order).toEqual(['a', 'b', 'c', 'slow']);
  });

  it('waits for every item when one fails, then fails with the first failure', async () => {
    const finished: number[] = [];
    const run = eachBounded([1, 2, 3, 4], 2, async (n) => {
      await tick();
      if (n === 1) throw new Error('first');
      if (n === 3) throw new Error('second');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('first');
    expect(finished.sort()).toEqual([2, 4]);
  });
});

describe('mapBounded', () => {
  it('gives each item’s result in the items’ order, whatever order they finished in', async () => {
    const finished: string[] = [];
    const results = await mapBounded(['slow', 'a', 'b'], 2, async (name) => {
      if (name === 'slow') await new Promise((done) => setTimeout(done, 50));
      finished.push(name);
      return name.toUpperCase();
    });
    expect(finished).toEqual(['a', 'b', 'slow']);
    expect(results).toEqual(['SLOW', 'A', 'B']);
  });
});
