import { describe, expect, it } from "vitest";
import { labelsWithIdWhereAlike, repeated } from "../../src/domain/text/labelsWithIdWhereAlike.js";

describe("labels that read alike carry their id", () => {
  it("finds the texts that appear more than once, each once", () => {
    expect([...repeated(["a", "b", "a", "c", "a", "b"])].sort()).toEqual(["a", "b"]);
    expect(repeated(["a", "b"]).size).toBe(0);
  });

  it("gives the id suffix only to entries whose reading another entry's repeats", () => {
    const entries = [
      { id: 4, name: "Spring" },
      { id: 9, name: "SPRING" },
      { id: 12, name: "Autumn" },
    ];
    const labels = labelsWithIdWhereAlike(
      entries,
      (entry) => entry.name.toLowerCase(),
      (entry, idSuffix) => `${entry.name}${idSuffix}`,
    );
    expect(labels).toEqual(["Spring #4", "SPRING #9", "Autumn"]);
  });

  it("hands the label each entry with its suffix, alike ones with their id and the rest with none", () => {
    const entries = [
      { id: 1, name: "A long cohort name" },
      { id: 23, name: "A long cohort name" },
      { id: 5, name: "Other" },
    ];
    const received: [number, string][] = [];
    const labels = labelsWithIdWhereAlike(
      entries,
      (entry) => entry.name,
      (entry, idSuffix) => {
        received.push([entry.id, idSuffix]);
        return `label ${entry.id}`;
      },
    );
    expect(received).toEqual([
      [1, " #1"],
      [23, " #23"],
      [5, ""],
    ]);
    expect(labels).toEqual(["label 1", "label 23", "label 5"]);
  });
});
