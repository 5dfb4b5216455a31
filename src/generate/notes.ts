/**
 * Editorial notes: hand-written remarks attached to a passage of the official text, shown beside it and
 * marked `data-editorial`. They never change the text; a note whose passage is not found stops the build.
 */
import { z } from 'zod';
import { readJson } from '../config/json-problems.ts';
import { itemParagraphs } from '../plan/extract.ts';
import { positionOf, problem, type Problem, type Result } from '../plan/problem.ts';
import type { Plan, SpanRef } from '../plan/schema.ts';

/** One note as written in a plan folder's config (seeds/<id>/plan.json, `editorialNotes`). */
export const EditorialNoteSchema = z.object({
  /** Stable id, used as the anchor of the note (e.g. n1). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Item the passage is in. */
  item: z.number().int().positive(),
  /** The passage exactly as it appears in the item (must occur once). */
  passage: z.string().min(1),
  /** The note shown to readers. */
  note: z.string().min(1),
});

/** The notes file: the plan the notes belong to, and the notes. */
export const EditorialNotesSchema = z.object({
  /** Title of the plan these notes are about; notes are not applied to any other plan. */
  plan: z.string().min(1),
  notes: z.array(EditorialNoteSchema),
});

export type EditorialNote = z.infer<typeof EditorialNoteSchema>;

/** A note with the place it is attached to. */
export interface PlacedNote extends EditorialNote {
  at: SpanRef;
}

/** Line and column of the first occurrence of `needle` in a JSON file's text, for error messages. */
function locate(text: string, needle: string): { line: number; column: number } {
  return positionOf(text, text.indexOf(needle));
}

/**
 * Parses the notes file and finds each note's passage in the plan.
 * @example placeNotes('{"plan":"…","notes":[]}', plan) // { ok: true, value: [] }
 */
export function placeNotes(fileText: string, plan: Plan): Result<PlacedNote[]> {
  const read = readJson(EditorialNotesSchema, fileText);
  if (!read.ok) {
    return { ok: false, problems: read.problems.map((p) => problem(p.at.line, p.at.column, p.kind === 'syntax' ? 'notes-json' : 'notes-schema', p.message)) };
  }
  const parsed = { data: read.value };
  // Notes are written for one document; another plan (e.g. next year's, or a test fixture) gets none of them.
  if (parsed.data.plan !== plan.title) return { ok: true, value: [] };
  return placeNoteList(parsed.data.notes, plan, fileText);
}

/**
 * Finds each note's passage in the plan; `fileText` is the file the notes were written in, to locate problems.
 * @example placeNoteList([], plan, '{}') // { ok: true, value: [] }
 */
export function placeNoteList(notes: readonly EditorialNote[], plan: Plan, fileText: string): Result<PlacedNote[]> {
  const problems: Problem[] = [];
  const placed: PlacedNote[] = [];
  const ids = new Set<string>();
  for (const note of notes) {
    const where = locate(fileText, JSON.stringify(note.passage));
    if (ids.has(note.id)) problems.push(problem(where.line, where.column, 'notes-duplicate-id', `Two notes use the id ${note.id}. Give each note its own id.`));
    ids.add(note.id);
    const item = plan.items.find((i) => i.number === note.item);
    if (!item) {
      problems.push(problem(where.line, where.column, 'notes-unknown-item', `Note ${note.id} refers to item ${note.item}, which the plan does not have.`));
      continue;
    }
    const hits = itemParagraphs(item).flatMap((p) => {
      const found: SpanRef[] = [];
      for (let i = p.text.indexOf(note.passage); i !== -1; i = p.text.indexOf(note.passage, i + 1)) {
        const start = [...p.text.slice(0, i)].length;
        found.push({ item: p.item, field: p.field, paragraph: p.paragraph, start, end: start + [...note.passage].length });
      }
      return found;
    });
    if (hits.length !== 1) {
      problems.push(
        problem(
          where.line,
          where.column,
          'notes-passage',
          `Note ${note.id}: the passage “${note.passage}” occurs ${hits.length} times in item ${note.item}; it must occur exactly once. Quote more of the text around it.`,
        ),
      );
      continue;
    }
    placed.push({ ...note, at: hits[0]! });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: placed };
}
