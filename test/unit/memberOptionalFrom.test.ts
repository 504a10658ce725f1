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
});
