/**
 * Plan folders on disk → plans read and resolved: the file I/O around the pure config resolver
 * (src/config/plan-config.ts) and the reader. `PLANS_DIR=<folder>` holds one folder per plan; `PLAN_FILE=<file>`
 * is a plan of its own (with its folder's plan.json when that config names the file).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from '../../config/digest.ts';
import { chooseFolder, CONFIG_FILE, formatConfigProblem, locateKey, parseConfigJson, resolveFolder, type ConfigProblem, type FolderFile, type ResolvedPlanConfig } from '../../config/plan-config.ts';
import { placeNoteList, type PlacedNote } from '../../generate/notes.ts';
import { failWith, readPlanBytes, readPlanFile, type ReadBytes, type ReadPlan } from './read-plan.ts';
import { PlanInputError } from '../pipeline/cli.ts';
import { planInputs } from '../../contract/plan-inputs.ts';
import { eachBounded } from '../pipeline/bounded.ts';
import type { Plan } from '../../plan/schema.ts';

/** Plan folders read at once. */
const PLANS_AT_ONCE = 4;

/** One plan read from its folder: the resolved config, the reader's result and its placed notes. */
export interface PlanSource {
  config: ResolvedPlanConfig;
  read: ReadPlan;
  notes: PlacedNote[];
  /** Path of the source document, for messages and the generated-file header. */
  sourcePath: string;
  /** Where the plan's id comes from, as path:line:col: its "id" in plan.json, else the title that gave its year. */
  idAt?: string;
}

/**
 * Reads every plan the environment names; throws PlanInputError listing every problem of every plan. `readBytes`
 * reads a document's bytes (the build's keeps what it read before: parsed-plans.ts).
 */
export async function readPlans(env: Record<string, string | undefined> = process.env, readBytes: ReadBytes = readPlanBytes): Promise<PlanSource[]> {
  const input = planInputs(env);
  if (input.kind === 'file') return [await readPlanFromFile(input.path, readBytes)];
  const folders = await planFolders(input.path);
  if (folders.length === 0) throw new PlanInputError([`${input.path}:1:1: no-plans: No plan folder (a folder holding a plan document) was found in ${input.path}.`]);
  // Read a few at a time (their files are read while another is parsed), reported in the folders' order.
  const read: (PlanSource | string[])[] = new Array(folders.length);
  await eachBounded(
    folders.map((folder, i) => ({ folder, i })),
    PLANS_AT_ONCE,
    async ({ folder, i }) => {
      try {
        read[i] = await readPlanFolder(folder, readBytes);
      } catch (error) {
        if (!(error instanceof PlanInputError)) throw error;
        read[i] = error.lines;
      }
    },
  );
  const plans = read.filter((r): r is PlanSource => !Array.isArray(r));
  const lines = read.filter((r): r is string[] => Array.isArray(r)).flat();
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
    if (other) lines.push(`${p.idAt ?? `${p.sourcePath}:1:1`}: duplicate-plan-id: ${other} and ${p.sourcePath} both resolve to the id ${p.config.id}. Give one of them another "id" in its ${CONFIG_FILE}.`);
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

/** A plan folder's files as read once: their names and digests, the bytes of each, and the config's text. */
interface FolderRead {
  folder: string;
  files: FolderFile[];
  /** The bytes of each file read, by name (a file that could not be read has none). */
  bytes: ReadonlyMap<string, Uint8Array>;
  /** The text of plan.json, when the plan uses it. */
  configText: string | undefined;
  /** plan.json parsed (not yet checked against its schema), when the plan uses it. */
  config: unknown;
  configPath: string;
}

/** Reads one plan folder: config (optional), source document, digest, notes; every file read once. */
export async function readPlanFolder(folder: string, readBytes: ReadBytes = readPlanBytes): Promise<PlanSource> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const configPath = join(folder, CONFIG_FILE);
  const configText = names.includes(CONFIG_FILE) ? await readFile(configPath, 'utf8') : undefined;
  const files: FolderFile[] = [];
  const bytes = new Map<string, Uint8Array>();
  for (const name of names.filter((n) => n !== CONFIG_FILE)) {
    const b = await readFile(join(folder, name));
    bytes.set(name, b);
    files.push({ name, sha256: sha256Hex(b) });
  }
  return readResolved({ folder, files, bytes, configText, config: parsedConfig(folder, configText), configPath }, readBytes);
}

/** PLAN_FILE: a single file, with its folder's plan.json only when that config names this file as its source. */
export async function readPlanFromFile(path: string, readBytes: ReadBytes = readPlanBytes): Promise<PlanSource> {
  const folder = dirname(path);
  const configPath = join(folder, CONFIG_FILE);
  let configText: string | undefined;
  let config: unknown;
  if (existsSync(configPath)) {
    const text = await readFile(configPath, 'utf8');
    const parsed = parseConfigJson(text);
    // A config that is not JSON, or names another file, is not this file's: the file is read on its own.
    const named = parsed.ok && isRecord(parsed.value) && isRecord(parsed.value.source) ? parsed.value.source.file : undefined;
    if (parsed.ok && named === basename(path)) [configText, config] = [text, parsed.value];
  }
  const b = await readFile(path).catch(() => undefined);
  const files: FolderFile[] = [{ name: basename(path), ...(b ? { sha256: sha256Hex(b) } : {}) }];
  return readResolved({ folder, files, bytes: new Map(b ? [[basename(path), b]] : []), configText, config, configPath }, readBytes);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** plan.json's text parsed, or the located syntax error thrown. */
function parsedConfig(folder: string, configText: string | undefined): unknown {
  if (configText === undefined) return undefined;
  const parsed = parseConfigJson(configText);
  if (!parsed.ok) throw new PlanInputError(parsed.problems.map((p) => locatedLine(folder, p, configText)));
  return parsed.value;
}

/**
 * A config problem as `path:line:col: rule: file: message`: at the place it names (the title in the source, a JSON
 * syntax error), else at its key in plan.json, else at the start of the file it names.
 */
function locatedLine(folder: string, p: ConfigProblem, configText: string | undefined): string {
  const at = p.at ?? (p.file === CONFIG_FILE && configText !== undefined && p.key ? locateKey(configText, p.key) : undefined);
  return `${join(folder, p.file)}:${at?.line ?? 1}:${at?.column ?? 1}: ${formatConfigProblem(p)}`;
}

/**
 * The folder resolved: its config checked and source chosen once (chooseFolder), the chosen document parsed from
 * the bytes already read, then what the config leaves open filled from the document (resolveFolder).
 */
async function readResolved(f: FolderRead, readBytes: ReadBytes): Promise<PlanSource> {
  const { folder, files, configText, configPath } = f;
  const choice = chooseFolder(files, f.config);
  // With no source chosen (none, several, or one the config names that is missing), there is no document to read.
  if (choice.sourceFile === undefined) throw new PlanInputError(choice.problems.map((p) => locatedLine(folder, p, configText)));
  const sourcePath = join(folder, choice.sourceFile);
  const options = { officeAliases: choice.config.officeAliases ?? {} };
  const bytes = f.bytes.get(choice.sourceFile);
  const read = bytes ? await readBytes(sourcePath, bytes, options) : await readPlanFile(sourcePath, options);
  const { plan, report } = read;
  const resolved = resolveFolder(files, choice, { title: plan.title, ...(report.titleAt ? { titleAt: report.titleAt } : {}), ...documentDate(plan) });
  if (!resolved.ok) throw new PlanInputError(resolved.problems.map((p) => locatedLine(folder, p, configText)));
  const notes = placeNoteList(resolved.value.editorialNotes, read.plan, configText ?? '');
  if (!notes.ok) failWith(configPath, notes.problems);
  const idKey = resolved.value.fromDocument.includes('id') || configText === undefined ? undefined : locateKey(configText, ['id']);
  const titleAt = report.titleAt ?? { line: 1, column: 1 };
  const idAt = idKey ? `${configPath}:${idKey.line}:${idKey.column}` : `${sourcePath}:${titleAt.line}:${titleAt.column}`;
  return { config: resolved.value, read, notes: notes.value, sourcePath, idAt };
}

/** The 成文日期 the year falls back on: the covering notice's, else the plan's own signature's. */
function documentDate(plan: Plan): { isoDate?: string } {
  const isoDate = plan.notice?.isoDate ?? plan.signature?.isoDate;
  return isoDate ? { isoDate } : {};
}
