import { UserError } from "../errors.js";

export interface AttachmentSource {
  readonly url: string;
  /** As Discord declares it, in bytes. */
  readonly size: number;
  readonly contentType: string | null;
}

export interface DownloadLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/** Declared types that may hold a learning-path document; anything else (images, PDFs, archives) is refused unread. */
const textLikeTypes = ["application/octet-stream", "application/json", "application/markdown", "application/x-markdown"];

export function isTextLikeContentType(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === "") return true;
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return type.startsWith("text/") || textLikeTypes.includes(type);
}

/** C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL: signs of a binary file. */
const binaryControls = /[^\P{Cc}\t-\r\u0080-\u009f]/gu;
/**
 * The share of a file's characters such controls may take before it counts as binary. Below it (an escape code
 * pasted from a terminal) the file is the author's text with a line to fix, and the parser names that line.
 */
const maxControlShare = 0.01;
/** Controls any file may hold, however short: a word coloured in a terminal is two escape codes. */
const minControlsAllowed = 16;

/** Binary data: a NUL (never in text a person wrote; UTF-16 is read by its byte-order mark) or many controls (more than 16, and than 1 %). Linear. */
function looksBinary(text: string): boolean {
  if (text.includes("\0")) return true;
  const allowed = Math.max(minControlsAllowed, Math.floor(text.length * maxControlShare));
  let found = 0;
  binaryControls.lastIndex = 0;
  while (binaryControls.exec(text) !== null) {
    found += 1;
    if (found > allowed) return true;
  }
  return false;
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder treats it as Latin-1). */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (windows1252High[byte - 0x80] ?? byte) : byte);
  return text;
}

/**
 * Bytes → text for a document a person wrote: UTF-8 (BOM optional), UTF-16
 * with a BOM, or else Windows-1252. Null for binary data (a stray control
 * character stays in the text: the parser refuses it at its line).
 */
export function decodeTextFile(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  return looksBinary(text) ? null : text;
}

/**
 * Downloads an attachment as text: refuses files declared or found larger
 * than `maxBytes` (without reading past the limit) and anything that is not
 * text. Every refusal is a UserError the member can act on.
 */
export async function downloadTextAttachment(source: AttachmentSource, limits: DownloadLimits): Promise<string> {
  const maxKb = Math.floor(limits.maxBytes / 1024);
  if (source.size > limits.maxBytes) throw new UserError("curriculum.fileTooLarge", { maxKb });
  if (!isTextLikeContentType(source.contentType)) throw new UserError("curriculum.fileNotText");
  let response: Response;
  try {
    response = await fetch(source.url, { signal: AbortSignal.timeout(limits.timeoutMs) });
  } catch {
    throw new UserError("curriculum.fileUnreadable");
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError("curriculum.fileUnreadable");
  }
  const declaredLength = Number(response.headers.get("content-length") ?? "0");
  if (declaredLength > limits.maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new UserError("curriculum.fileTooLarge", { maxKb });
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  // The DOM typings of fetch leave the body untyped; a body stream yields bytes.
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new UserError("curriculum.fileTooLarge", { maxKb });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError("curriculum.fileUnreadable");
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = decodeTextFile(bytes);
  if (text === null) throw new UserError("curriculum.fileNotText");
  return text;
}
