import { inflateSync } from "node:zlib";

/** "wOFF": a WOFF 1.0 file (the W3C format: an SFNT font whose tables are each zlib-compressed). */
const woffSignature = 0x774f4646;
const woffHeaderBytes = 44;
const woffEntryBytes = 20;
const sfntHeaderBytes = 12;
const sfntEntryBytes = 16;

interface WoffTable {
  readonly tag: number;
  readonly offset: number;
  readonly compressedLength: number;
  readonly originalLength: number;
  readonly checksum: number;
}

/** A four-letter OpenType table tag ("SVG ", "glyf") as the 32-bit number the font files store. */
export function tableTag(name: string): number {
  if (name.length !== 4) throw new Error(`a table tag has four characters: "${name}"`);
  return name.split("").reduce((tag, character) => tag * 256 + character.charCodeAt(0), 0);
}

/**
 * The plain font (TrueType/OpenType, "SFNT") inside a WOFF 1.0 file, without
 * the tables in `dropTags`. Why: the canvas library maps a plain font file and
 * reads only the pages it needs, but decompresses a WOFF font whole into
 * memory and keeps it (tens of MB for the colour emoji). The tables keep the
 * WOFF's order (by tag, as both formats require) and their original checksums.
 */
export function woffToSfnt(woff: Buffer, dropTags: ReadonlySet<number> = new Set()): Buffer {
  if (woff.length < woffHeaderBytes || woff.readUInt32BE(0) !== woffSignature) throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const tables = readDirectory(woff).filter((table) => !dropTags.has(table.tag));
  const data = tables.map((table) => tableData(woff, table));

  const header = Buffer.alloc(sfntHeaderBytes + sfntEntryBytes * tables.length);
  writeOffsetTable(header, flavor, tables.length);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, index) => {
    const bytes = data[index] ?? Buffer.alloc(0);
    const entry = sfntHeaderBytes + sfntEntryBytes * index;
    header.writeUInt32BE(table.tag, entry);
    header.writeUInt32BE(table.checksum, entry + 4);
    header.writeUInt32BE(offset, entry + 8);
    header.writeUInt32BE(bytes.length, entry + 12);
    // Every table starts on a four-byte boundary.
    const padding = (4 - (bytes.length % 4)) % 4;
    parts.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
  });
  return Buffer.concat(parts);
}

function readDirectory(woff: Buffer): WoffTable[] {
  const count = woff.readUInt16BE(12);
  const tables: WoffTable[] = [];
  for (let index = 0; index < count; index++) {
    const entry = woffHeaderBytes + woffEntryBytes * index;
    tables.push({
      tag: woff.readUInt32BE(entry),
      offset: woff.readUInt32BE(entry + 4),
      compressedLength: woff.readUInt32BE(entry + 8),
      originalLength: woff.readUInt32BE(entry + 12),
      checksum: woff.readUInt32BE(entry + 16),
    });
  }
  return tables;
}

/** A table is stored compressed only when that made it smaller; otherwise as it is. */
function tableData(woff: Buffer, table: WoffTable): Buffer {
  const stored = woff.subarray(table.offset, table.offset + table.compressedLength);
  if (table.compressedLength >= table.originalLength) return stored;
  const inflated = inflateSync(stored);
  if (inflated.length !== table.originalLength) throw new Error("a WOFF table did not decompress to its stated length");
  return inflated;
}

/** The SFNT header's binary-search fields, from the table count (OpenType "Table Directory"). */
function writeOffsetTable(header: Buffer, flavor: number, count: number): void {
  const entrySelector = count === 0 ? 0 : Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * sfntEntryBytes;
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * sfntEntryBytes - searchRange, 10);
}
