import { describe, expect, it } from "vitest";
import { indentedArrayBytes, indentedJson, indentedJsonPieces } from "../../src/domain/export/indentedJson.js";

async function* streamed<T>(values: readonly T[]): AsyncGenerator<T> {
  yield* values;
}

async function written(value: unknown): Promise<string> {
  let text = "";
  for await (const piece of indentedJsonPieces(value)) text += piece;
  return text;
}

describe("indentedJsonPieces", () => {
  const at = new Date("2027-01-05T10:00:00.000Z");
  const entry = (n: number) => ({
    n,
    at,
    text: `line ${n}\n"quoted" ✨ \u2028`,
    details: n === 2 ? { nested: [1, { deep: [] }], empty: {} } : null,
  });

  it("writes what JSON.stringify(value, null, 2) writes, with lists read as they come, empty ones included", async () => {
    const lists = { one: [entry(1)], three: [entry(1), entry(2), entry(3)], none: [] as ReturnType<typeof entry>[] };
    const plain = {
      format: "x",
      skipped: undefined,
      outer: [
        { a: 1, inner: lists.three, empty: lists.none },
        { a: 2, inner: lists.one, empty: lists.none },
      ],
      last: lists.none,
    };
    const lazy = {
      format: "x",
      skipped: undefined,
      outer: streamed([
        { a: 1, inner: streamed(lists.three), empty: streamed(lists.none) },
        { a: 2, inner: streamed(lists.one), empty: streamed(lists.none) },
      ]),
      last: streamed(lists.none),
    };
    expect(await written(lazy)).toBe(JSON.stringify(plain, null, 2));
    expect(await written(streamed([]))).toBe("[]");
  });

  it("writes a list read as it comes wherever it sits: in a plain list, deep in a field's object", async () => {
    const plain = { rows: [{ a: [1, 2], b: { c: { d: [entry(1)] } } }, []], deep: { empty: [] as number[], one: [3] } };
    const lazy = {
      rows: [{ a: streamed([1, 2]), b: { c: { d: streamed([entry(1)]) } } }, streamed([])],
      deep: { empty: streamed([]), one: streamed([3]) },
    };
    expect(await written(lazy)).toBe(JSON.stringify(plain, null, 2));
  });

  it("writes null for a value JSON has no word for in a list read as it comes, as JSON.stringify does in a list", async () => {
    const plain = [1, undefined, () => 2, { kept: 3, dropped: undefined }];
    const lazy = streamed([1, undefined, () => 2, { kept: streamed([3]), dropped: undefined }]);
    expect(await written(lazy)).toBe(JSON.stringify([1, undefined, () => 2, { kept: [3], dropped: undefined }], null, 2));
    expect(await written(streamed(plain))).toBe(JSON.stringify(plain, null, 2));
  });

  it("knows a list's bytes before it is written", async () => {
    for (const count of [0, 1, 3]) {
      const elements = Array.from({ length: count }, (_, index) => entry(index));
      const elementBytes = elements.reduce((sum, element) => sum + Buffer.byteLength(indentedJson(element, 2)), 0);
      const list = indentedJson(elements, 1);
      expect(indentedArrayBytes(count, elementBytes, 1)).toBe(Buffer.byteLength(list));
    }
  });
});
