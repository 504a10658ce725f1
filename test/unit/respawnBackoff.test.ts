import { describe, expect, it } from "vitest";
import { nextRespawn, shardRespawnPolicy, type ShardExitHistory } from "../../src/sharding/respawnBackoff.js";

const minute = 60_000;
const start = Date.UTC(2027, 2, 1, 9, 0, 0);

/** The waits of `exits` exits in a row, each process dying at `exitedAt` having connected at `readySince` (or never). */
function waits(exits: readonly { exitedAt: number; readySince: number | null }[]): number[] {
  let history: ShardExitHistory = { exitsInARow: 0, readySince: null };
  return exits.map(({ exitedAt, readySince }) => {
    const decision = nextRespawn({ ...history, readySince }, exitedAt);
    history = { exitsInARow: decision.exitsInARow, readySince: null };
    return decision.delayMs;
  });
}

describe("the wait before a shard process that exited is started again", () => {
  it("is 1 s after the first exit and doubles with each exit in a row, up to a minute", () => {
    const exits = Array.from({ length: 10 }, (_, index) => ({ exitedAt: start + index * minute, readySince: null }));
    expect(waits(exits)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it("keeps growing when each process connected but soon died again", () => {
    const exits = Array.from({ length: 4 }, (_, index) => ({
      exitedAt: start + index * minute + 30_000,
      readySince: start + index * minute,
    }));
    expect(waits(exits)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("is back to 1 s once the process that exited had stayed connected for 5 minutes", () => {
    expect(
      waits([
        { exitedAt: start, readySince: null },
        { exitedAt: start + minute, readySince: null },
        { exitedAt: start + 2 * minute, readySince: null },
        { exitedAt: start + 10 * minute, readySince: start + 10 * minute - shardRespawnPolicy.stableAfterMs },
        { exitedAt: start + 11 * minute, readySince: null },
      ]),
    ).toEqual([1_000, 2_000, 4_000, 1_000, 2_000]);
  });

  it("does not reset for a process connected a moment less than 5 minutes", () => {
    const decision = nextRespawn({ exitsInARow: 3, readySince: start }, start + shardRespawnPolicy.stableAfterMs - 1);
    expect(decision).toEqual({ delayMs: 8_000, exitsInARow: 4 });
  });

  it("stays at the longest wait after very many exits in a row", () => {
    expect(nextRespawn({ exitsInARow: 5_000, readySince: null }, start).delayMs).toBe(60_000);
  });
});
