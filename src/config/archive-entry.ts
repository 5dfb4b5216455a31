/**
 * A plan as the archive holds it: its resolved config (id, year, series, status, what it replaces and what
 * replaced it), its title and download names, the Plan itself and its placed editorial notes. One file per plan
 * under content/plans/<id>/plan.json; the pages read it with this schema (src/lib/plans.ts).
 */
import { z } from 'zod';
import { PlanSchema, SpanRefSchema } from '../plan/schema.ts';
import { PLAN_STATUSES } from './plan-config.ts';

/** A placed editorial note (src/generate/notes.ts PlacedNote). */
export const PlacedNoteSchema = z.object({
  /** Stable id, the anchor of the note. */
  id: z.string(),
  /** Item number the passage is in. */
  item: z.number().int().positive(),
  /** The passage as written. */
  passage: z.string(),
  /** The note shown to readers. */
  note: z.string(),
  /** Where the passage is. */
  at: SpanRefSchema,
});

/** The archive's record of one plan. */
export const ArchiveEntrySchema = z.object({
  /** URL segment, e.g. 2020. */
  id: z.string(),
  /** The year the plan is for; the first year of a span. */
  year: z.number().int(),
  /** The last year, when the plan is for a span of years (e.g. 2018—2020). */
  yearTo: z.number().int().optional(),
  /** Series the plan is an edition of, e.g. 湖南省教育厅工作要点. */
  series: z.string(),
  /** Legal status: from the config, else inferred (replaced by a newer plan of the series → 已被替代). */
  status: z.enum(PLAN_STATUSES),
  /** Id of the plan this one replaces. */
  supersedes: z.string().optional(),
  /** Id of the plan that replaced this one. */
  supersededBy: z.string().optional(),
  /** True for the newest plan of the archive, the one /current/ answers for. */
  current: z.boolean(),
  /** File name of the source document. */
  sourceFile: z.string(),
  /** Where the original was published and the SHA-256 of the file received. */
  source: z.object({ url: z.string().optional(), publishedAt: z.string().optional(), sha256: z.string().optional() }),
  /** ASCII stem of the download names (PDF, offline zip), from the source file's name. */
  downloadStem: z.string(),
  /** Other names of an office → canonical name, as configured. */
  officeAliases: z.record(z.string(), z.string()),
  /** The plan as parsed. */
  plan: PlanSchema,
  /** Editorial notes with their passages. */
  notes: z.array(PlacedNoteSchema),
});

/** One plan of the archive. */
export type ArchiveEntry = z.infer<typeof ArchiveEntrySchema>;
