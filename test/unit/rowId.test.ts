import { describe, expect, it } from "vitest";
import { rowIdOf } from "../../src/domain/rowId.js";

describe("rowIdOf", () => {
  it("reads ids from 1 to 2147483647 (32-bit rows) and nothing else", () => {
    expect(rowIdOf("1")).toBe(1);
    expect(rowIdOf("2147483647")).toBe(2147483647);
    expect(rowIdOf("2147483648")).toBeNull();
    expect(rowIdOf("99999999999")).toBeNull();
    expect(rowIdOf("0")).toBeNull();
    expect(rowIdOf("-1")).toBeNull();
    expect(rowIdOf("1e3")).toBeNull();
    expect(rowIdOf("")).toBeNull();
  });
});
