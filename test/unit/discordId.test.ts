import { describe, expect, it } from "vitest";
import { isDiscordId } from "../../src/shared/discordId.js";

describe("isDiscordId", () => {
  it.each(["10000000000000000", "100000000000000001", "18446744073709551615"])("takes %s: 17 to 20 digits, below 2^64", (id) => {
    expect(isDiscordId(id)).toBe(true);
  });

  it.each([
    ["too short", "1000000000000000"],
    ["too long", "100000000000000000000"],
    ["2^64", "18446744073709551616"],
    ["20 nines", "99999999999999999999"],
    ["padded", " 100000000000000001"],
    ["signed", "+100000000000000001"],
    ["not digits", "abc"],
    ["empty", ""],
  ])("refuses %s (%s)", (_, id) => {
    expect(isDiscordId(id)).toBe(false);
  });
});
