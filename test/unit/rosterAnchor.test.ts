import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { rosterAnchorArgs } from "../../src/discord/render/renderFacilitators.js";
import { parseRosterAnchor, RosterGroup, type RosterMemberView } from "../../src/services/RosterService.js";

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
  latestCheckpoints: { total: 0, notYet: 0 },
  daysOffUntil: null,
  nudgeable: true,
  nudgesOff: false,
};

/** The parts the button router hands the handler after "roster:<cohortId>:<filter>". */
const argsOf = (customId: string) => customId.split(":").slice(3);

describe("roster page buttons", () => {
  it("carry the row's place in the roster's order, a name with colons included, and read back as it", () => {
    const customId = rosterAnchorArgs("roster:7:all", "after", member);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(parseRosterAnchor(argsOf(customId))).toEqual({
      kind: "after",
      key: { group: RosterGroup.Quiet, behindMinutes: 0, behindItems: 0, memberId: 42, displayName: "Ana: la de 10:30", namePrefix: false },
    });
  });

  it("carry as much of a name as fits within Discord's 100 characters, marked as its start", () => {
    const customId = rosterAnchorArgs("roster:7:not_yet", "before", { ...member, displayName: `${"x".repeat(80)}😀😀😀😀😀😀` });
    expect(customId.length).toBeLessThanOrEqual(100);
    const anchor = parseRosterAnchor(argsOf(customId));
    expect(anchor).toMatchObject({ kind: "before", key: { memberId: 42, namePrefix: true } });
    const name = anchor.kind === "before" ? anchor.key.displayName : "";
    expect(`${"x".repeat(80)}😀😀😀😀😀😀`.startsWith(name) && name.length > 40 && !name.endsWith("\ud83d")).toBe(true);
  });

  it("still answer a button drawn with a page number, and refuse a forged one", () => {
    expect(parseRosterAnchor(["2"])).toEqual({ kind: "offset", offset: 40 });
    const forged = [
      ["-1"],
      ["1e3"],
      ["99999999999"],
      ["107374183"], // its first row is past the 32-bit integers the database counts with
      ["after", "9", "0", "0", "1", "n", "x"],
      ["sideways", "0", "0", "0", "1", "n", "x"],
      ["after", "0", "x", "0", "1", "n", "x"],
      ["after", "0", "0", "0", "1", "q", "x"],
      ["after", "0", "0", "0", "1"],
      ["after", "0", "9999999999", "0", "1", "n", "x"],
      ["after", "0", "0", "2147483648", "1", "n", "x"],
      ["before", "0", "0", "0", "-2147483649", "n", "x"],
      ["after", "0", "0", "0", "123456789012345", "n", "x"],
      [],
    ];
    for (const args of forged) expect(() => parseRosterAnchor(args), args.join(":")).toThrow(new UserError("generic.unknownButton"));
    expect(parseRosterAnchor(["107374182"])).toEqual({ kind: "offset", offset: 2_147_483_640 });
    expect(parseRosterAnchor(["after", "0", "2147483647", "0", "1", "n", ""])).toMatchObject({ key: { behindMinutes: 2_147_483_647 } });
  });
});
