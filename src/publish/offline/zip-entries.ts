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
import { open } from 'node:fs/promises';
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

/**
 * The zip of `entries`, in their order, every one dated `mtime`, as the pieces of its bytes: each entry's local
 * header and its data, then the central directory with its end record. Written one after another they are the zip
 * (writeZipFile); pieces rather than one buffer because the archive's zip is ~50 MB of deflated entries already in
 * memory (read from the cache), which one buffer would hold a second time, copied.
 */
export function zipParts(entries: readonly DeflatedEntry[], mtime: Date): Uint8Array[] {
  const time = dosTime(mtime);
  const names = entries.map((e) => {
    if (!/^[\x20-\x7e]+$/u.test(e.name)) throw new Error(`zip: “${e.name}” is not an ASCII name.`);
    return Buffer.from(e.name, 'latin1');
  });
  const headersSize = names.reduce((n, name) => n + 30 + name.length, 0);
  const localSize = headersSize + entries.reduce((n, e) => n + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  // Every byte of a local header is written below, so the headers' buffer need not be zeroed first; the central
  // directory's has fields left at zero (extra field and comment lengths, disk number, attributes).
  const headers = Buffer.allocUnsafe(headersSize);
  const central = Buffer.alloc(centralSize + 22);
  const parts: Uint8Array[] = [];
  let header = 0;
  let at = 0;
  let record = 0;
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    // Local header: signature, version 2.0, then the fields both headers share, no extra field.
    headers.writeUInt32LE(0x04034b50, header);
    headers.writeUInt16LE(20, header + 4);
    writeShared(headers, header + 6, e, time, name.length);
    headers.writeUInt16LE(0, header + 28);
    name.copy(headers, header + 30);
    parts.push(headers.subarray(header, header + 30 + name.length), e.data);
    // Central directory record: made by version 2.0 on MS-DOS, the shared fields, the local header's offset.
    central.writeUInt32LE(0x02014b50, record);
    central.writeUInt16LE(20, record + 4);
    central.writeUInt16LE(20, record + 6);
    writeShared(central, record + 8, e, time, name.length);
    central.writeUInt32LE(at, record + 42);
    name.copy(central, record + 46);
    header += 30 + name.length;
    record += 46 + name.length;
    at += 30 + name.length + e.data.length;
  }
  // End of central directory: entry counts, its size and offset.
  central.writeUInt32LE(0x06054b50, record);
  central.writeUInt16LE(entries.length, record + 8);
  central.writeUInt16LE(entries.length, record + 10);
  central.writeUInt32LE(centralSize, record + 12);
  central.writeUInt32LE(localSize, record + 16);
  parts.push(central);
  return parts;
}

/** The zip of `entries` as one buffer (see zipParts). */
export function zipOf(entries: readonly DeflatedEntry[], mtime: Date): Uint8Array {
  return Buffer.concat(zipParts(entries, mtime));
}

/** Pieces written in one call at most: the operating system takes a limited number (IOV_MAX, 1,024 on Linux). */
const PARTS_PER_WRITE = 1024;

/** Writes the zip of `entries` to `path` (its folder must exist), piece after piece (see zipParts). */
export async function writeZipFile(path: string, entries: readonly DeflatedEntry[], mtime: Date): Promise<void> {
  const parts = zipParts(entries, mtime);
  const file = await open(path, 'w');
  try {
    for (let i = 0; i < parts.length; i += PARTS_PER_WRITE) {
      const batch = parts.slice(i, i + PARTS_PER_WRITE);
      const { bytesWritten } = await file.writev(batch);
      // One call may write less than it was given (a regular file's seldom does); writeFile writes the rest whole.
      const total = batch.reduce((n, part) => n + part.length, 0);
      if (bytesWritten < total) await file.writeFile(Buffer.concat(batch).subarray(bytesWritten));
    }
  } finally {
    await file.close();
  }
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
