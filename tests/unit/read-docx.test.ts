/**
 * .docx → SourceLines, from a document written by the `docx` package from the seed: paragraphs, a table, and
 * Word's automatic numbering (sections 一、 in chineseCounting "%1、", items in decimal "%1.") put back as printed.
 */
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/read/docx-numbering.ts';
import { readSource } from '../../src/read/read-source.ts';
import { SEED_LINES } from '../support/read-fixtures.ts';

const SECTION = /^[一二三四五六七八九十]+、/u;
const ITEM = /^\d+\./u;
const TABLE = [['序号', '任务', '责任单位'], ['1', '编制规划', '规划处'], ['2', '完善经费保障', '财建处']];

function level(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) {
  return { levels: [{ level: 0, format, text, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING }] };
}

/** One paragraph per seed line; section headings and items numbered by Word, their typed numbers removed. */
async function seedDocx(): Promise<Uint8Array> {
  const paragraphs = SEED_LINES.map((line) => {
    if (SECTION.test(line)) return new Paragraph({ children: [new TextRun(line.replace(SECTION, ''))], numbering: { reference: 'sections', level: 0 } });
    if (ITEM.test(line)) return new Paragraph({ children: [new TextRun(line.replace(ITEM, ''))], numbering: { reference: 'items', level: 0 } });
    return new Paragraph({ children: [new TextRun(line)] });
  });
  const table = new Table({ rows: TABLE.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'sections', ...level(LevelFormat.CHINESE_COUNTING, '%1、') },
        { reference: 'items', ...level(LevelFormat.DECIMAL, '%1.') },
      ],
    },
    sections: [{ children: [...paragraphs, table, new Paragraph({ children: [new TextRun('表后一行'), new TextRun({ text: '换行之后', break: 1 })] })] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it("gives back the seed's lines exactly, with Word's list numbers as printed, then the table as rows", async () => {
    const bytes = await seedDocx();
    const result = await readSource(bytes, 'plan.docx');
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const { lines, format } = result.value;
    expect(format).toBe('docx');
    // Guard on the fixture: numbering really is Word's, not typed text.
    expect(SEED_LINES.filter((l) => SECTION.test(l)).length).toBeGreaterThan(5);
    expect(lines.slice(0, SEED_LINES.length).map((l) => l.text)).toEqual(SEED_LINES);
    const table = lines[SEED_LINES.length]!;
    expect(table.table).toEqual(TABLE);
    expect(table.text).toBe(TABLE.flat().join(''));
    // A <br> inside a paragraph splits it into two paragraph starts.
    expect(lines.slice(SEED_LINES.length + 1).map((l) => l.text)).toEqual(['表后一行', '换行之后']);
    expect(lines.every((l, i) => l.para === 'start' && l.line === i + 1 && l.column === 1)).toBe(true);
  });

  it("renders Word's number formats", () => {
    expect([1, 10, 11, 20, 21, 100, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(12, 'decimal')).toBe('12');
  });
});
