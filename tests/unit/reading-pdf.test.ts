/**
 * The reading PDF typeset by Typst from the Plan, without a site: a plan full of Typst, Markdown and HTML syntax
 * comes out as text, character for character (the template shows strings, never reads them as markup), in the
 * order of the official text, around the contents and the way back online that the PDF adds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingData } from '../../src/publish/pdf/reading-data.ts';
import { printPdf } from '../../src/publish/pdf/reading-pdf.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const SITE = 'https://plan.example.gov.cn';

function planOf(file: string, options = {}): Plan {
  const result = parsePlan(readFileSync(file, 'utf8'), options);
  if (!result.ok) throw new Error(`${file}: ${result.problems[0]!.message}`);
  return result.value;
}

/** The PDF's text page by page (in drawing order), whitespace and the “n / N” page numbers removed. */
async function typeset(plan: Plan): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'reading-')), 'plan.pdf');
  await printPdf({ plan, id: 'p', site: SITE, base: '/', outFile: file });
  const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return pages.map((p) => stripWhitespace(p).replace(new RegExp(`\\d+/${pages.length}$`, 'u'), ''));
}

describe('the reading PDF', () => {
  for (const [name, plan] of [
    ['a plan of hostile characters', planOf('tests/fixtures/hostile-characters/input.txt')],
    ['the seed', planOf(SEED_FILE, SEED_OPTIONS)],
  ] as const) {
    it(`${name}: the notice, then the plan from page 3, hold the official text exactly and in order`, async () => {
      const pages = await typeset(plan);
      expect(pages.length).toBeGreaterThan(3);
      const { qr } = readingData(plan, { song: '', hei: '' }, { root: `${SITE}/p/`, qrSvg: '' });
      // Page 1: the notice, then the QR code's caption and address (ours); page 2: the contents (ours).
      const [first, contents, ...rest] = pages as [string, string, ...string[]];
      const caption = stripWhitespace(`${qr.caption}${qr.url}`);
      expect(first.endsWith(caption)).toBe(true);
      expect(contents.startsWith('目录')).toBe(true);
      expect(first.slice(0, -caption.length) + rest.join('')).toBe(stripWhitespace(planToText(plan)));
    }, 60_000);
  }
});
