import { describe, expect, it } from "vitest";
import { reportItemWithoutCheckbox } from "../../src/domain/curriculum/parse/items.js";
import { ProblemList } from "../../src/domain/curriculum/parse/ProblemList.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";

describe("an item written without its checkbox", () => {
  const reported = (text: string, rest: string) => {
    const problems = new ProblemList();
    reportItemWithoutCheckbox(problems, 7, { text, heading: "Week 1: Intro", rest });
    return problems.report();
  };

  it("is reported at its line, naming the line and its section", () => {
    expect(reported("1. Required -- Storage Engines (30 min)", " Storage Engines (30 min)")).toEqual([
      {
        line: 7,
        code: ProblemCode.ItemWithoutCheckbox,
        params: { text: "1. Required -- Storage Engines (30 min)", section: "Week 1: Intro" },
      },
    ]);
  });

  it("also names a duration it cannot read, at once, so that adding the checkbox brings no second refusal", () => {
    expect(reported("Required -- Storage Engines (30 mni)", " Storage Engines (30 mni)")).toEqual([
      {
        line: 7,
        code: ProblemCode.ItemWithoutCheckbox,
        params: { text: "Required -- Storage Engines (30 mni)", section: "Week 1: Intro" },
      },
      { line: 7, code: ProblemCode.DurationUnreadable, params: { item: "Storage Engines", duration: "30 mni" } },
    ]);
  });
});
