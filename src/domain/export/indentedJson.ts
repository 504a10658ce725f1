/**
 * JSON written as `JSON.stringify(value, null, 2)` writes it, a piece at a time: an async iterable is an
 * array read while it is written, so a long list is never held whole. It may sit anywhere a plain array
 * or object (one without toJSON) leads to; the pieces joined are byte for byte what JSON.stringify gives
 * for the same value with its lists read out. An object with toJSON (a Date) is written as its toJSON
 * says, whole: a list read as it comes is not looked for there.
 */

/** The indentation of `depth` levels. */
function pad(depth: number): string {
  return "  ".repeat(depth);
}

function isStreamed(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** An object JSON.stringify walks field by field (no toJSON of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** Whether a streamed list sits in `value`, through plain arrays and objects (those are then written a field at a time). */
function holdsStreamed(value: unknown): boolean {
  if (isStreamed(value)) return true;
  if (Array.isArray(value)) return value.some(holdsStreamed);
  return isPlainObject(value) && Object.values(value).some(holdsStreamed);
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function hasNoJson(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** `value` (no streamed list in it) as JSON.stringify(value, null, 2) writes it nested `depth` levels deep. */
export function indentedJson(value: unknown, depth: number): string {
  // A value JSON has no word for (undefined, a function): null, as in a list.
  if (hasNoJson(value)) return "null";
  // A string's own line breaks are escaped ("\n"), so every raw one is layout and takes the nesting's indentation.
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll("\n", `\n${pad(depth)}`);
}

/** The pieces of `value`, nested `depth` levels deep. */
export async function* indentedJsonPieces(value: unknown, depth = 0): AsyncGenerator<string> {
  if (isStreamed(value)) yield* arrayPieces(value, depth);
  else if (Array.isArray(value) && holdsStreamed(value)) yield* arrayPieces(value, depth);
  else if (isPlainObject(value) && holdsStreamed(value)) yield* objectPieces(value, depth);
  else yield indentedJson(value, depth);
}

/** One field of an object nested `depth` levels deep (`first`: no comma before it). The object's braces are the caller's. */
export async function* indentedFieldPieces(key: string, value: unknown, depth: number, first: boolean): AsyncGenerator<string> {
  yield `${first ? "" : ","}\n${pad(depth + 1)}${JSON.stringify(key)}: `;
  yield* indentedJsonPieces(value, depth + 1);
}

/** How an object nested `depth` levels deep ends: `{}` when it had no field. */
export function indentedObjectEnd(depth: number, empty: boolean): string {
  return empty ? "}" : `\n${pad(depth)}}`;
}

/**
 * Bytes of an array nested `depth` levels deep of `count` elements that take `elementBytes` in all
 * (each as indentedJson writes it at depth + 1): what a list adds to the file, known before it is written.
 */
export function indentedArrayBytes(count: number, elementBytes: number, depth: number): number {
  if (count === 0) return "[]".length;
  const separators = count * `,\n${pad(depth + 1)}`.length - 1;
  return "[".length + separators + elementBytes + `\n${pad(depth)}]`.length;
}

async function* arrayPieces(items: AsyncIterable<unknown> | Iterable<unknown>, depth: number): AsyncGenerator<string> {
  yield "[";
  let empty = true;
  for await (const item of items) {
    yield `${empty ? "" : ","}\n${pad(depth + 1)}`;
    empty = false;
    yield* indentedJsonPieces(hasNoJson(item) ? null : item, depth + 1);
  }
  yield empty ? "]" : `\n${pad(depth)}]`;
}

async function* objectPieces(object: Record<string, unknown>, depth: number): AsyncGenerator<string> {
  yield "{";
  let empty = true;
  for (const [key, value] of Object.entries(object)) {
    // As JSON.stringify: a field without a JSON value is left out.
    if (hasNoJson(value)) continue;
    yield* indentedFieldPieces(key, value, depth, empty);
    empty = false;
  }
  yield indentedObjectEnd(depth, empty);
}
