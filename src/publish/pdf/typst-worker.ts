/**
 * The Typst compiler in a process of its own (see typesetter.ts): Typst's compiling is synchronous native work, so
 * in the build's own thread it would hold up the build; here it runs on the machine's other core meanwhile, and
 * its memory goes when it exits. Its first message gives the font files and the templates' sources; it answers
 * each request after that with the PDF's bytes or Typst's diagnostics, and exits when the build lets it go.
 */
import { readFileSync } from 'node:fs';
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

let compiler: NodeCompiler | undefined;
let templates: Record<string, string> = {};
const send = (answer: WorkerAnswer) => process.send!(answer);

process.on('message', (message: WorkerStart | WorkerRequest) => {
  if (!compiler) return start(message as WorkerStart);
  const { id, name, data } = message as WorkerRequest;
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
    // Typst memoises its work for the next compile and never forgets it: over a 100-plan archive's 200 PDFs this
    // process grew to 1.2 GiB. Forgetting what the last two compiles did not use keeps it near 270 MiB, and was not
    // slower (Typst's time for those PDFs: 14.2 s keeping everything, 12.3–12.5 s at 2, 14.0 s at 10, 16.7 s at 0).
    // Two, not one: the build asks for the two kinds of PDF in turn, and each keeps what its template reuses.
    compiler.evictCache(2);
    send({ kind: 'pdf', id, pdf, ms: performance.now() - begun });
  } catch (error) {
    send({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
// The build let it go (or ended): nothing more will come.
process.on('disconnect', () => process.exit(0));

function start(given: WorkerStart): void {
  const started = performance.now();
  templates = given.templates;
  // The compiler also scans the system's fonts (0.7.0 has no switch for it); the templates name their faces, so
  // those only stand behind the chosen files for a character none of them has.
  compiler = NodeCompiler.create({ workspace: given.workspace, fontArgs: [{ fontBlobs: given.files.map((f) => readFileSync(f)) }] });
  send({ kind: 'ready', startMs: performance.now() - started });
}
