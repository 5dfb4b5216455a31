import { describe, expect, it } from 'vitest';
import { parseDestinations, parseInfo } from '../../src/publish/pdf/pdf-info.ts';

describe('reading pdfinfo output', () => {
  it('reads metadata fields, keeping colons and spaces inside values', () => {
    const info = parseInfo('Title:           湖南省教育厅 2020 年工作要点\nPages:           25\nPage size:       595.92 x 842.88 pts (A4)\nCreationDate:    Sat Nov 28 22:55:07 2026 UTC\n');
    expect(info.get('Title')).toBe('湖南省教育厅 2020 年工作要点');
    expect(info.get('Pages')).toBe('25');
    expect(info.get('Page size')).toBe('595.92 x 842.88 pts (A4)');
    expect(info.get('CreationDate')).toBe('Sat Nov 28 22:55:07 2026 UTC');
  });

  it('maps each named destination to its page and skips the header', () => {
    const dests = parseDestinations(
      'Page  Destination                 Name\n   1 [ XYZ    0  842 null      ] "main"\n  12 [ XYZ    0  813 null      ] "item-3"\n',
    );
    expect([...dests]).toEqual([
      ['main', 1],
      ['item-3', 12],
    ]);
  });
});
