/**
 * What `astro dev` does when a plan file changes (src/integrations/plan-content.ts wires it to the dev server's
 * file watcher): the edited plan's folder is read again — only that one — and content/plans/ rewritten from every
 * plan, of which only the edited plan's files change unless its edit moved it in the archive (a new year, a
 * `supersedes`). A plan with problems prints them, located (path:line:col: rule-id: message), and the last good
 * content stays, so the site keeps showing the plan as it last read.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONFIG_FILE } from '../../config/plan-config.ts';
import { writePlanContent } from './plan-content.ts';
import { readSiteSettings } from './site-settings.ts';
import { planInputs } from '../../contract/plan-inputs.ts';
import { duplicateIds, planFolders, readPlanFolder, readPlanFromFile, type PlanSource } from './plan-folders.ts';
import { PlanInputError } from '../pipeline/cli.ts';

/** Editors save in several writes (a temporary file, a rename); a folder is read once they have settled. */
const SETTLE_MS = 120;

/** Where the watcher's messages go. */
export interface WatchLog {
  info: (line: string) => void;
  error: (line: string) => void;
}

/** Regenerates a plan's content when a file of its folder changes. */
export class PlanWatch {
  /** What to watch: the plans folder, or the one plan file and its config. */
  readonly paths: string[];
  private readonly input: ReturnType<typeof planInputs>;
  private readonly root: string;
  private readonly log: WatchLog;
  private readonly contentDir: string;
  /** The last good reading of every plan, by folder (or by file in PLAN_FILE mode). */
  private sources = new Map<string, PlanSource>();
  private readonly ready: Promise<void>;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly env: Record<string, string | undefined>;
  /** Regenerations run one after another, so two writes of content/ never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(env: Record<string, string | undefined>, log: WatchLog, contentDir = 'content') {
    this.env = env;
    this.input = planInputs(env);
    this.root = resolve(this.input.path);
    this.log = log;
    this.contentDir = contentDir;
    this.paths = this.input.kind === 'dir' ? [this.root] : [this.root, join(dirname(this.root), CONFIG_FILE)];
    this.ready = this.readAll();
  }

  /** Reads every plan once, as `npm run content` did before the server started (a plan with problems is left out until it is fixed). */
  private async readAll(): Promise<void> {
    const keys = this.input.kind === 'dir' ? await planFolders(this.root).catch(() => []) : [this.root];
    for (const key of keys) {
      const source = await this.read(key);
      if (source) this.sources.set(key, source);
    }
  }

  /** Reads one plan, or prints its problems and returns undefined. */
  private async read(key: string): Promise<PlanSource | undefined> {
    try {
      return this.input.kind === 'dir' ? await readPlanFolder(key) : await readPlanFromFile(key);
    } catch (error) {
      if (!(error instanceof PlanInputError)) throw error;
      for (const line of error.lines) this.log.error(line);
      return undefined;
    }
  }

  /** The plan a changed path belongs to (its folder, or the plan file), or undefined when it is no plan's. */
  planOf(path: string): string | undefined {
    const full = resolve(path);
    if (this.input.kind === 'file') return this.paths.includes(full) ? this.root : undefined;
    const rel = relative(this.root, full);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    const [folder, ...rest] = rel.split(sep);
    // A file directly in the plans folder is no plan's; hidden folders are skipped as `npm run content` skips them.
    if (rest.length === 0 && !(existsSync(full) && statSync(full).isDirectory())) return undefined;
    if (folder!.startsWith('.')) return undefined;
    return join(this.root, folder!);
  }

  /** Called by the watcher for every event; schedules the plan's regeneration once its files have settled. */
  changed(path: string): void {
    const key = this.planOf(path);
    if (!key) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.queue = this.queue.then(() => this.regenerate(key)).catch((error: unknown) => this.log.error(String(error)));
      }, SETTLE_MS),
    );
  }

  /** Resolves once every scheduled regeneration has run (for tests). */
  async settled(): Promise<void> {
    await this.ready;
    while (this.timers.size > 0) await new Promise((r) => setTimeout(r, SETTLE_MS));
    await this.queue;
  }

  /** Stops pending regenerations. */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async regenerate(key: string): Promise<void> {
    await this.ready;
    const started = performance.now();
    const gone = !existsSync(key);
    const source = gone ? undefined : await this.read(key);
    if (!gone && !source) {
      this.log.error(`content: ${relative('.', key)} has problems; the site keeps its last good content.`);
      return;
    }
    const next = new Map(this.sources);
    if (source) next.set(key, source);
    else next.delete(key);
    const duplicates = duplicateIds([...next.values()]);
    if (duplicates.length > 0) {
      for (const line of duplicates) this.log.error(line);
      this.log.error(`content: ${relative('.', key)} has problems; the site keeps its last good content.`);
      return;
    }
    const report = await writePlanContent([...next.values()], await readSiteSettings(this.env), this.contentDir);
    this.sources = next;
    const ms = (performance.now() - started).toFixed(0);
    this.log.info(`content: ${relative('.', key)} ${gone ? 'removed' : 'read again'}; ${report.written.length} written, ${report.removed.length} removed in ${ms} ms`);
  }
}
