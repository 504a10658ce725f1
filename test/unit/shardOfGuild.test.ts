import { describe, expect, it } from "vitest";
import { shardOfGuild } from "../../src/domain/privacy/shardOfGuild.js";

describe("shardOfGuild", () => {
  it("follows Discord's rule, (guild_id >> 22) % shard_count, on ids past 2^53", () => {
    // 41771983423143937 >> 22 = 9959216934 (shard 2 of 4); 175928847299117063 >> 22 = 41944705796 (shard 4 of 16).
    expect(shardOfGuild("41771983423143937", 4)).toBe(2);
    expect(shardOfGuild("175928847299117063", 16)).toBe(4);
    expect(shardOfGuild("175928847299117063", 1)).toBe(0);
  });

  it("places no id that is not a snowflake", () => {
    expect(shardOfGuild("", 1)).toBeNull();
    expect(shardOfGuild("guild-1", 1)).toBeNull();
    expect(shardOfGuild("-5", 1)).toBeNull();
  });
});
