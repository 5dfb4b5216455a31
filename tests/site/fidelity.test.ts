/**
 * Fidelity on the built site: the official text shown equals the source, character for character
 * (whitespace aside), on the whole-plan page, every item page and the home page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { itemToLines, planToText } from '../../src/plan/to-text.ts';
import { currentEntry, DIST } from '../support/dist.ts';
import { SEED_FILE } from '../support/seed.ts';
import { loadDocument, officialText } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';

// The default build holds the seed alone, under /<id>/.
const { plan, id, notes } = currentEntry();
const seed = readFileSync(SEED_FILE, 'utf8');
const PLAN_DIST = join(DIST, id);

describe('official text on the site', () => {
  it('/full/ shows the whole seed, in order, nothing added (whitespace aside)', () => {
    const shown = officialText(loadDocument(join(PLAN_DIST, 'full/index.html')));
    expect(stripWhitespace(shown)).toBe(stripWhitespace(seed));
    expect(stripWhitespace(planToText(plan))).toBe(stripWhitespace(seed));
  });

  it('each item page shows exactly its item', () => {
    for (const item of nonEmpty(plan.items, 'items')) {
      const shown = officialText(loadDocument(join(PLAN_DIST, `items/${item.id}/index.html`)));
      expect(stripWhitespace(shown), `item ${item.number}`).toBe(stripWhitespace(itemToLines(item).join('')));
    }
  });

  it('the home page shows the notice and the general requirements as issued', () => {
    const shown = stripWhitespace(officialText(loadDocument(join(PLAN_DIST, 'index.html'))));
    const n = plan.notice!;
    const expected = [n.issuer, n.title, n.addressees, ...n.body, ...n.signatories, n.date, plan.title, ...plan.requirements].join('');
    expect(shown).toBe(stripWhitespace(expected));
  });

  it('marks what it adds inside official text as data-editorial', () => {
    // The item of the plan's first editorial note (plan.json): a 编者注 marker, and 牵头 when it has several units.
    const note = nonEmpty(notes, 'editorial notes in the built plan')[0]!;
    const item = plan.items.find((i) => i.number === note.item)!;
    const d = loadDocument(join(PLAN_DIST, `items/${item.id}/index.html`));
    const added = [...d.querySelectorAll('[data-official] [data-editorial]')].map((e) => e.textContent?.trim());
    const several = plan.offices.filter((o) => o.items.some((i) => i.number === item.number)).length > 1;
    expect(added).toEqual(expect.arrayContaining(several ? ['牵头', '编者注'] : ['编者注']));
    expect(d.querySelector(`#note-${note.id}`)?.closest('[data-editorial]')).not.toBeNull();
  });

  it('highlights each quantitative target in its item', () => {
    for (const t of nonEmpty(plan.targets, 'targets')) {
      const el = loadDocument(join(PLAN_DIST, `items/${plan.items[t.item - 1]!.id}/index.html`)).getElementById(t.id);
      expect(el?.textContent, t.id).toBe(t.text);
    }
  });
});
