import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMeasured } from '../../src/bench/measure.ts';
import { percentiles } from '../../src/bench/search-latency.ts';
import { syntheticPlanText } from '../../src/bench/synthetic-plan.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const seed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!seed.ok) throw new Error('seed must parse');

describe('synthetic plans for scale tests', () => {
  it('repeat every section’s items and parse to 10× the items, same sections and offices', () => {
    // Read as the bench's build reads it: with the seed's office aliases (it writes them beside the synthetic plan).
    const big = parsePlan(syntheticPlanText(seed.value, 10), SEED_OPTIONS);
    if (!big.ok) throw new Error(big.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
    expect(big.value.items).toHaveLength(330);
    expect(big.value.sections.map((s) => s.items.length)).toEqual(seed.value.sections.map((s) => s.items.length * 10));
    expect(big.value.offices.map((o) => o.slug)).toEqual(seed.value.offices.map((o) => o.slug));
    expect(big.value.title).not.toBe(seed.value.title);
  });
  it('are the same text on every run', () => {
    expect(syntheticPlanText(seed.value, 3)).toBe(syntheticPlanText(seed.value, 3));
  });
  it('at 1× reproduce the real plan', () => {
    const same = parsePlan(syntheticPlanText(seed.value, 1));
    expect(same.ok && same.value.items.map((i) => i.fields)).toEqual(seed.value.items.map((i) => i.fields));
  });
});

describe('measuring', () => {
  it('computes median and p95', () => {
    expect(percentiles([5, 1, 3, 2, 4])).toEqual({ median: 3, p95: 5, n: 5 });
  });
  it('times a command and sees the memory of its child processes', async () => {
    const small = await runMeasured('sleep', ['0.3'], { cwd: '.', env: process.env });
    const big = await runMeasured('sh', ['-c', 'python3 -c "b = bytearray(200 * 1024 * 1024); import time; time.sleep(0.5)"'], { cwd: '.', env: process.env });
    expect(small.seconds).toBeGreaterThanOrEqual(0.3);
    expect(big.peakBytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(small.peakBytes).toBeLessThan(big.peakBytes);
  });
});
