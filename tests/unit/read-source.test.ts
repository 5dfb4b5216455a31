/**
 * readSource's dispatch: formats we read, and formats we refuse with one located, named problem.
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/read/read-source.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(32).fill(0)]);

describe('readSource refuses formats it cannot read', () => {
  it.each([
    ['RTF', strToU8('{\\rtf1\\ansi 一、总则}'), 'plan.rtf', /RTF document/u],
    ['legacy Word .doc (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'plan.doc', /legacy Word \.doc/u],
    ['WPS .wps (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'plan.wps', /WPS \.wps/u],
    ['PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'scan.png', /PNG image.*scanned image has no text/u],
    ['JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0), 'scan.jpg', /JPEG image/u],
    ['ODT', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }), 'plan.odt', /OpenDocument text \(\.odt\).*\.docx/u],
    ['XLSX', zipSync({ 'xl/workbook.xml': strToU8('<x/>') }), 'plan.xlsx', /Excel workbook/u],
    ['OFD', zipSync({ 'OFD.xml': strToU8('<x/>') }), 'plan.ofd', /OFD document/u],
    ['other ZIP', zipSync({ 'a.txt': strToU8('x') }), 'plan.zip', /ZIP archive that holds no Word document/u],
  ])('%s → unsupported-format naming it', async (_, input, name, message) => {
    const result = await readSource(input, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 1, column: 1, ruleId: 'unsupported-format' });
    expect(result.problems[0]!.message).toMatch(message);
    // Never ask anyone to change the official text: the hint is always about the file.
    expect(result.problems[0]!.message).not.toMatch(/edit|rewrite|retype|change the text/iu);
  });

  it('a file named .pdf that is not a PDF is refused as misnamed', async () => {
    const result = await readSource(strToU8('一、总则'), 'plan.pdf');
    expect(result.ok || result.problems[0]!.message).toMatch(/named \.pdf/u);
  });

  it('keeps decode.ts problems for binary text files', async () => {
    const result = await readSource(new Uint8Array([0x41, 0x00, 0x42]), 'plan.txt');
    expect(result.ok ? '' : result.problems[0]!.ruleId).toBe('binary-file');
  });
});

describe('readSource dispatches by magic bytes before the extension', () => {
  it('reads HTML named .txt as HTML', async () => {
    const result = await readSource(strToU8('<!DOCTYPE html><p>一、总则</p>'), 'plan.txt');
    expect(result.ok && result.value.format).toBe('html');
  });
  it('reads text with any other name as text, with its encoding', async () => {
    const result = await readSource(strToU8('一、总则\n'), 'plan');
    expect(result.ok && [result.value.format, result.value.encoding]).toEqual(['text', 'utf-8']);
  });
});
