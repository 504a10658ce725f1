/**
 * Undoes the damage done when a UTF-8 file is read as Mac Roman ("—" shows up
 * as "‚Äî", "🚀" as "üöÄ"): each run of characters that maps back to Mac Roman
 * bytes forming a valid UTF-8 sequence is replaced by the character those
 * bytes encode. Everything else, including genuine accented letters and
 * punctuation, is left as it is.
 *
 * Only text that is clearly damaged is repaired: it must hold at least one
 * run no correct text would contain, a three- or four-byte sequence ("‚Äî")
 * or a two-byte pair inside a word ("caf√©", "√úber"). A pair standing on its
 * own is ambiguous ("√π" is also "ù" misread), and so is a maths pair starting
 * a word ("√πr"): those are repaired only alongside such a run.
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

interface Repair {
  readonly index: number;
  readonly length: number;
  readonly character: string;
}

/** The valid UTF-8 sequence whose Mac Roman reading starts at index, if any. */
function repairAt(text: string, index: number): Repair | null {
  const lead = byteByCharCode.get(text.charCodeAt(index));
  if (lead === undefined) return null;
  const length = sequenceLength(lead);
  if (length === 0 || index + length > text.length) return null;

  const bytes = [lead];
  for (let offset = 1; offset < length; offset++) {
    const byte = byteByCharCode.get(text.charCodeAt(index + offset));
    if (!isContinuation(byte)) break;
    bytes.push(byte);
  }
  const second = bytes[1];
  if (bytes.length !== length || second === undefined || !secondByteAllowed(lead, second)) return null;
  return { index, length, character: String.fromCodePoint(decodeSequence(bytes)) };
}

const LETTER = /\p{L}/u;

/**
 * "√" and "≈" before π ∑ ∏ Ω µ ∞ ± ≤ are also correct maths ("√πr" is √π·r,
 * "≈µs" about a microsecond), so such a pair at the start of a word proves
 * nothing; inside a word ("x√π") it still does. Other pairs stay damage at a
 * word's start: "√∫ltima" (ú), "√∂ffentlich" (ö), "√≠" (í), "√≥" (ó), "ƒ∞stanbul"
 * (İ), and "¬∞C" or "¬µs", which are how "°C" and "µs" arrive mis-decoded.
 */
const MATHS_LEADS: ReadonlySet<string> = new Set(["√", "≈"]);
const MATHS_SECONDS: ReadonlySet<string> = new Set(["π", "∑", "∏", "Ω", "\u2126", "µ", "\u03BC", "∞", "±", "≤"]);

function isMathsPair(text: string, index: number): boolean {
  return MATHS_LEADS.has(text.charAt(index)) && MATHS_SECONDS.has(text.charAt(index + 1));
}

/** A run correct text would not contain: three or four bytes, or a pair touching a letter ("caf√©", "√úber"). */
function isUnmistakable(text: string, repair: Repair): boolean {
  if (repair.length > 2) return true;
  if (LETTER.test(text.charAt(repair.index - 1))) return true;
  return LETTER.test(text.charAt(repair.index + repair.length)) && !isMathsPair(text, repair.index);
}

export function repairMojibake(text: string): string {
  const repairs: Repair[] = [];
  for (let index = 0; index < text.length; index++) {
    const repair = repairAt(text, index);
    if (repair === null) continue;
    repairs.push(repair);
    index += repair.length - 1;
  }
  if (!repairs.some((repair) => isUnmistakable(text, repair))) return text;
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (const repair of repairs) {
    parts.push(text.slice(copiedUpTo, repair.index), repair.character);
    copiedUpTo = repair.index + repair.length;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}
