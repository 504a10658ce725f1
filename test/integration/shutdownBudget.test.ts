import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dockerStopGraceMs, shardStopTimeoutMs, shutdownWaitMs } from "../../src/shutdownBudget.js";
import { startBotHarness } from "../helpers/botHarness.js";
import { rankedMembers } from "../helpers/rankedMembers.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const readme = () => fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");

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
 * time Docker gives a stopping container before it kills it, with Compose or with the README's `docker run`.
 */
describe("the shutdown budget", () => {
  it("fits Docker's stop grace period, with the shard manager's wait between close()'s and Docker's", () => {
    expect(composeStopGraceMs()).toBe(dockerStopGraceMs);
    expect(shardStopTimeoutMs).toBeGreaterThan(shutdownWaitMs);
    expect(shardStopTimeoutMs).toBeLessThan(dockerStopGraceMs);
  });

  it("is what the README's `docker run` line gives the container (plain `docker stop` gives 10 s)", () => {
    const runLines = readme()
      .split("\n")
      .filter((line) => line.startsWith("docker run "));
    expect(runLines.length).toBeGreaterThan(0);
    for (const line of runLines) expect(line).toContain(`--stop-timeout ${dockerStopGraceMs / 1000} `);
  });

  it("close() returns with an interaction that never settles, and logs it was cut off with the time it had", async () => {
    // A short budget instead of 10 s: the wait's end is the app's, the test only waits for close() to return.
    const budgetMs = 300;
    const bot = await startBotHarness({ shutdownWaitMs: budgetMs });
    const stalled = bot.emulator.holdNext("POST /interactions/:interactionId/:token/callback");
    try {
      bot.run(bot.member("ada").id, "today");
      await stalled.arrived;
      await bot.test.app.close();
      const warnings = bot.test.logs().filter((line) => line.msg === "interactions still in flight at shutdown");
      expect(warnings).toEqual([expect.objectContaining({ inFlight: 1, timeoutMs: budgetMs })]);
      expect(bot.test.app.discord.client.token, "close() went on to close the client").toBeNull();
    } finally {
      stalled.release();
      await bot.close();
    }
  });

  it("close() returns when an exclude role listing a board started never gets Discord's answer: one deadline for every wait", async () => {
    const budgetMs = 300;
    const bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z"), shutdownWaitMs: budgetMs });
    const cohort = await bot.createCohort({ name: "Stalled Listing Cohort" });
    const { ada } = await rankedMembers(bot, cohort, { ada: 1 });
    const role = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" });
    await bot.run(bot.admin.id, "cohort edit", { cohort: cohort.name, exclude_role: role.id }).final();
    // Past the five minutes the marks are trusted for: the next board lists the role again, in the background.
    bot.clock.set(new Date(bot.clock.now().getTime() + 6 * 60 * 1000));
    const stalled = bot.emulator.holdNext("GET /guilds/:guildId/members");
    try {
      await bot.run(ada.id, "leaderboard", { period: "all" }).final();
      await stalled.arrived;
      await bot.test.app.close();
      const warnings = bot.test.logs().filter((line) => line.msg === "exclude role listings still running at shutdown");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.timeoutMs).toBeLessThanOrEqual(budgetMs);
    } finally {
      stalled.release();
      await bot.close();
    }
  });
});
