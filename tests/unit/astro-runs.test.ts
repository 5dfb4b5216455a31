/**
 * How a build shares its plans out among Astro processes: in order, at most so many to a process, the number
 * settable for tests and refused, with the variable's name, when it is not a whole number of plans.
 */
import { describe, expect, it } from 'vitest';
import { batches, plansPerAstro } from '../../src/publish/astro/astro-runs.ts';

describe('batches', () => {
  it('cuts the plans into runs of at most the size, in order, the last one shorter', () => {
    const ids = Array.from({ length: 53 }, (_, i) => `p${i}`);
    const runs = batches(ids, 25);
    expect(runs.map((r) => r.length)).toEqual([25, 25, 3]);
    expect(runs.flat()).toEqual(ids);
  });

  it('gives one run for as many plans as the size, and none for no plan', () => {
    expect(batches(['a', 'b'], 2)).toEqual([['a', 'b']]);
    expect(batches([], 25)).toEqual([]);
  });
});

describe('plansPerAstro', () => {
  it('is 25 unless BUILD_PLANS_PER_ASTRO says otherwise', () => {
    expect(plansPerAstro(undefined)).toBe(25);
    expect(plansPerAstro('')).toBe(25);
    expect(plansPerAstro('1')).toBe(1);
    expect(plansPerAstro('40')).toBe(40);
  });

  it('refuses what is not a whole number of plans from 1, naming the variable and the value', () => {
    for (const bad of ['0', '-2', '2.5', 'ten', ' 3', '03']) expect(() => plansPerAstro(bad), bad).toThrow(`BUILD_PLANS_PER_ASTRO is “${bad}”: it must be a whole number of plans, 1 or more.`);
  });
});
