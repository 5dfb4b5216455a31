/**
 * An item's MDX page (src/generate/item-mdx.ts) holds only what must be MDX, its marked body, keyed to the Plan's
 * item by number: the page reads every other fact of the item from the Plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemToMdx } from '../../src/generate/item-mdx.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';

const parsed = parsePlan(readFileSync('tests/fixtures/hostile-characters/input.txt', 'utf8'));
if (!parsed.ok) throw new Error('hostile-characters must parse');
const plan = parsed.value;

/** The front matter's lines between the two `---`, and the body after them. */
function split(mdx: string): { front: string[]; body: string } {
  const [, front, ...rest] = mdx.split(/^---$/mu);
  return { front: front!.split('\n').filter(Boolean), body: rest.join('---') };
}

describe('an item’s MDX page', () => {
  it('keys the body to the Plan’s item by its number, with no other front matter than the generated-file line', () => {
    expect(plan.items.length).toBeGreaterThan(0);
    for (const item of plan.items) {
      const { front } = split(itemToMdx(item, plan, [], 'seeds/x/plan.txt'));
      expect(front).toEqual([expect.stringMatching(/^# Generated from seeds\/x\/plan\.txt /u), `item: ${item.number}`]);
    }
  });

  it('carries every paragraph of the item’s fields as a string literal, and not its title or 责任单位, which the Plan gives', () => {
    const item = plan.items.find((i) => i.responsible && i.fields.length > 0)!;
    expect(item).toBeDefined();
    const { body } = split(itemToMdx(item, plan, [], 'seeds/x/plan.txt'));
    const paragraphs = item.fields.flatMap((f) => f.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(0);
    // Marks may cut a paragraph into several literals: its text is what the literals join to.
    const literals = [...body.matchAll(/\{("(?:[^"\\]|\\.)*")\}/gu)].map((m) => JSON.parse(m[1]!) as string);
    const text = literals.join('');
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    expect(body).not.toContain(JSON.stringify(item.title));
    for (const unit of item.responsible!.units) expect(literals).not.toContain(unit.name);
  });
});
