import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { deflateSync, unzipSync, zip, type Zippable } from 'fflate';
import { deflateEntry, packEntries, unpackEntries, writeZipFile, zipOf } from '../../src/publish/offline/zip-entries.ts';

const mtime = new Date('2021-03-04T05:06:08');
const files: [string, Uint8Array][] = [
  ['a/index.html', new TextEncoder().encode('<!doctype html>\n<p>湖南省教育厅</p>'.repeat(40))],
  ['a/empty.txt', new Uint8Array()],
  // Larger than the others (fflate's zip() deflates such entries in a worker).
  ['a/_assets/big.js', new TextEncoder().encode(`x=${JSON.stringify(Array.from({ length: 30000 }, (_, i) => i))};`)],
  ['a/random.bin', randomBytes(5000)],
];

/** What the offline bundle wrote before: fflate's zip() at level 9. */
function fflateZip(): Promise<Uint8Array> {
  const input: Zippable = Object.fromEntries(files.map(([name, bytes]) => [name, [bytes, { mtime }]]));
  return new Promise((done, fail) => zip(input, { level: 9 }, (e, d) => (e ? fail(e) : done(d))));
}

describe('zipOf', () => {
  it('writes byte for byte the zip fflate’s zip() writes, given the entries fflate deflated', async () => {
    const entries = files.map(([name, bytes]) => ({ name, crc: crc32(bytes), size: bytes.length, data: deflateSync(bytes, { level: 9 }) }));
    expect(Buffer.from(zipOf(entries, mtime)).equals(Buffer.from(await fflateZip()))).toBe(true);
  });

  it('gives back every file when unzipped', async () => {
    const entries = await Promise.all(files.map(([name, bytes]) => deflateEntry(name, bytes, 9)));
    const out = unzipSync(zipOf(entries, mtime));
    expect(Object.keys(out)).toEqual(files.map(([name]) => name));
    for (const [name, bytes] of files) expect(Buffer.from(out[name]!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes to a file, piece by piece, the bytes it gives as one buffer, for more entries than one write takes', async () => {
    // 700 entries are 1,401 pieces (a header and the data of each, then the central directory): two writes.
    const many = await Promise.all(Array.from({ length: 700 }, (_, i) => deflateEntry(`a/${i}/index.html`, new TextEncoder().encode(`<p>第${i}项</p>`.repeat(1 + (i % 7))), 9)));
    const dir = mkdtempSync(join(tmpdir(), 'zip-parts-'));
    try {
      await writeZipFile(join(dir, 'a.zip'), many, mtime);
      const written = readFileSync(join(dir, 'a.zip'));
      expect(written.equals(Buffer.from(zipOf(many, mtime)))).toBe(true);
      const out = unzipSync(written);
      expect(Object.keys(out)).toHaveLength(700);
      expect(new TextDecoder().decode(out['a/699/index.html'])).toBe('<p>第699项</p>'.repeat(1 + (699 % 7)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a name that is not ASCII', async () => {
    expect(() => zipOf([{ name: '计划.html', crc: 0, size: 0, data: new Uint8Array() }], mtime)).toThrow(/not an ASCII name/u);
  });
});

describe('packEntries', () => {
  it('gives back the entries it packed', async () => {
    const entries = await Promise.all(files.map(([name, bytes]) => deflateEntry(name, bytes, 9)));
    const back = unpackEntries(packEntries(entries));
    expect(back.map((e) => [e.name, e.crc, e.size, Buffer.from(e.data).toString('hex')])).toEqual(entries.map((e) => [e.name, e.crc, e.size, Buffer.from(e.data).toString('hex')]));
  });
});
