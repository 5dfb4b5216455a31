/**
 * A zip assembled from entries deflated beforehand, so the archive's zip can take the deflated entries of the plans
 * that did not change from the cache instead of deflating its ~100 MiB again (offline-bundle.ts).
 *
 * Node's zlib deflates, on its thread pool (fflate's deflate is JavaScript on the build's own thread, about three
 * times slower, at the same time as the other steps want that thread). fflate has no way to add an entry that is
 * already deflated: its streaming `Zip` writes data descriptors. What is written here is the layout fflate's `zip()`
 * writes for entries with ASCII names, no extra fields and no comments (local header and data per entry, the
 * central directory, its end record): tests/unit/zip-entries.test.ts gives it fflate's own deflated entries and
 * compares the two zips byte for byte, and unzips ours.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/** One member of the zip, deflated. */
export interface DeflatedEntry {
  /** Its path inside the zip (ASCII, / between folders). */
  name: string;
  /** CRC-32 of its bytes before deflating. */
  crc: number;
  /** Its size before deflating. */
  size: number;
  /** Its bytes deflated (raw DEFLATE). */
  data: Uint8Array;
}

/** Deflates one entry at `level` (raw DEFLATE, as a zip holds it). */
export async function deflateEntry(name: string, bytes: Uint8Array, level: 9): Promise<DeflatedEntry> {
  return { name, crc: crc32(bytes), size: bytes.length, data: new Uint8Array(await deflate(bytes, { level })) };
}

/** MS-DOS date and time of `mtime` in local time, as fflate writes it. */
function dosTime(mtime: Date): number {
  const y = mtime.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error(`zip: ${mtime.toISOString()} is outside the years a zip can date.`);
  return ((y << 25) | ((mtime.getMonth() + 1) << 21) | (mtime.getDate() << 16) | (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1)) >>> 0;
}

/**
 * The fields a local header and its central directory record share, in the same order (at offset 6 of the one and
 * 8 of the other): version needed 2.0 is written by the caller; no flags, deflate, time, CRC, sizes, name length.
 */
function writeShared(out: Buffer, at: number, e: DeflatedEntry, time: number, nameLength: number): void {
  out.writeUInt16LE(0, at);
  out.writeUInt16LE(8, at + 2);
  out.writeUInt32LE(time, at + 4);
  out.writeUInt32LE(e.crc, at + 8);
  out.writeUInt32LE(e.data.length, at + 12);
  out.writeUInt32LE(e.size, at + 16);
  out.writeUInt16LE(nameLength, at + 20);
}

/** The zip of `entries`, in their order, every one dated `mtime`. */
export function zipOf(entries: readonly DeflatedEntry[], mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  const names = entries.map((e) => {
    if (!/^[\x20-\x7e]+$/u.test(e.name)) throw new Error(`zip: “${e.name}” is not an ASCII name.`);
    return Buffer.from(e.name, 'latin1');
  });
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  let at = 0;
  let central = localSize;
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    // Local header: signature, version 2.0, then the fields both headers share, no extra field.
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    writeShared(out, at + 6, e, time, name.length);
    out.writeUInt16LE(0, at + 28);
    name.copy(out, at + 30);
    out.set(e.data, at + 30 + name.length);
    // Central directory record: made by version 2.0 on MS-DOS, the shared fields, the local header's offset.
    out.writeUInt32LE(0x02014b50, central);
    out.writeUInt16LE(20, central + 4);
    out.writeUInt16LE(20, central + 6);
    writeShared(out, central + 8, e, time, name.length);
    out.writeUInt32LE(at, central + 42);
    name.copy(out, central + 46);
    central += 46 + name.length;
    at += 30 + name.length + e.data.length;
  }
  // End of central directory: entry counts, its size and offset.
  out.writeUInt32LE(0x06054b50, central);
  out.writeUInt16LE(entries.length, central + 8);
  out.writeUInt16LE(entries.length, central + 10);
  out.writeUInt32LE(centralSize, central + 12);
  out.writeUInt32LE(localSize, central + 16);
  return out;
}

/**
 * Entries as one blob for the cache: a JSON list of names, CRCs and sizes, then the deflated bytes one after another.
 * @example unpackEntries(packEntries([])) // []
 */
export function packEntries(entries: readonly DeflatedEntry[]): Uint8Array {
  const head = Buffer.from(JSON.stringify(entries.map((e) => [e.name, e.crc, e.size, e.data.length])), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  return Buffer.concat([length, head, ...entries.map((e) => e.data)]);
}

/** The entries packEntries packed. */
export function unpackEntries(blob: Uint8Array): DeflatedEntry[] {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const headLength = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + headLength).toString('utf8')) as [string, number, number, number][];
  let at = 4 + headLength;
  return head.map(([name, crc, size, length]) => {
    const data = buf.subarray(at, at + length);
    at += length;
    return { name, crc, size, data };
  });
}
