import { describe, expect, it } from "vitest";
import { boardPresentation, isRanked } from "../../src/domain/privacy/boardPresentation.js";

describe("the board privacy rule", () => {
  const member = (visibility: "name" | "alias" | "hidden", excluded = false) => ({ visibility, excluded });

  it("shows the more private of the cohort's setting and the member's choice", () => {
    expect(boardPresentation("names", member("name"))).toBe("name");
    expect(boardPresentation("names", member("alias"))).toBe("alias");
    expect(boardPresentation("names", member("hidden"))).toBe("hidden");
    expect(boardPresentation("aliases", member("name"))).toBe("alias");
    expect(boardPresentation("aliases", member("hidden"))).toBe("hidden");
    expect(boardPresentation("off", member("name"))).toBe("hidden");
  });

  it("never shows an excluded member, whatever they chose", () => {
    expect(boardPresentation("names", member("name", true))).toBe("hidden");
  });

  it("ranks aliased members and members of a cohort whose board is off, but not hidden or excluded ones", () => {
    expect(isRanked(member("alias"))).toBe(true);
    expect(isRanked(member("name"))).toBe(true);
    expect(isRanked(member("hidden"))).toBe(false);
    expect(isRanked(member("name", true))).toBe(false);
  });
});
