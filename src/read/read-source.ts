/**
 * The edge of the reader: any supported file's bytes → one SourceDocument. No file system here; the caller
 * reads the bytes, so the same code serves the build, the CLI and the tests.
 */
import { decodePlanBytes } from '../plan/decode.ts';
import type { Result } from '../plan/problem.ts';
import type { SourceDocument } from '../plan/source.ts';
import { detectFormat } from './detect-format.ts';
import { textToSourceDocument } from './text.ts';

/**
 * Reads a plan file of any supported format (plain text, .docx, PDF with a text layer, HTML) into lines,
 * or refuses it with one located problem that names the format found and what to give instead.
 */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<Result<SourceDocument>> {
  const detected = detectFormat(bytes, fileName);
  if (!detected.ok) return detected;
  switch (detected.format) {
    // Each format's library is loaded only when a file of that format comes (pdf.js and mammoth take longer to
    // load than the seed's text takes to read).
    case 'pdf':
      return (await import('./pdf.ts')).readPdf(bytes);
    case 'docx':
      return (await import('./docx.ts')).readDocx(bytes);
    case 'html':
      return (await import('./html.ts')).readHtml(bytes);
    case 'text': {
      const decoded = decodePlanBytes(bytes);
      if (!decoded.ok) return decoded;
      return { ok: true, value: textToSourceDocument(decoded.value.text, decoded.value.encoding) };
    }
  }
}
