import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticPlanText } from '../../src/bench/synthetic-plan.ts';
import { leadCount, neighbours, officeItemsBySection, officesByCount, relatedItems, roleIn } from '../../src/plan/links.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const seed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!seed.ok) throw new Error('seed must parse');
const plan = seed.value;

describe('links between items and offices', () => {
  it('gives neighbours in plan order', () => {
    expect(neighbours(plan, 1).prev).toBeUndefined();
    expect(neighbours(plan, 1).next?.number).toBe(2);
    expect(neighbours(plan, 33).next).toBeUndefined();
  });
  it('relates items led by the same office, with the reason', () => {
    const related = relatedItems(plan, 14);
    expect(related.map((r) => r.item.number)).toEqual(expect.arrayContaining([15, 16, 17, 18]));
    expect(related.find((r) => r.item.number === 15)?.sameLead?.name).toBe('基教处');
  });
  it('relates items citing the same document, with exactly the documents they share', () => {
    // The seed's items each cite different documents; make item 2 cite item 1's first document as well.
    const first = seed.value.citations.find((c) => c.occurrences[0]!.item === 1) ?? seed.value.citations[0]!;
    const text = readFileSync(SEED_FILE, 'utf8').replace('目标任务：坚持理论联系实际', `目标任务：落实《${first.title}》，坚持理论联系实际`);
    const parsed = parsePlan(text);
    if (!parsed.ok) throw new Error('the changed seed must parse');
    const plan = parsed.value;
    // Which documents each item cites, computed here from the citations' occurrences.
    const cited = (n: number) => new Set(plan.citations.filter((c) => c.occurrences.some((o) => o.item === n)).map((c) => c.title));
    let pairs = 0;
    for (const a of plan.items) {
      const related = relatedItems(plan, a.number);
      for (const b of plan.items) {
        if (b.number === a.number) continue;
        const shared = [...cited(a.number)].filter((t) => cited(b.number).has(t));
        const found = related.find((r) => r.item.number === b.number);
        if (shared.length > 0) {
          pairs += 1;
          expect(found?.sharedCitations.sort(), `${a.number} ↔ ${b.number}`).toEqual(shared.sort());
        } else if (found) expect(found.sharedCitations).toEqual([]);
      }
    }
    // The seed has items citing the same document (e.g. 《中国教育现代化2035》), so the check above ran.
    expect(pairs).toBeGreaterThan(0);
  });
  it('caps related items to the nearest ones in a very large plan', () => {
    const big = parsePlan(syntheticPlanText(plan, 10));
    if (!big.ok) throw new Error('synthetic plan must parse');
    const all = relatedItems(big.value, 150);
    const capped = relatedItems(big.value, 150, 8);
    expect(all.length).toBeGreaterThan(8);
    expect(capped).toHaveLength(8);
    const far = Math.max(...capped.map((r) => Math.abs(r.item.number - 150)));
    // The nearest ones: every related item closer than the farthest kept one is kept.
    const kept = new Set(capped.map((r) => r.item.number));
    expect(all.filter((r) => Math.abs(r.item.number - 150) < far).every((r) => kept.has(r.item.number))).toBe(true);
    expect(capped.map((r) => r.item.number)).toEqual([...capped.map((r) => r.item.number)].sort((a, b) => a - b));
  });
  it('groups an office’s items by section, lead and support apart', () => {
    const office = plan.offices.find((o) => o.name === '基教处')!;
    const groups = officeItemsBySection(plan, office);
    expect(groups.flatMap((g) => g.lead.map((i) => i.number))).toEqual([14, 15, 16, 17, 18]);
    expect(groups.reduce((n, g) => n + g.lead.length + g.support.length, 0)).toBe(office.items.length);
    expect(leadCount(office)).toBe(5);
    expect(roleIn(office, 14)).toBe('lead');
    expect(roleIn(office, 3)).toBe('support');
    expect(roleIn(office, 1)).toBeUndefined();
  });
  it('orders offices by how many items they are named in', () => {
    const counts = officesByCount(plan).map((o) => o.items.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
