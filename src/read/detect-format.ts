/**
 * Which format a file holds: magic bytes first, the file name's extension second. Formats we cannot read are
 * named, with what to give instead, so the person who supplied the file knows what to send.
 */
import { unzipSync } from 'fflate';
import { problem, type Problem } from '../plan/problem.ts';
import type { SourceFormat } from '../plan/source.ts';

/** A format we read, or a located refusal naming the one we found. */
export type Detected = { ok: true; format: SourceFormat } | { ok: false; problems: Problem[] };

const GIVE_INSTEAD = 'Give the .docx, a PDF with a text layer, an HTML page or the plain text instead.';
const SCAN = 'a scanned image has no text; give the .docx, a PDF with a text layer, or the text.';

function refuse(found: string, hint = GIVE_INSTEAD): Detected {
  return { ok: false, problems: [problem(1, 1, 'unsupported-format', `The file is ${found}, which this reader cannot read: ${hint}`)] };
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

// Images first: a scan handed over as a picture is the commonest wrong file.
const IMAGES: [string, (b: Uint8Array) => boolean][] = [
  ['a PNG image', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['a JPEG image', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['a GIF image', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['a TIFF image', (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])],
  ['a WebP image', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['a BMP image', (b) => ascii(b, 0, 2) === 'BM' && b.length > 14 && b[14] !== undefined && [12, 40, 52, 56, 108, 124].includes(b[14])],
];

const ARCHIVES: [string, readonly number[]][] = [
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a gzip archive', [0x1f, 0x8b]],
];

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// What an OLE compound file is depends on the program that wrote it; the extension is the only cheap clue.
const OLE_NAMES: Record<string, string> = {
  doc: 'a legacy Word .doc (Word 97–2003 binary format)',
  wps: 'a WPS .wps document (binary format)',
  xls: 'a legacy Excel .xls workbook',
  et: 'a WPS spreadsheet (.et)',
  ppt: 'a legacy PowerPoint .ppt',
};

const OPEN_DOCUMENT: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'an OpenDocument text (.odt)',
  'application/vnd.oasis.opendocument.spreadsheet': 'an OpenDocument spreadsheet (.ods)',
  'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation (.odp)',
  'application/epub+zip': 'an EPUB e-book',
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function detectZip(bytes: Uint8Array): Detected {
  const names: string[] = [];
  let mimetype = '';
  try {
    // The filter lists every entry but inflates only `mimetype`: a large .docx is not unpacked twice.
    const files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return file.name === 'mimetype';
      },
    });
    if (files['mimetype']) mimetype = new TextDecoder().decode(files['mimetype']).trim();
  } catch {
    return refuse('a damaged ZIP archive (it could not be opened)', 'if it is a .docx, open it in Word and save it again, or give a PDF or the text.');
  }
  const has = (name: string) => names.includes(name);
  if (has('word/document.xml')) return { ok: true, format: 'docx' };
  if (OPEN_DOCUMENT[mimetype]) {
    const hint = mimetype.endsWith('.text') ? 'save it as .docx (Word 2007+) or export a PDF, or give the text.' : GIVE_INSTEAD;
    return refuse(OPEN_DOCUMENT[mimetype]!, hint);
  }
  if (has('OFD.xml')) return refuse('an OFD document (GB/T 33190)', 'OFD cannot be read here; give the .docx, a PDF with a text layer, or the text.');
  if (has('xl/workbook.xml')) return refuse('an Excel workbook (.xlsx)', 'a plan is read from a document, not a spreadsheet; ' + GIVE_INSTEAD);
  if (has('ppt/presentation.xml')) return refuse('a PowerPoint presentation (.pptx)', GIVE_INSTEAD);
  return refuse('a ZIP archive that holds no Word document', 'unpack it and give the .docx, PDF, HTML or text file itself.');
}

// A PDF header may follow up to 1024 bytes of junk (PDF 32000-1, annex H); readers accept that, and so do we.
function isPdf(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-');
}

// HTML is sniffed from the first bytes, read as Latin-1 (or UTF-16 after its BOM), past whitespace and comments.
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head);
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head);
  else text = new TextDecoder('latin1').decode(head).replace(/^\u00ef\u00bb\u00bf/u, '');
  return /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/iu.test(text);
}

/**
 * Detects the format of a file from its bytes, then its name.
 * @example detectFormat(new TextEncoder().encode('%PDF-1.7'), 'x.pdf') // { ok: true, format: 'pdf' }
 */
export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  const ext = extensionOf(fileName);
  if (isPdf(bytes)) return { ok: true, format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return detectZip(bytes);
  if (startsWith(bytes, OLE)) {
    return refuse(
      OLE_NAMES[ext] ?? 'an OLE compound file (a legacy Word .doc, WPS .wps or Excel .xls)',
      'open it in Word or WPS and save it as .docx, or export a PDF, or give the text.',
    );
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') return refuse('an RTF document', 'open it in Word or WPS and save it as .docx, or give the text.');
  for (const [name, test] of IMAGES) if (test(bytes)) return refuse(name, SCAN);
  for (const [name, magic] of ARCHIVES) if (startsWith(bytes, magic)) return refuse(name, 'unpack it and give the .docx, PDF, HTML or text file itself.');
  if (/^MIME-Version:/imu.test(ascii(bytes, 0, 512)) || ext === 'mht' || ext === 'mhtml') {
    return refuse('a single-file web page (MHTML)', 'save it from Word as "Web Page, Filtered" (.htm), or give the .docx or the text.');
  }
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksLikeHtml(bytes)) return { ok: true, format: 'html' };
  // The extension promises a format whose magic bytes are missing: the file is damaged or misnamed.
  if (['pdf', 'docx', 'doc', 'wps', 'odt', 'ofd', 'xlsx', 'xls'].includes(ext)) {
    return refuse(`named .${ext} but does not hold what a .${ext} file starts with (damaged, or misnamed)`, GIVE_INSTEAD);
  }
  return { ok: true, format: 'text' };
}
