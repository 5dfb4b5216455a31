/**
 * The Typst compiler in a worker thread (see typesetter.ts): Typst's compiling is synchronous native work, so in
 * the build's own thread it would hold up Astro; here it runs on the machine's other core meanwhile. Started with
 * the font files and the templates' sources; answers each request with the PDF's bytes or Typst's diagnostics.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/** What the typesetter starts the worker with. */
export interface WorkerStart {
  files: string[];
  workspace: string;
  templates: Record<string, string>;
}

/** A request: typeset `data` (JSON text, the template's `sys.inputs.data`) with the template `name`. */
export interface WorkerRequest {
  id: number;
  name: string;
  data: string;
}

/** An answer: `ready` once started; then for each request its PDF or its failure. */
export type WorkerAnswer =
  | { kind: 'ready'; startMs: number }
  | { kind: 'pdf'; id: number; pdf: Uint8Array; ms: number }
  | { kind: 'failed'; id: number; message: string };

const port = parentPort!;
const { files, workspace, templates } = workerData as WorkerStart;
const started = performance.now();
// The compiler also scans the system's fonts (0.7.0 has no switch for it); the templates name their faces, so
// those only stand behind the chosen files for a character none of them has.
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs: files.map((f) => readFileSync(f)) }] });
port.postMessage({ kind: 'ready', startMs: performance.now() - started } satisfies WorkerAnswer);

port.on('message', ({ id, name, data }: WorkerRequest) => {
  const begun = performance.now();
  try {
    const result = compiler.compile({ mainFileContent: templates[name]!, inputs: { data } });
    const document = result.result;
    if (!document || result.hasError()) {
      const diagnostics = result.takeDiagnostics() ?? result.takeError();
      throw new Error(`Typst failed: ${JSON.stringify(diagnostics?.shortDiagnostics ?? 'no diagnostics')}`);
    }
    // The templates set no date: the same plan gives the same bytes.
    const pdf = new Uint8Array(compiler.pdf(document, { pdfTags: true }));
    port.postMessage({ kind: 'pdf', id, pdf, ms: performance.now() - begun } satisfies WorkerAnswer, [pdf.buffer]);
  } catch (error) {
    port.postMessage({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer);
  }
});
