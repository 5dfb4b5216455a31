/**
 * src/styles/preflight.css is Tailwind's preflight less the rules for elements this site never renders. That holds
 * only while no page renders them: this checks every built page, and the elements the search UI builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/dist.ts';
import { htmlFiles, loadDocument } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';

/** The elements whose preflight rules were dropped (see the head of src/styles/preflight.css). */
const DROPPED = [
  'hr',
  'abbr[title]',
  'small',
  'sub',
  'progress',
  // The printed QR code (PrintQr) is an <img> whose size print.css sets, which max-width: 100% / height: auto could not change.
  'img:not(.print-qr-code)',
  'video',
  'textarea',
  'optgroup',
  'input[list]',
  ...['file', 'date', 'time', 'datetime-local', 'month', 'week', 'number'].map((t) => `input[type="${t}"]`),
];

describe('our copy of Tailwind’s preflight', () => {
  it('drops only rules for elements no built page contains', () => {
    const found: string[] = [];
    for (const rel of nonEmpty(htmlFiles(DIST), 'built pages')) {
      const doc = loadDocument(join(DIST, rel));
      for (const selector of DROPPED) if (doc.querySelector(selector)) found.push(`${rel}: ${selector}`);
    }
    expect(found).toEqual([]);
  });

  it('drops only rules for elements the search UI never builds', () => {
    const dir = 'src/client';
    const created = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\b(?:h|createElement)\('([a-z0-9]+)'/gu)].map((m) => m[1]!));
    const tags = new Set(DROPPED.map((s) => s.replace(/\[.*$/u, '')));
    expect(nonEmpty(created, 'elements the search UI builds').filter((t) => tags.has(t))).toEqual([]);
  });
});
