/**
 * Plan folders on disk → plans read and resolved: the file I/O around the pure config resolver
 * (src/config/plan-config.ts) and the reader. `PLANS_DIR=<folder>` holds one folder per plan; `PLAN_FILE=<file>`
 * is a plan of its own (with its folder's plan.json when that config names the file).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from '../../config/digest.ts';
import { CONFIG_FILE, formatConfigProblem, locateKey, parseConfigJson, PlanConfigSchema, resolvePlanConfig, type ConfigProblem, type FolderFile, type ResolvedPlanConfig } from '../../config/plan-config.ts';
import { placeNoteList, type PlacedNote } from '../../generate/notes.ts';
import { DEFAULT_PLANS_DIR, failWith, PlanInputError, readPlanFile, type ReadPlan } from './read-plan.ts';
import type { Plan } from '../../plan/schema.ts';

/** One plan read from its folder: the resolved config, the reader's result and its placed notes. */
export interface PlanSource {
  config: ResolvedPlanConfig;
  read: ReadPlan;
  notes: PlacedNote[];
  /** Path of the source document, for messages and the generated-file header. */
  sourcePath: string;
}

/** Where the plans come from: $PLAN_FILE (one file), else $PLANS_DIR, else seeds/. */
export function planInputs(env: Record<string, string | undefined> = process.env): { kind: 'file'; path: string } | { kind: 'dir'; path: string } {
  if (env.PLAN_FILE) return { kind: 'file', path: env.PLAN_FILE };
  return { kind: 'dir', path: env.PLANS_DIR || DEFAULT_PLANS_DIR };
}

/** Reads every plan the environment names; throws PlanInputError listing every problem of every plan. */
export async function readPlans(env: Record<string, string | undefined> = process.env): Promise<PlanSource[]> {
  const input = planInputs(env);
  if (input.kind === 'file') return [await readPlanFromFile(input.path)];
  const folders = await planFolders(input.path);
  if (folders.length === 0) throw new PlanInputError([`${input.path}:1:1: no-plans: No plan folder (a folder holding a plan document) was found in ${input.path}.`]);
  const plans: PlanSource[] = [];
  const lines: string[] = [];
  for (const folder of folders) {
    try {
      plans.push(await readPlanFolder(folder));
    } catch (error) {
      if (!(error instanceof PlanInputError)) throw error;
      lines.push(...error.lines);
    }
  }
  lines.push(...duplicateIds(plans));
  if (lines.length > 0) throw new PlanInputError(lines);
  return plans;
}

/** A located problem for every plan whose id another plan already has. */
export function duplicateIds(plans: readonly PlanSource[]): string[] {
  const lines: string[] = [];
  const ids = new Map<string, string>();
  for (const p of plans) {
    const other = ids.get(p.config.id);
    if (other) lines.push(`${p.sourcePath}:1:1: duplicate-plan-id: ${other} and ${p.sourcePath} both resolve to the id ${p.config.id}. Give one of them another "id" in its ${CONFIG_FILE}.`);
    ids.set(p.config.id, p.sourcePath);
  }
  return lines;
}

/** The sub-folders of `dir` that hold a file (sorted, so builds are reproducible). */
export async function planFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new PlanInputError([`${dir}:1:1: unreadable-folder: Cannot read the plans folder ${dir}.`]);
  });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(dir, e.name)).sort();
}

/** Reads one plan folder: config (optional), source document, digest, notes. */
export async function readPlanFolder(folder: string): Promise<PlanSource> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const configPath = join(folder, CONFIG_FILE);
  const configText = names.includes(CONFIG_FILE) ? await readFile(configPath, 'utf8') : undefined;
  const files: FolderFile[] = [];
  for (const name of names.filter((n) => n !== CONFIG_FILE)) files.push({ name, sha256: sha256Hex(await readFile(join(folder, name))) });
  return readResolved(folder, files, configText, configPath);
}

/** PLAN_FILE: a single file, with its folder's plan.json only when that config names this file as its source. */
export async function readPlanFromFile(path: string): Promise<PlanSource> {
  const configPath = join(dirname(path), CONFIG_FILE);
  let configText: string | undefined;
  if (existsSync(configPath)) {
    const text = await readFile(configPath, 'utf8');
    const parsed = parseConfigJson(text);
    const named = parsed.ok ? PlanConfigSchema.safeParse(parsed.value).data?.source?.file : undefined;
    if (named === basename(path)) configText = text;
  }
  const bytes = await readFile(path).catch(() => undefined);
  const files: FolderFile[] = [{ name: basename(path), ...(bytes ? { sha256: sha256Hex(bytes) } : {}) }];
  return readResolved(dirname(path), files, configText, configPath);
}

/**
 * A config problem as `path:line:col: rule: file: message`: at the place it names (the title in the source, a JSON
 * syntax error), else at its key in plan.json, else at the start of the file it names.
 */
function locatedLine(folder: string, p: ConfigProblem, configText: string | undefined): string {
  const at = p.at ?? (p.file === CONFIG_FILE && configText !== undefined && p.key ? locateKey(configText, p.key) : undefined);
  return `${join(folder, p.file)}:${at?.line ?? 1}:${at?.column ?? 1}: ${formatConfigProblem(p)}`;
}

async function readResolved(folder: string, files: FolderFile[], configText: string | undefined, configPath: string): Promise<PlanSource> {
  const parsedConfig = configText === undefined ? undefined : parseConfigJson(configText);
  if (parsedConfig && !parsedConfig.ok) throw new PlanInputError(parsedConfig.problems.map((p) => locatedLine(folder, p, configText)));
  const raw = parsedConfig?.ok ? parsedConfig.value : undefined;
  // The reader needs the aliases before the document can be read; the full config is checked after.
  const early = PlanConfigSchema.safeParse(raw ?? {});
  const named = early.data?.source?.file;
  const sourceName = named ?? files.find((f) => /\.(txt|docx|pdf|html?)$/iu.test(f.name))?.name ?? files[0]?.name ?? 'plan.txt';
  const sourcePath = join(folder, sourceName);
  const read = await readPlanFile(sourcePath, { officeAliases: early.data?.officeAliases ?? {} });
  const { plan, report } = read;
  const resolved = resolvePlanConfig(files, raw, { title: plan.title, ...(report.titleAt ? { titleAt: report.titleAt } : {}), ...documentDate(plan) });
  if (!resolved.ok) throw new PlanInputError(resolved.problems.map((p) => locatedLine(folder, p, configText)));
  const notes = placeNoteList(resolved.value.editorialNotes, read.plan, configText ?? '');
  if (!notes.ok) failWith(configPath, notes.problems);
  return { config: resolved.value, read, notes: notes.value, sourcePath };
}

/** The 成文日期 the year falls back on: the covering notice's, else the plan's own signature's. */
function documentDate(plan: Plan): { isoDate?: string } {
  const isoDate = plan.notice?.isoDate ?? plan.signature?.isoDate;
  return isoDate ? { isoDate } : {};
}
