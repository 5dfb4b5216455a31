/**
 * Finds what readers look for across the plan: quantitative targets, cited documents (《…》) and quoted terms (“…”).
 * Each finding records its item, field, paragraph and code-point offsets, so pages can mark it in place.
 */
import type { Citation, Field, Item, Quote, SpanRef, Target } from './schema.ts';

/** One paragraph of an item's text, addressed the way spans are. */
export interface ItemParagraph {
  item: number;
  field: Field;
  /** Index among the item's paragraphs of the same kind (fields of one kind, e.g. 问题描述 and 完成时限, count on). */
  paragraph: number;
  /** Index of its field in `item.fields`; -1 for the title. */
  fieldIndex: number;
  text: string;
}

/**
 * Every paragraph of an item in reading order: the title, then each field's paragraphs. Paragraphs are numbered
 * per kind across fields, so two text fields (问题描述, 完成时限) never share an address.
 */
export function itemParagraphs(item: Item): ItemParagraph[] {
  const seen: Partial<Record<Field, number>> = {};
  return [
    { item: item.number, field: 'title', paragraph: 0, fieldIndex: -1, text: item.title },
    ...item.fields.flatMap((f, fieldIndex) =>
      f.paragraphs.map((text) => {
        const paragraph = seen[f.kind] ?? 0;
        seen[f.kind] = paragraph + 1;
        return { item: item.number, field: f.kind, paragraph, fieldIndex, text };
      }),
    ),
  ];
}

/** Code-point offset of a UTF-16 index in a string. */
function codePointOffset(text: string, utf16Index: number): number {
  return [...text.slice(0, utf16Index)].length;
}

function span(p: ItemParagraph, utf16Start: number, utf16End: number): SpanRef {
  return {
    item: p.item,
    field: p.field,
    paragraph: p.paragraph,
    start: codePointOffset(p.text, utf16Start),
    end: codePointOffset(p.text, utf16End),
  };
}

// A number (ASCII or full-width digits, optional decimals) followed by what makes it a target:
//   percent  93% · 5%以内 · 95%以上
//   money    1000元 · 3 万元
//   count    25 万个 · 37 所 · 1.3 万人以上
// Years (2020 年), ranges (2018-2020年), versions (2.0) and ordinals are not targets: they have none of these units.
const NUMBER = String.raw`[0-9０-９]+(?:[.．][0-9０-９]+)?`;
const QUALIFIER = String.raw`(?:以上|以下|以内|左右)?`;
const COUNT_UNITS = '个所人名项家次门本支种批倍场套台间篇课节届条座张份亩';
const TARGET = new RegExp(
  String.raw`(?<![0-9０-９.．\-—])(${NUMBER})\s*(?:([%％])${QUALIFIER}|((?:万|亿)?\s*元)${QUALIFIER}|((?:万|亿)?\s*[${COUNT_UNITS}])${QUALIFIER})`,
  'gu',
);

// The clause around a target, for lists: back to the previous and on to the next clause punctuation.
const CLAUSE_BREAK = /[。；，、：！？]/u;

function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to]!)) to++;
  return text.slice(from, to).trim();
}

/**
 * Quantitative targets in goals and measures, in document order.
 * @example extractTargets([item]) // [{ id: 't16-1', text: '93%', kind: 'percent', … }]
 */
export function extractTargets(items: readonly Item[]): Target[] {
  const targets: Target[] = [];
  for (const item of items) {
    let n = 0;
    for (const p of itemParagraphs(item)) {
      if (p.field === 'title') continue;
      for (const m of p.text.matchAll(TARGET)) {
        const start = m.index;
        const end = start + m[0].length;
        const kind = m[2] ? 'percent' : m[3] ? 'money' : 'count';
        n += 1;
        targets.push({
          id: `t${item.id}-${n}`,
          ...span(p, start, end),
          text: m[0],
          kind,
          context: clauseAround(p.text, start, end),
        });
      }
    }
  }
  return targets;
}

/** Collects bracketed spans (《…》 or “…”), grouping occurrences of the same inner text. */
function collectBracketed(items: readonly Item[], pattern: RegExp): Map<string, SpanRef[]> {
  const found = new Map<string, SpanRef[]>();
  for (const item of items) {
    for (const p of itemParagraphs(item)) {
      for (const m of p.text.matchAll(pattern)) {
        const inner = m[1]!;
        const list = found.get(inner) ?? [];
        list.push(span(p, m.index, m.index + m[0].length));
        found.set(inner, list);
      }
    }
  }
  return found;
}

/** Documents cited in 《…》, in order of first citation, each with every place it is cited. */
export function extractCitations(items: readonly Item[]): Citation[] {
  return [...collectBracketed(items, /《([^《》\n]+)》/gu)].map(([title, occurrences]) => ({ title, occurrences }));
}

/** Terms quoted in “…”, in order of first appearance, each with every place it is quoted. */
export function extractQuotes(items: readonly Item[]): Quote[] {
  return [...collectBracketed(items, /“([^“”\n]+)”/gu)].map(([term, occurrences]) => ({ term, occurrences }));
}

/**
 * The paragraphs of an item's fields of one kind (empty when the item has none).
 * @example fieldParagraphs(item, 'measures') // ['做好教育脱贫攻坚收官工作…', '巩固提升驻村帮扶…']
 */
export function fieldParagraphs(item: Item, kind: Item['fields'][number]['kind']): string[] {
  return item.fields.filter((f) => f.kind === kind).flatMap((f) => f.paragraphs);
}
