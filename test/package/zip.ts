import { inflateRawSync } from 'node:zlib';

// Reads a zip (the store zips web-ext writes, the source archive scripts/zip.mjs writes) the way
// unzip does: from the central directory, checking every file's size and CRC-32. Written apart
// from scripts/zip.mjs, so that the writer is checked by a reader that is not its mirror; reading
// web-ext's zips (JSZip's, with their own CRCs) checks this reader in turn.

export interface ZipFile {
  data: Buffer;
  /** The time stored for the file (MS-DOS fields, read as UTC). */
  mtime: Date;
  /** Unix permission bits, when the zip was made on Unix. */
  mode: number | undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The files of a zip, by name, in the central directory's order (folders left out). */
export function readZip(zip: Buffer, label = 'zip'): Map<string, ZipFile> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${label}: no end of central directory`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error(`${label}: Zip64 is not read here`);

  const files = new Map<string, ZipFile>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${label}: central directory entry ${i} is broken`);
    const madeBy = zip.readUInt16LE(at + 4) >> 8;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const external = zip.readUInt32LE(at + 38);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;

    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`${label}: ${name}: no local header`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const body = zip.subarray(start, start + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`${label}: ${name}: compression method ${method} is not read here`);
    if (data.length !== size) throw new Error(`${label}: ${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${label}: ${name}: CRC-32 does not match`);
    if (files.has(name)) throw new Error(`${label}: ${name} is there twice`);

    const mtime = new Date(Date.UTC((date >> 9) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2));
    files.set(name, { data, mtime, mode: madeBy === 3 ? (external >>> 16) & 0o7777 : undefined });
  }
  return files;
}
