import { describe, expect, it } from "vitest";
import { checkpointPrompt } from "../../src/domain/curriculum/checkpointPrompt.js";
import type { StoredSection } from "../../src/domain/curriculum/storedCurriculum.js";

function section(id: number, fields: Partial<StoredSection> = {}): StoredSection {
  return {
    id,
    key: `s${id}`,
    position: id,
    title: `Section ${id}`,
    weekStart: id,
    weekEnd: id,
    estimatedMinutes: null,
    summary: "",
    checkpoint: null,
    items: [],
    ...fields,
  };
}

describe("checkpointPrompt", () => {
  const outcomes = ["Design schemas", "  ", "Build APIs"];

  it("uses the section's own Checkpoint paragraph", () => {
    const first = section(1, { checkpoint: "  After this section you should be able to: explain MVCC.  ", summary: "Why databases" });
    expect(checkpointPrompt(first, { sections: [first, section(2)], outcomes })).toEqual({
      source: "checkpoint",
      text: "After this section you should be able to: explain MVCC.",
    });
  });

  it("uses the path's outcomes for a last section without a checkpoint", () => {
    const last = section(2, { summary: "Capstone systems" });
    expect(checkpointPrompt(last, { sections: [section(1), last], outcomes })).toEqual({
      source: "outcomes",
      outcomes: ["Design schemas", "Build APIs"],
    });
  });

  it("falls back to the section's objective, then to nothing", () => {
    const phase = section(1, { summary: "Master one backend language deeply" });
    expect(checkpointPrompt(phase, { sections: [phase, section(2)], outcomes })).toEqual({
      source: "objective",
      text: "Master one backend language deeply",
    });
    const bare = section(1);
    expect(checkpointPrompt(bare, { sections: [bare, section(2)], outcomes: [] })).toEqual({ source: "none" });
    const lastWithoutOutcomes = section(2, { summary: "Wrap up" });
    expect(checkpointPrompt(lastWithoutOutcomes, { sections: [section(1), lastWithoutOutcomes], outcomes: [] })).toEqual({
      source: "objective",
      text: "Wrap up",
    });
  });
});
