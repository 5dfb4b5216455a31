/**
 * Bytes → text. Government files arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
 * Uses the platform's TextDecoder (Node ships full ICU), so no decoding tables are bundled here.
 */
import { positionOf, problem, type Result } from './problem.ts';

/** The encodings we recognise. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and the encoding it was read as. */
export interface Decoded {
  text: string;
  encoding: Encoding;
}

// Control characters that never occur in a text document; their presence means the file is binary.
// Tab, LF, VT, FF and CR are allowed (treated as whitespace later).
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/u;

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function binaryProblem(text: string) {
  const { line, column } = positionOf(text, text.search(BINARY_CONTROL));
  return problem(
    line,
    column,
    'binary-file',
    'The file holds control characters (e.g. NUL), so it is not a text file. Export the plan as plain text (UTF-8 or GB18030).',
  );
}

/**
 * Detects the encoding and decodes. A BOM decides; otherwise strict UTF-8 is tried first, then GB18030.
 * @example decodePlanBytes(new TextEncoder().encode('一、总则')) // { ok: true, value: { text: '一、总则', encoding: 'utf-8' } }
 */
export function decodePlanBytes(bytes: Uint8Array): Result<Decoded> {
  let encoding: Encoding;
  let text: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = tryDecode(bytes, encoding);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = tryDecode(bytes, encoding);
  } else {
    // A NUL byte never occurs in UTF-8 or GB18030 text: the file is binary (a PDF, an image, a Word file…).
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { ok: false, problems: [binaryProblem(new TextDecoder('utf-8').decode(bytes.subarray(0, nul + 1)))] };
    encoding = 'utf-8';
    text = tryDecode(bytes, encoding);
    if (text === undefined) {
      encoding = 'gb18030';
      text = tryDecode(bytes, encoding);
    }
  }
  if (text === undefined) {
    return {
      ok: false,
      problems: [
        problem(1, 1, 'unknown-encoding', 'The file is neither UTF-8, UTF-16 with a BOM, nor GB18030/GBK. Save it as UTF-8.'),
      ],
    };
  }
  // TextDecoder strips a leading BOM for utf-8/utf-16; strip a stray one (e.g. after GB18030 conversion) too.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (BINARY_CONTROL.test(text)) return { ok: false, problems: [binaryProblem(text)] };
  return { ok: true, value: { text, encoding } };
}
