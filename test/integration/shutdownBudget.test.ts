import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dockerStopGraceMs, shardStopTimeoutMs, shutdownWaitMs } from "../../src/shutdownBudget.js";
import { startTestApp } from "../helpers/testApp.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** docker-compose.yml's `stop_grace_period` of the bot service, in ms: after it Docker kills the container. */
function composeStopGraceMs(): number {
  const compose = fs.readFileSync(path.join(projectRoot, "docker-compose.yml"), "utf8");
  const match = /stop_grace_period:\s*(\d+)s/.exec(compose);
  if (match === null) throw new Error("docker-compose.yml sets no stop_grace_period in seconds");
  return Number(match[1]) * 1000;
}

/**
 * One shutdown budget: close() waits at most `shutdownWaitMs` for work in flight, a shard manager gives a
 * shard process more than that (so it does not kill one still closing its database), and both fit in the
 * time Docker gives a stopping container before it kills it.
 */
describe("the shutdown budget", () => {
  it("fits Docker's stop grace period, with the shard manager's wait between close()'s and Docker's", () => {
    expect(composeStopGraceMs()).toBe(dockerStopGraceMs);
    expect(shardStopTimeoutMs).toBeGreaterThan(shutdownWaitMs);
    expect(shardStopTimeoutMs).toBeLessThan(dockerStopGraceMs);
  });

  it("close() waits for the servers' session checks no longer than the shutdown budget (not start-up's 30 s)", async () => {
    const test = await startTestApp();
    const membership = test.app.membership;
    const asked: unknown[][] = [];
    const settled = membership.settled.bind(membership);
    // Replaced on this app's own object only, which closes with it.
    (membership as { settled: (...args: unknown[]) => Promise<void> }).settled = (...args: unknown[]) => {
      asked.push(args);
      return settled(...(args as []));
    };
    await test.close();
    expect(asked).toEqual([[shutdownWaitMs]]);
  });

  it("close() waits for interactions in flight no longer than the shutdown budget", async () => {
    const test = await startTestApp();
    const discord = test.app.discord;
    const asked: unknown[][] = [];
    const settle = discord.settleInteractions.bind(discord);
    (discord as { settleInteractions: (...args: unknown[]) => Promise<void> }).settleInteractions = (...args: unknown[]) => {
      asked.push(args);
      return settle(...(args as [number?]));
    };
    await test.close();
    expect(asked).toEqual([[shutdownWaitMs]]);
  });
});
