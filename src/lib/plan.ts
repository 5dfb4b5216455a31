/**
 * The plan data for pages: the generated content/data/plan.json, validated once against the schema.
 */
import raw from '../../content/data/plan.json';
import notesRaw from '../../content/data/notes.json';
import { PlanSchema } from '../plan/schema.ts';
import type { PlacedNote } from '../generate/notes.ts';

/** The whole plan. */
export const plan = PlanSchema.parse(raw);

/** Editorial notes with the passages they are attached to. */
export const notes = (notesRaw as { notes: PlacedNote[] }).notes;

/** Short name of the plan used in page titles. */
export const siteName = plan.title;
