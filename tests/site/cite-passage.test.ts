/**
 * 引用本条 on the built item pages: a reference to the item and to each of its paragraphs, each paragraph with a
 * control pointing at its reference, the references naming the document, the item as printed and the permanent
 * address with an anchor that exists on the page; all of it ours (data-editorial), out of the search index and
 * outside the official text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentEntry, DIST, SITE, BASE } from '../support/dist.ts';
import { loadDocument } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';

const { plan, id } = currentEntry();
const page = (itemId: string) => loadDocument(join(DIST, id, `items/${itemId}/index.html`));
const permanent = (itemId: string) => `${SITE}${BASE}${id}/items/${itemId}/`;

describe('引用本条 on item pages', () => {
  it('gives every item a reference block, ours and out of the search index, outside the official text', () => {
    for (const item of nonEmpty(plan.items, 'items')) {
      const box = page(item.id).getElementById('cite');
      expect(box?.tagName, `item ${item.id}`).toBe('DETAILS');
      expect(box!.hasAttribute('data-editorial')).toBe(true);
      expect(box!.closest('[data-pagefind-ignore]')).not.toBeNull();
      expect(box!.closest('[data-official]')).toBeNull();
      expect(box!.querySelector('summary')?.textContent).toBe('引用本条');
    }
  });

  it('lists the item, then one reference per paragraph of the item, each paragraph carrying a 引用 control that points at it', () => {
    for (const item of nonEmpty(plan.items, 'items')) {
      const d = page(item.id);
      const paragraphs = [...d.querySelectorAll('article.item p.para[id]')].map((p) => p.id);
      // Every field paragraph, plus the 责任单位 line when the item names units.
      const expected = item.fields.reduce((n, f) => n + f.paragraphs.length, 0) + (item.responsible ? 1 : 0);
      expect(paragraphs, `item ${item.id}`).toHaveLength(expected);
      const entries = [...d.querySelectorAll('#cite li[id]')].map((li) => li.id);
      expect(entries).toEqual(['cite-item', ...paragraphs.map((p) => `cite-${p}`)]);
      for (const p of nonEmpty(paragraphs, `item ${item.id} paragraphs`)) {
        const control = d.getElementById(p)!.querySelector('a.cite-link');
        expect(control?.getAttribute('href'), `item ${item.id} #${p}`).toBe(`#cite-${p}`);
        expect(control?.getAttribute('data-cite')).toBe(`cite-${p}`);
        expect(control?.hasAttribute('data-editorial')).toBe(true);
      }
      expect(d.querySelector('a[data-cite="cite-item"]')?.textContent).toBe('引用本条');
    }
  });

  it('writes each reference with the signing bodies, the title, the item as printed, the part, the 成文日期 and the permanent address with an anchor on the page', () => {
    const n = plan.notice!;
    for (const item of nonEmpty(plan.items, 'items')) {
      const d = page(item.id);
      const heading = `${item.source.numberText.trim()}${item.title}`;
      for (const li of nonEmpty([...d.querySelectorAll('#cite li[id]')], `item ${item.id} references`)) {
        const text = li.querySelector('.cite-text')!.textContent!;
        const part = li.querySelector('.cite-what')!.textContent!;
        const anchor = li.id.replace(/^cite-/u, '');
        const url = anchor === 'item' ? permanent(item.id) : `${permanent(item.id)}#${anchor}`;
        const locator = anchor === 'item' ? heading : `${heading}: ${part}`;
        expect(text).toBe(`${n.signatories.join(', ')}. ${plan.title}: ${locator}[EB/OL]. (${n.isoDate})[引用日期]. ${url}`);
        if (anchor !== 'item') expect(d.getElementById(anchor), `#${anchor} on item ${item.id}`).not.toBeNull();
      }
    }
  });

  it('names the parts as the document labels them: 目标任务, 工作措施 numbered where it has several paragraphs, 责任单位', () => {
    const parts = (itemId: string) => [...page(itemId).querySelectorAll('#cite .cite-what')].map((e) => e.textContent);
    // The labels as the built plan prints them, without their colons; an item whose measures run over several
    // paragraphs, and one with a single paragraph of each (both with goals and 责任单位 before nothing else).
    const bare = (label: string) => label.replace(/[：:]\s*$/u, '').trim();
    const labelled = plan.items.filter((i) => i.fields.length === 2 && i.fields[0]!.kind === 'goals' && i.fields[0]!.paragraphs.length === 1 && i.fields[1]!.kind === 'measures' && i.source.units && !i.source.units.partner && i.source.units.beforeField === undefined);
    const several = labelled.find((i) => i.fields[1]!.paragraphs.length > 1);
    const single = labelled.find((i) => i.fields[1]!.paragraphs.length === 1);
    if (!several || !single) throw new Error('the test needs a plan with labelled items, some with several paragraphs of measures');
    const expected = (i: (typeof plan.items)[number]) => {
      const [goals, measures] = [bare(i.fields[0]!.label), bare(i.fields[1]!.label)];
      const count = i.fields[1]!.paragraphs.length;
      return ['本条', goals, ...(count > 1 ? Array.from({ length: count }, (_, k) => `${measures}第${k + 1}段`) : [measures]), bare(i.source.units!.label)];
    };
    expect(parts(several.id)).toEqual(expected(several));
    expect(parts(single.id)).toEqual(expected(single));
  });

  it('leaves the whole-plan page without 引用 controls (the item pages hold the references)', () => {
    const d = loadDocument(join(DIST, id, 'full/index.html'));
    expect(d.querySelector('.cite-link, #cite, [data-cite]')).toBeNull();
  });
});
