import { describe, expect, it } from "vitest";
import { dayNotBeforeAfterZoneMove, memberToday } from "../../src/domain/schedule/memberDay.js";

// Wednesday 3 March 2027, 03:00 UTC: Wednesday 07:00 in Dubai (UTC+4), Tuesday 22:00 in Bogotá (UTC−5), Wednesday 12:00 in Tokyo.
const now = new Date("2027-03-03T03:00:00Z");

describe("a member's day never goes back", () => {
  it("holds a move west on the day the member was in", () => {
    const floor = dayNotBeforeAfterZoneMove(now, "Asia/Dubai", "America/Bogota", null);
    expect(floor).toBe("2027-03-03");
    expect(memberToday(now, "America/Bogota", floor)).toBe("2027-03-03");
  });

  it("lets the new zone's day run on once it reaches the held day", () => {
    expect(memberToday(new Date("2027-03-04T22:00:00Z"), "America/Bogota", "2027-03-03")).toBe("2027-03-04");
  });

  it("holds nothing for a move east, and keeps a held day through a move back west", () => {
    expect(dayNotBeforeAfterZoneMove(now, "Asia/Dubai", "Asia/Tokyo", null)).toBeNull();
    // Held on Wednesday in Bogotá, back to Dubai (Wednesday there): nothing left to hold.
    expect(dayNotBeforeAfterZoneMove(now, "America/Bogota", "Asia/Dubai", "2027-03-03")).toBeNull();
    // Held on Wednesday in Bogotá, on to Los Angeles (Tuesday 19:00): still Wednesday.
    expect(dayNotBeforeAfterZoneMove(now, "America/Bogota", "America/Los_Angeles", "2027-03-03")).toBe("2027-03-03");
  });
});
