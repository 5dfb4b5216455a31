/**
 * The plan's own signature: many plans issued without a covering notice end, after the last item or the closing,
 * with the issuer's name and the date (青山市教育局 / 2022年3月10日). It is recognised only where it cannot be
 * anything else — at the very end of the body, 1–3 short lines that each name a body, then a date, below a
 * paragraph that is complete — and otherwise left to the body reader, which refuses or warns as before.
 */
import { lookOf } from './classify.ts';
import { endsSentence } from './normalize.ts';
import { chineseDateToIso, isDate } from './notice.ts';
import type { Signature } from './schema.ts';
import type { SourceLine } from './source.ts';
import { parenUnits } from './unit-lines.ts';
import { BODY_NAME, NOTE } from './vocabulary.ts';

const MAX_SIGNATORY_LINES = 3;

/** True when a line reads as one or more signing bodies, spaced apart on one line. */
export function isSignatoryLine(p: SourceLine): boolean {
  if (p.table || lookOf(p.text).kind !== 'text') return false;
  const names = p.text.trim().split(/[\s\u3000]+/u);
  return names.length <= 4 && names.every((n) => BODY_NAME.test(n));
}

// The paragraph above a signature must be complete: a sentence, a 责任单位 in brackets, or a 责任单位 line.
function endsBody(p: SourceLine): boolean {
  if (p.table) return false;
  const look = lookOf(p.text);
  if (look.kind === 'label') return look.field === 'units' && look.rest !== '';
  return endsSentence(p.text) || parenUnits(p.text) !== undefined;
}

/** The body less its signature, and the signature when its last paragraphs are one. */
export function splitSignature(body: readonly SourceLine[]): { body: readonly SourceLine[]; signature?: Signature } {
  let end = body.length;
  // 附注 in brackets below the date, as a notice has them.
  while (end > 0 && NOTE.test(body[end - 1]!.text) && !parenUnits(body[end - 1]!.text)) end--;
  const dateLine = body[end - 1];
  if (!dateLine || dateLine.table || !isDate(dateLine.text)) return { body };
  const isoDate = chineseDateToIso(dateLine.text);
  if (!isoDate) return { body };
  let start = end - 1;
  while (start > 0 && end - 1 - start < MAX_SIGNATORY_LINES + 1 && isSignatoryLine(body[start - 1]!)) start--;
  const count = end - 1 - start;
  // More lines of names than a signature has, or nothing complete above them: the lines may be text.
  if (count === 0 || count > MAX_SIGNATORY_LINES || start === 0 || !endsBody(body[start - 1]!)) return { body };
  const notes = body.slice(end).map((p) => p.text);
  return {
    body: body.slice(0, start),
    signature: { signatories: body.slice(start, end - 1).map((p) => p.text), date: dateLine.text, isoDate, ...(notes.length ? { notes } : {}) },
  };
}

/**
 * A signature read forward from `start`, as a 公文 prints it below its 附件说明 (GB/T 9704 7.3.5): 1–3 lines of
 * names, the date, any 附注; undefined unless the paragraphs from `start` are exactly that up to `end`, or up to
 * a paragraph `ends` accepts (an 附件 mark).
 */
export function signatureFrom(ps: readonly SourceLine[], start: number, end: number, ends: (p: SourceLine) => boolean): { signature: Signature; next: number } | undefined {
  let i = start;
  while (i < end && i - start <= MAX_SIGNATORY_LINES && isSignatoryLine(ps[i]!)) i++;
  const count = i - start;
  if (count === 0 || count > MAX_SIGNATORY_LINES || i >= end) return undefined;
  const dateLine = ps[i]!;
  const isoDate = !dateLine.table && isDate(dateLine.text) ? chineseDateToIso(dateLine.text) : undefined;
  if (!isoDate) return undefined;
  i++;
  const notes: string[] = [];
  while (i < end && !ps[i]!.table && NOTE.test(ps[i]!.text) && !parenUnits(ps[i]!.text)) notes.push(ps[i++]!.text);
  if (i < end && !ends(ps[i]!)) return undefined;
  const signatories = ps.slice(start, start + count).map((p) => p.text);
  return { signature: { signatories, date: dateLine.text, isoDate, ...(notes.length ? { notes } : {}), belowAttachmentNote: true }, next: i };
}
