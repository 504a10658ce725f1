import { describe, expect, it } from "vitest";
import { checkpointStanding, isPending, latestCheckpointKeys } from "../../src/domain/schedule/latestCheckpoints.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { renderNudgeDm } from "../../src/discord/render/renderNudgeDm.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const post = (kind: PlannedPost["kind"], at: string, sectionKey?: string): PlannedPost => ({
  kind,
  period: `${kind}-${sectionKey ?? at}`,
  dueAt: new Date(at),
  localDate: at.slice(0, 10),
  localTime: at.slice(11, 16),
  ...(sectionKey === undefined ? {} : { sectionKey }),
});

describe("the checkpoints posted at the latest moment", () => {
  const posts = [
    post("checkpoint", "2027-01-15T17:00:00Z", "basics"),
    post("week", "2027-01-18T09:00:00Z"),
    post("checkpoint", "2027-01-22T17:00:00Z", "more"),
    post("checkpoint", "2027-01-22T17:00:00Z", "last"),
    post("checkpoint", "2027-01-29T17:00:00Z", "after"),
  ];

  it("are every section posted at that instant, none before the first and none still to come", () => {
    expect(latestCheckpointKeys(posts, new Date("2027-01-15T16:59:00Z"))).toEqual([]);
    expect(latestCheckpointKeys(posts, new Date("2027-01-20T00:00:00Z"))).toEqual(["basics"]);
    expect(latestCheckpointKeys(posts, new Date("2027-01-22T17:00:00Z"))).toEqual(["more", "last"]);
    expect(latestCheckpointKeys([...posts].reverse(), new Date("2027-01-28T00:00:00Z")).sort()).toEqual(["last", "more"]);
  });

  it("leave a member not yet there while any of them is answered Not yet; one left unanswered does not", () => {
    const oneUnanswered = checkpointStanding([1, 2], new Map([[1, "confident"]]));
    expect(oneUnanswered).toEqual({ total: 2, unanswered: [2], notYet: [] });
    expect(isPending(oneUnanswered)).toBe(false);
    for (const sections of [
      [1, 2],
      [2, 1],
    ]) {
      const notYetOnFirst = checkpointStanding(
        sections,
        new Map([
          [1, "not_yet"],
          [2, "partly"],
        ]),
      );
      expect(notYetOnFirst.notYet).toEqual([1]);
      expect(isPending(notYetOnFirst)).toBe(true);
    }
    expect(isPending(checkpointStanding([1, 2], new Map([[2, "not_yet"]])))).toBe(true);
    expect(
      isPending(
        checkpointStanding(
          [1, 2],
          new Map([
            [1, "partly"],
            [2, "confident"],
          ]),
        ),
      ),
    ).toBe(false);
    expect(isPending(checkpointStanding([], new Map()))).toBe(false);
  });
});

describe("the Nudge DM's unanswered checkpoints", () => {
  it("names at most three, shortened and inert for Markdown, then counts the rest", () => {
    const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "Spring" });
    const titles = [`**Bold** ${"x".repeat(200)}`, "Two", "Three", "Four", "Five"];
    const text = renderNudgeDm(cohort, null, titles).embeds[0]?.description ?? "";
    expect(text).toContain("5 checkpoints posted last are still waiting for your answer");
    expect(text).toContain("\\*\\*Bold\\*\\*");
    expect(text).not.toContain("x".repeat(100));
    expect(text).toContain("**Three**");
    expect(text).not.toContain("Four");
    expect(text).toContain("…and 2 more");
    expect(renderNudgeDm(cohort, null, []).embeds[0]?.description).not.toContain("checkpoint");
  });
});
