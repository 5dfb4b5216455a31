/**
 * Typst, through `@myriaddreamin/typst-ts-node-compiler`: one compiler per process with the document's font files
 * loaded once, compiling the templates in templates/ from JSON data into tagged PDF. A template reads its data
 * with `json(bytes(sys.inputs.data))` and shows strings as text, so the plan's characters are never markup.
 */
import { readFile } from 'node:fs/promises';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { StepError } from '../build/cli.ts';

/** The templates, by name (templates/<name>.typ). */
export type Template = 'gbt9704' | 'reading';

const TEMPLATES = new URL('./templates/', import.meta.url);

/** A compiler with its fonts and templates loaded. */
export interface Typesetter {
  /** Milliseconds its start took: reading the font files and the compiler's own scan of the system's fonts. */
  startMs: number;
  /** Typesets `data` with `template` into PDF bytes (tagged, PDF 1.7). */
  pdf(template: Template, data: unknown): Uint8Array;
}

const sources = new Map<Template, Promise<string>>();

/** A template's source, read once (cache keys include it: the import graph of the code does not see it). */
export const templateSource = (name: Template): Promise<string> => {
  let source = sources.get(name);
  if (!source) sources.set(name, (source = readFile(new URL(`${name}.typ`, TEMPLATES), 'utf8')));
  return source;
};

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
  const started = performance.now();
  const [blobs, gbt9704, reading] = await Promise.all([Promise.all(files.map((f) => readFile(f))), templateSource('gbt9704'), templateSource('reading')]);
  // The compiler also scans the system's fonts (0.7.0 has no switch for it); the templates name their faces, so
  // those only stand behind the chosen files for a character none of them has.
  const compiler = NodeCompiler.create({ workspace: TEMPLATES.pathname, fontArgs: [{ fontBlobs: blobs }] });
  const byName: Record<Template, string> = { gbt9704, reading };
  return {
    startMs: performance.now() - started,
    pdf(name, data) {
      const result = compiler.compile({ mainFileContent: byName[name], inputs: { data: JSON.stringify(data) } });
      const document = result.result;
      if (!document || result.hasError()) {
        const diagnostics = result.takeDiagnostics() ?? result.takeError();
        throw new StepError(`pdf ${name}: Typst failed: ${JSON.stringify(diagnostics?.shortDiagnostics ?? 'no diagnostics')}`);
      }
      // The templates set no date: the same plan gives the same bytes.
      return compiler.pdf(document, { pdfTags: true });
    },
  };
}

/** How long the process's typesetter took to start, for the build log (undefined when none was started). */
export async function typesetterStartMs(): Promise<number | undefined> {
  return shared ? (await shared.typesetter).startMs : undefined;
}
