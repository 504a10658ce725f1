import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { parseRosterAnchor, RosterGroup, rosterAnchorArgs, type RosterMemberView } from "../../src/services/RosterService.js";

const member: RosterMemberView = {
  memberId: 42,
  userId: "1",
  displayName: "Ana: la de 10:30",
  group: RosterGroup.Quiet,
  behindItems: 0,
  behindMinutes: 0,
  lastCompletedAt: null,
  streak: 0,
  answers: { confident: 0, partly: 0, notYet: 0 },
  latestAnswer: null,
  daysOffUntil: null,
  nudgeable: true,
};

/** The parts the button router hands the handler after "roster:<cohortId>:<filter>". */
const argsOf = (customId: string) => customId.split(":").slice(3);

describe("roster page buttons", () => {
  it("carry the row's place in the roster's order, a name with colons included, and read back as it", () => {
    const customId = rosterAnchorArgs("roster:7:all", "after", member);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(parseRosterAnchor(argsOf(customId))).toEqual({
      kind: "after",
      key: { group: RosterGroup.Quiet, behindMinutes: 0, behindItems: 0, memberId: 42, displayName: "Ana: la de 10:30" },
    });
  });

  it("leave out a name that would pass Discord's 100 characters: the member's stored name is used", () => {
    const customId = rosterAnchorArgs("roster:7:not_yet", "before", { ...member, displayName: "x".repeat(90) });
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(parseRosterAnchor(argsOf(customId))).toMatchObject({ kind: "before", key: { memberId: 42, displayName: null } });
  });

  it("still answer a button drawn with a page number, and refuse a forged one", () => {
    expect(parseRosterAnchor(["2"])).toEqual({ kind: "offset", offset: 40 });
    for (const forged of [["-1"], ["after", "9", "0", "0", "1"], ["sideways", "0", "0", "0", "1"], ["after", "0", "x", "0", "1"], []])
      expect(() => parseRosterAnchor(forged)).toThrow(UserError);
  });
});
