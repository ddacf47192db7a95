// A small zip writer for the source archive (scripts/package.mjs), on Node's zlib alone.
//
// The same entries give the same bytes: entries are written in the order given, every one with
// the one time given and a mode of 644 or 755, and no field depends on the machine, the clock or
// the user. Deflate is zlib's, at level 9, so one Node version gives one output. Only what a
// source archive needs: files (no directory entries: every unzip creates the folders), names in
// UTF-8, and no Zip64 (fewer than 65 535 entries, each and all under 4 GiB).
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (ISO 3309, the one zip and gzip use) of `bytes`. */
export function crc32(bytes) {
  let crc = -1;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** MS-DOS date and time (2-second steps, no time zone), read as UTC. */
function dosDateTime(date) {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20; // 2.0: deflate

/**
 * The zip of `entries` ({ name, data, executable }), in their order, each dated `mtime`.
 * @param {{ name: string, data: Uint8Array, executable?: boolean }[]} entries
 * @param {Date} mtime
 * @returns {Buffer}
 */
export function zip(entries, mtime) {
  if (entries.length >= 0xffff) throw new Error(`zip: ${entries.length} entries need Zip64`);
  const { time, date } = dosDateTime(mtime);
  const local = [];
  const central = [];
  let offset = 0;
  for (const { name, data, executable } of entries) {
    if (name === '' || name.startsWith('/') || name.endsWith('/') || name.split('/').includes('..')) {
      throw new Error(`zip: ${JSON.stringify(name)} is not a relative file name`);
    }
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? Buffer.from(data) : deflated;
    const crc = crc32(data);
    if (data.length > 0xfffffffe || offset + body.length > 0xfffffffe) throw new Error(`zip: ${name} needs Zip64`);

    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(stored ? 0 : 8, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    local.push(header, nameBytes, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    header.copy(entry, 8, 6, 28); // flags, method, time, date, CRC, sizes, name length
    // 30–36: extra and comment lengths, disk number, internal attributes: all 0
    entry.writeUInt32LE(((executable ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);

    offset += header.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
