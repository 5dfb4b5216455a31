/**
 * Reading QR codes back in tests: a PNG (a screenshot, a page of a PDF rendered by pdftoppm) decoded with pngjs
 * and jsQR, as a phone's camera would read the printed code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG image, or undefined when it holds none that can be read. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  // Printed codes are dark on white: the inverted pass (light on dark) would only double the time.
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
}

/** What each page of a PDF holds as a QR code (undefined for none), rendered at `dpi` by pdftoppm. */
export function pdfQrCodes(path: string, options: { dpi?: number; first?: number; last?: number } = {}): (string | undefined)[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-qr-'));
  const range = [...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])];
  execFileSync('pdftoppm', ['-r', String(options.dpi ?? 150), ...range, '-png', path, join(dir, 'page')]);
  return readdirSync(dir)
    .sort()
    .map((f) => decodeQr(readFileSync(join(dir, f))));
}
