import { describe, expect, it } from "vitest";
import { serverWideChoices } from "../../src/domain/privacy/serverWideChoices.js";

describe("a member's /privacy choices in a server", () => {
  it("are the defaults without memberships, and the memberships' own values when they agree", () => {
    expect(serverWideChoices([])).toEqual({ boardVisibility: "name", nudges: true });
    expect(serverWideChoices([{ boardVisibility: "alias", nudges: false }])).toEqual({ boardVisibility: "alias", nudges: false });
  });

  it("are the most private of memberships that disagree (joined before a later cohort took the choices on)", () => {
    const memberships = [
      { boardVisibility: "alias", nudges: false },
      { boardVisibility: "name", nudges: true },
    ];
    expect(serverWideChoices(memberships)).toEqual({ boardVisibility: "alias", nudges: false });
    expect(serverWideChoices([...memberships, { boardVisibility: "hidden", nudges: true }])).toEqual({
      boardVisibility: "hidden",
      nudges: false,
    });
    // A value the bot does not know is taken for hidden, as the boards take it.
    expect(serverWideChoices([{ boardVisibility: "secret", nudges: true }]).boardVisibility).toBe("hidden");
  });
});
