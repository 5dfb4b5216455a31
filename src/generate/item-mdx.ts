/**
 * Item → MDX page. Plan text never becomes MDX syntax: every run of text is emitted as a JavaScript string
 * literal inside an expression (`{"…"}`), so `{`, `<`, `*`, `#` or `1.` render as written. Markup we add
 * (targets, citations, editorial notes) is JSX around those literals.
 */
import { itemParagraphs, type ItemParagraph } from '../plan/extract.ts';
import type { Citation, Item, ItemField, Plan, Target } from '../plan/schema.ts';
import type { PlacedNote } from './notes.ts';

/** A span to mark inside a paragraph, in code points. */
interface Mark {
  start: number;
  end: number;
  open: string;
  close: string;
  /** Markup placed right after the span (e.g. a note marker). */
  after?: string;
}

/** A JavaScript string literal that MDX reads as an expression; JSON escaping is valid JS. */
export function jsxText(text: string): string {
  return `{${JSON.stringify(text)}}`;
}

/** JSX attribute value from a string, as an expression: JSX string attributes know no escapes. */
function attr(value: string): string {
  return jsxText(value);
}

/**
 * Renders paragraph text with marks as JSX children. Overlapping marks keep the earlier one,
 * so a mark never splits another.
 */
export function markedText(text: string, marks: readonly Mark[]): string {
  const chars = [...text];
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const mark of sorted) {
    if (mark.start < pos) continue;
    if (mark.start > pos) out += jsxText(chars.slice(pos, mark.start).join(''));
    out += mark.open + jsxText(chars.slice(mark.start, mark.end).join('')) + mark.close + (mark.after ?? '');
    pos = mark.end;
  }
  if (pos < chars.length) out += jsxText(chars.slice(pos).join(''));
  return out;
}

/** Anchor id of a paragraph on its item page: goals, m1, m2 … for labelled fields, p1, p2 … for unlabelled text. */
export function paragraphId(p: Pick<ItemParagraph, 'field' | 'paragraph'>): string {
  if (p.field === 'goals') return p.paragraph === 0 ? 'goals' : `goals-${p.paragraph + 1}`;
  if (p.field === 'measures') return `m${p.paragraph + 1}`;
  if (p.field === 'text') return `p${p.paragraph + 1}`;
  return 'title';
}

function marksFor(p: ItemParagraph, targets: Target[], citations: Citation[], notes: PlacedNote[]): Mark[] {
  const same = (s: { item: number; field: string; paragraph: number }) =>
    s.item === p.item && s.field === p.field && s.paragraph === p.paragraph;
  const marks: Mark[] = [];
  for (const note of notes.filter((n) => same(n.at))) {
    marks.push({
      start: note.at.start,
      end: note.at.end,
      open: `<Noted note=${attr(note.id)}>`,
      close: '</Noted>',
      after: `<NoteRef note=${attr(note.id)} />`,
    });
  }
  citations.forEach((c, index) => {
    for (const at of c.occurrences.filter(same)) {
      marks.push({ start: at.start, end: at.end, open: `<Cite n={${index + 1}} title=${attr(c.title)}>`, close: '</Cite>' });
    }
  });
  for (const t of targets.filter(same)) {
    marks.push({ start: t.start, end: t.end, open: `<Target id=${attr(t.id)} kind=${attr(t.kind)}>`, close: '</Target>' });
  }
  return marks;
}

/** The generated-file header, as a YAML comment inside the front matter. */
export function generatedHeader(seedPath: string): string {
  return `# Generated from ${seedPath} by scripts/build-content.ts. Do not edit: edit the plan text and rerun \`npm run content\`.`;
}

/**
 * The MDX page of one item: only what must be MDX, its fields as marked-up literals, keyed to the Plan's item by
 * its number (the front matter's one field, `item`). Every other fact of the item (its number as printed, title,
 * 责任单位) is read from the Plan, which the page hands to the body as `props.item`.
 */
export function itemToMdx(item: Item, plan: Plan, notes: readonly PlacedNote[], seedPath: string): string {
  const front = ['---', generatedHeader(seedPath), `item: ${item.number}`, '---'];
  const paragraphs = itemParagraphs(item);
  const placed = notes.filter((n) => n.item === item.number);
  const render = (p: ItemParagraph) =>
    `<P id=${attr(paragraphId(p))} prefix={props.prefix} cite={props.cite}>${markedText(p.text, marksFor(p, plan.targets, plan.citations, placed))}</P>`;
  // A 责任单位 printed above a field (a 完成时限 below it) is set there, by the page's Units component.
  const before = item.responsible ? item.source.units?.beforeField : undefined;
  // How many fields of the same kind come before a field (a 完成时限 after a 问题描述): its label's id differs.
  const repeat = (index: number) => item.fields.slice(0, index).filter((f) => f.kind === item.fields[index]!.kind).length;
  const field = (f: ItemField, index: number) => [
    ...(index === before ? ['<Units item={props.item} prefix={props.prefix} cite={props.cite} level={props.level} />', ''] : []),
    `<Field kind=${attr(f.kind)} label=${attr(f.label)}${repeat(index) ? ` repeat={${repeat(index)}}` : ''} prefix={props.prefix} level={props.level}>`,
    ...paragraphs.filter((p) => p.fieldIndex === index).map(render),
    '</Field>',
    '',
  ];
  return [...front, '', ...item.fields.flatMap(field)].join('\n');
}
