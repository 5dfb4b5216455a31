/**
 * A tiny element builder: text is always set as text (never parsed as HTML), so plan text and queries
 * cannot inject markup into the results.
 */

type Child = Node | string | false | null | undefined;

/** Creates an element with attributes and children. */
export function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== false && c !== null && c !== undefined) el.append(c);
  return el;
}
