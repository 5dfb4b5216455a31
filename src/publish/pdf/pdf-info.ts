/**
 * What poppler's pdfinfo (poppler-utils, installed by scripts/ensure-system-packages.sh) says about a PDF:
 * its metadata and page count, and the page of each named destination. Typst writes a named destination for
 * every label (item-3 …), Chromium one for every element an internal link points at, named by its id.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Parses `pdfinfo` output into its fields.
 * @example parseInfo('Title:    工作要点\nPages:    26') // Map { 'Title' => '工作要点', 'Pages' => '26' }
 */
export function parseInfo(pdfinfoOutput: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of pdfinfoOutput.split('\n')) {
    const match = /^([A-Za-z ]+):\s*(.*)$/u.exec(line);
    if (match) fields.set(match[1]!, match[2]!.trim());
  }
  return fields;
}

/**
 * Parses `pdfinfo -dests` output into id → page number (1-based).
 * @example parseDestinations('   5 [ XYZ    0  842 null      ] "item-3"') // Map { 'item-3' => 5 }
 */
export function parseDestinations(pdfinfoOutput: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const line of pdfinfoOutput.split('\n')) {
    const match = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/u.exec(line);
    if (match) pages.set(match[2]!, Number(match[1]));
  }
  return pages;
}

/** The metadata fields of the PDF file at `path` (Title, Pages, Page size, Tagged …). */
export async function pdfInfo(path: string): Promise<Map<string, string>> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', path]);
  return parseInfo(stdout);
}

/** The page of every named destination in the PDF file at `path`. */
export async function pdfDestinations(path: string): Promise<Map<string, number>> {
  const { stdout } = await run('pdfinfo', ['-dests', path], { maxBuffer: 16 * 1024 * 1024 });
  return parseDestinations(stdout);
}
