/**
 * A .docx whose paragraphs keep the page-break cuts of the PDF it was pasted from: joined as the text form is
 * (a paragraph of the plan never stops mid-sentence), and each join reported, located, as a warning.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/plan/parse-plan.ts';
import { readSource } from '../../src/read/read-source.ts';
import { SEED_LINES } from '../support/read-fixtures.ts';

describe('a .docx with the seed’s page-break cuts as paragraphs', () => {
  it('joins each cut inside an item, as the text form does, and says so at each', async () => {
    const doc = new Document({ sections: [{ children: SEED_LINES.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const read = await readSource(new Uint8Array(await Packer.toBuffer(doc)), 'plan.docx');
    if (!read.ok) throw new Error(read.problems[0]!.message);
    const r = parseDocument(read.value);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const cut = SEED_LINES.findIndex((l) => l.startsWith('省委组织部对省属高校')) + 1;
    expect(cut).toBeGreaterThan(0);
    const warned = r.warnings.filter((w) => w.ruleId === 'paragraph-joined').map((w) => w.line);
    expect(warned).toContain(cut);
    // Every warned paragraph follows one that stops mid-sentence, and nothing else is warned.
    for (const line of warned) expect(SEED_LINES[line - 2]).not.toMatch(/[。！？；：]$/u);
    expect(r.value.items[2]!.fields[1]!.paragraphs.length).toBe(1);
  });
});
