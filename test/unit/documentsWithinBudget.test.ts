import { describe, expect, it } from "vitest";
import { documentsWithinBudget, documentTextBytes } from "../../src/domain/privacy/documentsWithinBudget.js";

describe("documentsWithinBudget", () => {
  const doc = (sha256: string, text: string, fileBytes = 0) => ({ sha256, textBytes: documentTextBytes(text), fileBytes });

  it("keeps each distinct document once, in order, while its JSON fits; a later smaller one may still fit", () => {
    const big = doc("b", "x".repeat(8));
    const small = doc("s", "y");
    // As written in the file: '"xxxxxxxx"' is 10 bytes, '"y"' 3, '"z"' 3.
    expect([...documentsWithinBudget([small, big, small, doc("c", "x".repeat(9)), doc("z", "z")], 16)]).toEqual(["s", "b", "z"]);
  });

  it("counts escapes as written: a text of newlines takes twice its length", () => {
    const lines = doc("n", "\n".repeat(5));
    expect([...documentsWithinBudget([lines], 11)]).toEqual([]);
    expect([...documentsWithinBudget([lines], 12)]).toEqual(["n"]);
  });

  it("also keeps what the copies add to the file within the room the rest of it leaves", () => {
    const docs = [doc("a", "a", 50), doc("b", "b", 40), doc("c", "c", 10)];
    expect([...documentsWithinBudget(docs, 100, 60)]).toEqual(["a", "c"]);
    expect([...documentsWithinBudget(docs, 100, 49)]).toEqual(["b"]);
  });
});
