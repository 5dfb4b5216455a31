/**
 * The part before the first section: the covering notice (optional), the plan title and 总体要求.
 */
import { endsSentence, toParagraphs, type SourceLine } from './normalize.ts';
import { toAsciiDigits } from './numerals.ts';
import { problem, type Problem } from './problem.ts';
import type { Notice } from './schema.ts';

/** What precedes the sections. */
export interface Preamble {
  notice?: Notice;
  title: string;
  requirements: string[];
}

const DATE = /^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日$/u;

/**
 * Reads a date as printed in Chinese documents.
 * @example chineseDateToIso('2020年3月6日') // '2020-03-06'
 */
export function chineseDateToIso(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map((s) => Number(toAsciiDigits(s)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!));
  // Reject dates such as 2月30日 that Date would roll over into the next month.
  if (date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parses the lines before the first section. A notice is recognised by its date line (2020年3月6日):
 * issuer, notice title, addressees (ending in ：), body, signatories, date. The plan title follows it.
 */
export function parseNotice(lines: SourceLine[], problems: Problem[]): Preamble | undefined {
  if (lines.length === 0) {
    problems.push(problem(1, 1, 'missing-title', 'The plan has no title before its first section. Put the plan title on the first line.'));
    return undefined;
  }
  const dateIndex = lines.findIndex((l) => DATE.test(l.text));
  if (dateIndex === -1) {
    const noticeLine = lines.find((l) => l.text.includes('通知'));
    if (noticeLine && lines.length > 2) {
      problems.push(
        problem(noticeLine.line, noticeLine.column, 'notice-date', 'The notice has no date line. Its last line should be the date, written like 2020年3月6日.'),
      );
      return undefined;
    }
    return { title: lines[0]!.text, requirements: toParagraphs(lines.slice(1).map((l) => l.text)) };
  }

  const head = lines.slice(0, dateIndex);
  const dateLine = lines[dateIndex]!;
  const isoDate = chineseDateToIso(dateLine.text);
  if (!isoDate) {
    problems.push(problem(dateLine.line, dateLine.column, 'notice-date', `“${dateLine.text}” is not a valid date. Write it like 2020年3月6日.`));
  }
  // Signatories: the lines just above the date that do not end a sentence (the body's last line does).
  let bodyEnd = head.length;
  while (bodyEnd > 3 && !endsSentence(head[bodyEnd - 1]!.text)) bodyEnd--;
  const issuer = head[0];
  const title = head[1];
  const addressees = head[2];
  const body = head.slice(3, bodyEnd);
  const signatories = head.slice(bodyEnd);
  const at = issuer ?? dateLine;
  if (!issuer || !title || !addressees || body.length === 0 || signatories.length === 0) {
    problems.push(
      problem(
        at.line,
        at.column,
        'notice-structure',
        'The notice before the plan must have, line by line: issuing body, notice title, addressees ending in ：, body text, signatories, date.',
      ),
    );
    return undefined;
  }
  if (!/[：:]$/u.test(addressees.text)) {
    problems.push(
      problem(addressees.line, addressees.column, 'notice-addressees', `The addressees line should end with ：, but reads “${addressees.text}”. Check the notice's third line.`),
    );
  }
  const after = lines.slice(dateIndex + 1);
  if (after.length === 0) {
    problems.push(problem(dateLine.line, dateLine.column, 'missing-title', 'The plan title is missing after the notice. Put it on the line after the date.'));
    return undefined;
  }
  return {
    notice: {
      issuer: issuer.text,
      title: title.text,
      addressees: addressees.text,
      body: toParagraphs(body.map((l) => l.text)),
      signatories: signatories.map((l) => l.text),
      date: dateLine.text,
      isoDate: isoDate ?? '0000-01-01',
    },
    title: after[0]!.text,
    requirements: toParagraphs(after.slice(1).map((l) => l.text)),
  };
}
