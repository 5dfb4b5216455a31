/**
 * Encodings a government plan file arrives in: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../src/plan/decode.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_FILE } from '../support/seed.ts';

const seed = readFileSync(SEED_FILE, 'utf8');

function decodeAndParse(bytes: Uint8Array) {
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.problems[0]!.message);
  const plan = parsePlan(decoded.value.text);
  if (!plan.ok) throw new Error(plan.problems[0]!.message);
  return { encoding: decoded.value.encoding, plan: plan.value };
}

const reference = decodeAndParse(Buffer.from(seed, 'utf8')).plan;

describe('decodePlanBytes', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from(seed, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seed, 'utf16le').swap16()]), 'utf-16be'],
    ['GB18030', iconv.encode(seed, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(seed, 'gbk'), 'gb18030'],
    ['UTF-8 with CRLF line endings', Buffer.from(seed.replaceAll('\n', '\r\n'), 'utf8'), 'utf-8'],
  ])('reads the plan from %s to the same Plan', (_name, bytes, encoding) => {
    const { encoding: detected, plan } = decodeAndParse(bytes);
    expect(detected).toBe(encoding);
    expect(plan).toEqual(reference);
  });

  it('rejects a binary file with a located binary-file problem', () => {
    const result = decodePlanBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0x01, 0x02]));
    expect(result).toMatchObject({ ok: false, problems: [{ ruleId: 'binary-file', line: 2, column: 1 }] });
  });

  it('rejects UTF-16 without a BOM (it holds NUL bytes) rather than guessing', () => {
    const bytes = Buffer.from('一、总则', 'utf16le');
    const result = decodePlanBytes(bytes);
    // Refused for the cause that is true of these bytes — a NUL, at line 1, column 1 (一 is 00 4E in UTF-16LE) —
    // and not, say, as invalid UTF-8 or read as GB18030 mojibake.
    expect(bytes[0]).toBe(0x00);
    expect(result).toMatchObject({ ok: false, problems: [{ ruleId: 'binary-file', line: 1, column: 1 }] });
    expect(!result.ok && result.problems).toHaveLength(1);
  });
});
