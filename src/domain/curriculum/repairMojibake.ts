/**
 * Undoes the damage done when a UTF-8 file is read as Mac Roman ("—" shows up
 * as "‚Äî", "🚀" as "üöÄ"): each run of characters that maps back to Mac Roman
 * bytes forming a valid UTF-8 sequence is replaced by the character those
 * bytes encode. Everything else, including genuine accented letters and
 * punctuation, is left as it is.
 */

/** Mac Roman bytes 0x80–0xFF, in order (Apple's table, with € at 0xDB). */
const MAC_ROMAN_HIGH_HALF =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü" + // 0x80–0x9F
  "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" + // 0xA0–0xBF
  "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ" + // 0xC0–0xDF
  "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"; // 0xE0–0xFF

/**
 * Characters some decoders use instead of Apple's choice for the same byte
 * (the pre-1998 currency sign, and the Greek letters behind Ω, µ and ∆).
 */
const MAC_ROMAN_ALTERNATES: ReadonlyArray<readonly [string, number]> = [
  ["\u00A4", 0xdb],
  ["\u2126", 0xbd],
  ["\u03BC", 0xb5],
  ["\u0394", 0xc6],
];

const byteByCharCode: ReadonlyMap<number, number> = buildReverseTable();

function buildReverseTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (let index = 0; index < MAC_ROMAN_HIGH_HALF.length; index++) {
    table.set(MAC_ROMAN_HIGH_HALF.charCodeAt(index), 0x80 + index);
  }
  for (const [char, byte] of MAC_ROMAN_ALTERNATES) {
    table.set(char.charCodeAt(0), byte);
  }
  return table;
}

/**
 * Highest lead byte accepted for a two-byte sequence. C2–C5 cover U+0080–U+017F
 * (Latin-1 and Latin Extended-A, i.e. "√©" → "é"); their Mac Roman forms
 * (¬ √ ƒ ≈) almost never precede a letter in real text. Higher lead bytes are
 * ordinary punctuation (« — “ ’ …) that genuinely precede accented letters
 * ("«Élysée»", "—émigré"), so those pairs are left alone.
 */
const HIGHEST_TWO_BYTE_LEAD = 0xc5;

function isContinuation(byte: number | undefined): byte is number {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= HIGHEST_TWO_BYTE_LEAD) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF. */
function secondByteAllowed(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second < 0xa0;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second < 0x90;
  return true;
}

function decodeSequence(bytes: readonly number[]): number {
  const [lead = 0, ...rest] = bytes;
  const leadBits = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  return rest.reduce((codePoint, byte) => (codePoint << 6) | (byte & 0x3f), leadBits);
}

export function repairMojibake(text: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const lead = byteByCharCode.get(text.charCodeAt(index));
    if (lead === undefined) continue;
    const length = sequenceLength(lead);
    if (length === 0 || index + length > text.length) continue;

    const bytes = [lead];
    for (let offset = 1; offset < length; offset++) {
      const byte = byteByCharCode.get(text.charCodeAt(index + offset));
      if (!isContinuation(byte)) break;
      bytes.push(byte);
    }
    const second = bytes[1];
    if (bytes.length !== length || second === undefined || !secondByteAllowed(lead, second)) continue;

    parts.push(text.slice(copiedUpTo, index), String.fromCodePoint(decodeSequence(bytes)));
    index += length - 1;
    copiedUpTo = index + 1;
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}
