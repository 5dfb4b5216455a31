/**
 * Plan → the generated files under content/: one MDX page per item and the data the site reads.
 * Pure: returns paths and contents; scripts/build-content.ts writes them.
 */
import type { Plan } from '../plan/schema.ts';
import { itemToMdx } from './item-mdx.ts';
import type { PlacedNote } from './notes.ts';

/** Folders under content/ that hold only generated files (stale files there are removed). */
export const GENERATED_DIRS = ['items', 'data'] as const;

/** File name of an item's page; zero-padded so folder listings sort in plan order. */
export function itemFileName(number: number): string {
  return `${String(number).padStart(2, '0')}.mdx`;
}

/** JSON with a leading `$comment` saying it is generated; stable key order and a final newline. */
function generatedJson(seedPath: string, value: object): string {
  const comment = `Generated from ${seedPath} by scripts/build-content.ts. Do not edit.`;
  return `${JSON.stringify({ $comment: comment, ...value }, null, 2)}\n`;
}

/** Every generated file, keyed by path relative to content/. */
export function planToContentFiles(plan: Plan, notes: readonly PlacedNote[], seedPath: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of plan.items) files.set(`items/${itemFileName(item.number)}`, itemToMdx(item, plan, notes, seedPath));
  files.set('data/plan.json', generatedJson(seedPath, plan));
  files.set('data/notes.json', generatedJson(seedPath, { notes }));
  return files;
}
