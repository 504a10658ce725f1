import { describe, expect, it } from "vitest";
import { memberOptionalFrom } from "../../src/domain/schedule/memberDay.js";

/** The day Optional items count from, for a member: the member day the switch fell in, in their zone. */
describe("memberOptionalFrom", () => {
  // Wednesday 3 February 2027, 20:00 UTC.
  const switchedAt = "2027-02-03T20:00:00.000Z";

  it("reads the switch as the member's own day: the next one ahead of UTC, the same one behind it", () => {
    expect(memberOptionalFrom(switchedAt, "UTC")).toBe("2027-02-03");
    expect(memberOptionalFrom(switchedAt, "Pacific/Auckland")).toBe("2027-02-04");
    expect(memberOptionalFrom(switchedAt, "America/Los_Angeles")).toBe("2027-02-03");
    // 02:00 on Thursday in Berlin is still Wednesday's member day (it rolls over at 04:00).
    expect(memberOptionalFrom("2027-02-04T01:00:00.000Z", "Europe/Berlin")).toBe("2027-02-03");
  });

  it("keeps a day stored before instants were (the cohort's), and none as none", () => {
    expect(memberOptionalFrom("2027-02-03", "Pacific/Auckland")).toBe("2027-02-03");
    expect(memberOptionalFrom(null, "Pacific/Auckland")).toBeNull();
  });

  it("reads only the instant form the bot writes as an instant: no day rolled over, no hour 24", () => {
    expect(memberOptionalFrom("2027-02-03T20:00:00Z", "Pacific/Auckland")).toBe("2027-02-04");
    // Not an instant that exists: never read as the day `new Date` would roll it into (3 March, or Thursday).
    expect(() => memberOptionalFrom("2027-02-31T20:00:00.000Z", "UTC")).toThrow(/optionalFrom/);
    expect(memberOptionalFrom("2027-02-03T24:00:00.000Z", "Pacific/Auckland")).toBe("2027-02-03");
  });

  it("never reads a malformed value as no switch day: the day it begins with, as an old row, or an error", () => {
    // Offsets, a space for the T, a missing Z: the day written, as the cohort's (as rows before instants).
    for (const malformed of ["2027-02-03T20:00:00+13:00", "2027-02-03 20:00:00", "2027-02-03T20:00:00", "2027-02-03T20:00Z"]) {
      expect(memberOptionalFrom(malformed, "Pacific/Auckland")).toBe("2027-02-03");
    }
    // Nothing readable: an error naming the value, not every Optional item due since the start at once.
    for (const garbage of ["", "yesterday", "1738612800000", "Wed Feb 03 2027 20:00:00 GMT+0000"]) {
      expect(() => memberOptionalFrom(garbage, "UTC")).toThrow(JSON.stringify(garbage));
    }
  });
});
