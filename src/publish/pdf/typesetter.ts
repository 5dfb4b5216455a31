/**
 * Typst, through `@myriaddreamin/typst-ts-node-compiler`: one compiler per build, in a process of its own
 * (typst-worker.ts), with the document's font files loaded once, compiling the templates in templates/ from JSON
 * data into tagged PDF. A template reads its data with `json(bytes(sys.inputs.data))` and shows strings as text,
 * so the plan's characters are never markup.
 */
import { readFile } from 'node:fs/promises';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StepError } from '../pipeline/cli.ts';
import type { WorkerAnswer, WorkerRequest, WorkerStart } from './typst-worker.ts';

/** The templates, by name (templates/<name>.typ). */
export type Template = 'gbt9704' | 'reading';

const TEMPLATES = new URL('./templates/', import.meta.url);

/** A compiler with its fonts and templates loaded. */
export interface Typesetter {
  /** Milliseconds its start took: reading the font files and the compiler's own scan of the system's fonts. */
  startMs: number;
  /** Typesets `data` with `template` into PDF bytes (tagged, PDF 1.7); `ms`: Typst's own time for it. */
  pdf(template: Template, data: unknown): Promise<{ pdf: Uint8Array; ms: number }>;
  /** Ends the worker, and with it the compiler's fonts and caches. */
  close(): Promise<void>;
}

const sources = new Map<Template, Promise<string>>();

/** A template's source, read once (cache keys include it: the import graph of the code does not see it). */
export const templateSource = (name: Template): Promise<string> => {
  let source = sources.get(name);
  if (!source) sources.set(name, (source = readFile(new URL(`${name}.typ`, TEMPLATES), 'utf8')));
  return source;
};

/** The worker's source, for cache keys: the main thread loads it by URL, so the import graph does not see it. */
export const workerSource = (): Promise<string> => readFile(new URL('./typst-worker.ts', import.meta.url), 'utf8');

let shared: { key: string; typesetter: Promise<Typesetter> } | undefined;

/**
 * The process's typesetter for these font files, made on first use: an archive's build typesets every plan's two
 * PDFs with one compiler, its fonts read once. Asking with other files (a changed GBT9704_*_FILE) makes a new one.
 */
export function typesetter(fontFiles: readonly string[]): Promise<Typesetter> {
  const files = [...new Set(fontFiles)].sort();
  const key = files.join('\n');
  if (shared?.key !== key) shared = { key, typesetter: createTypesetter(files) };
  return shared.typesetter;
}

async function createTypesetter(files: string[]): Promise<Typesetter> {
  const [gbt9704, reading] = await Promise.all([templateSource('gbt9704'), templateSource('reading')]);
  const start: WorkerStart = { files, workspace: TEMPLATES.pathname, templates: { gbt9704, reading } };
  // A process of its own, not a worker thread: the compiler's fonts and caches (hundreds of MiB after an archive's
  // PDFs) go back to the system when it exits; a thread's would stay with the build's process while Astro renders.
  // 'advanced' serialization carries the PDFs' bytes as they are.
  const child = fork(fileURLToPath(new URL('./typst-worker.ts', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (r: { pdf: Uint8Array; ms: number }) => void; reject: (e: Error) => void }>();
  let ready!: (ms: number) => void;
  let failed!: (e: Error) => void;
  const started = new Promise<number>((resolve, reject) => ((ready = resolve), (failed = reject)));
  // The process keeps the build alive only while it has work: an idle one never holds a finished build open.
  const hold = (on: boolean) => {
    if (on) (child.ref(), child.channel?.ref());
    else (child.unref(), child.channel?.unref());
  };
  const idle = () => pending.size === 0 && hold(false);
  child.on('message', (answer: WorkerAnswer) => {
    if (answer.kind === 'ready') return ready(answer.startMs);
    const request = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.kind === 'pdf') request?.resolve({ pdf: answer.pdf, ms: answer.ms });
    else request?.reject(new StepError(`pdf: ${answer.message}`));
    idle();
  });
  const fail = (error: Error) => {
    failed(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  let closing = false;
  child.on('error', fail);
  const exited = new Promise<void>((done) =>
    child.on('exit', (code, signal) => {
      if (!closing) fail(new StepError(`pdf: the Typst process ended (${signal ?? `exit code ${code}`}).`));
      done();
    }),
  );
  child.send(start);
  const startMs = await started;
  idle();
  let next = 0;
  return {
    startMs,
    pdf(name, data) {
      const id = next++;
      hold(true);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, name, data: JSON.stringify(data) } satisfies WorkerRequest);
      });
    },
    close: async () => {
      closing = true;
      // Held while it exits: with an unreferenced child and nothing else to do (an archive whose pages were all
      // reused finishes its other steps first), Node would end the build with this wait unsettled (exit code 13).
      hold(true);
      child.disconnect();
      await exited;
    },
  };
}

/**
 * Ends the process's typesetter once a build has typeset its PDFs: the compiler keeps what it loaded and cached
 * (hundreds of MiB after an archive's PDFs) for as long as it lives, which is otherwise while Astro renders in
 * its own process and the later steps run. A later request starts a new one.
 */
export async function closeTypesetter(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current.typesetter).close();
}

/** How long the process's typesetter took to start, for the build log (undefined when none was started). */
export async function typesetterStartMs(): Promise<number | undefined> {
  return shared ? (await shared.typesetter).startMs : undefined;
}
