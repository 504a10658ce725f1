import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import {
  at,
  canReadHistory,
  commandsIn,
  deleteDataOf,
  deleteDataWithoutHistory,
  postField,
  scoreWeekOneThenPostWeekTwo,
  tickEveryMinute,
  tickThroughRefusedTries,
} from "../helpers/postedBoards.js";
import { startSchedulerWorld, type BotProcess, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { until } from "../helpers/until.js";

/**
 * Posted boards given up on (16 refused tries: the bot lost Read Message History) are edited once the admin gives
 * the permission back: a deleted member's name leaves them. Found within 5 minutes of the fix, by whichever process
 * looks first, and each board is edited once, not once per process. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "History Back";
const topName = "🏆 Week 1 top five";

describe("posted boards given up for want of Read Message History, the permission given back", () => {
  let world: SchedulerWorld;
  let second: BotProcess;
  let channelId: string;
  const requests = (method: string, status: number) =>
    world.emulator
      .requestLog()
      .filter((entry) => entry.method === method && entry.path.startsWith(`/channels/${channelId}/messages/`) && entry.status === status);
  const channelShows = (name: string) =>
    world.posts(channelId, { liveBoards: true }).some((observed) => JSON.stringify(observed.message.embeds).includes(name));

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    second = await world.startProcess(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("history-back").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("edits each given-up board once when the permission is back, and /cohort info says so", async () => {
    const run = commandsIn(world, channelId);
    const { zed } = await scoreWeekOneThenPostWeekTwo(world, run, cohortName);
    expect(postField(world, channelId, "week 2", topName)).toContain("Zeddicus");

    await deleteDataWithoutHistory(world, channelId, zed.id, [world.first, second]);

    // Two posts show the member (week 1's board, week 2's top five): 16 refused tries each, then given up.
    await tickThroughRefusedTries(world.first, at("2027-03-08T10:00:05Z"));
    expect(requests("GET", 403)).toHaveLength(2 * 16);
    expect(channelShows("Zeddicus")).toBe(true);

    const info = visibleText(await run(world.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toMatch(/Read Message History/);
    expect(info).toMatch(/given up on are edited once you give it back/);
    const directora = world.emulator.createMember(world.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    expect(visibleText(await run(directora.id, "cohort info", { cohort: cohortName }))).toMatch(
      /en las que desistí se editan cuando me lo devuelvas/,
    );

    world.emulator.setBotChannelPermissions(channelId, { botCanReadHistory: true });
    await until(
      () => canReadHistory(world.first, channelId) && canReadHistory(second, channelId),
      "the permission back in the bots' caches",
    );
    const editsBefore = requests("PATCH", 200).length;
    // Both processes tick every minute for an hour, the second a second after the first: each board is edited
    // once, not once per process.
    for (let minute = 0; minute < 60; minute += 1) {
      const instant = new Date(at("2027-03-20T11:00:00Z").getTime() + minute * 60_000);
      await world.first.tickAt(instant);
      await second.tickAt(new Date(instant.getTime() + 1_000));
    }
    expect(channelShows("Zeddicus")).toBe(false);
    expect(postField(world, channelId, "week 2", topName)).not.toContain("Zeddicus");
    expect(requests("PATCH", 200).length - editsBefore).toBe(2);
    expect(requests("GET", 403)).toHaveLength(2 * 16);
  });
});

/**
 * A board Discord keeps refusing (Missing Access) while the bot's cache says it may read and edit there: given up
 * after 16 tries as any other, and not tried again by the look for boards whose permission is back, since the
 * permission it knows of never went (16 more refused tries every few days otherwise).
 */
describe("posted boards refused while the bot's permissions looked fine", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const refusedReads = () =>
    world.emulator
      .requestLog()
      .filter((entry) => entry.method === "GET" && entry.path.startsWith(`/channels/${channelId}/messages/`) && entry.status === 403);

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("refused-anyway").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("gives them up once, and leaves them", async () => {
    const run = commandsIn(world, channelId);
    const { zed } = await scoreWeekOneThenPostWeekTwo(world, run, cohortName);
    world.emulator.failNext("GET /channels/:channelId/messages/:messageId", 403, 1_000, {
      body: { message: "Missing Access", code: 50001 },
    });
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);
    await tickThroughRefusedTries(world.first, at("2027-03-08T10:00:05Z"));
    expect(refusedReads()).toHaveLength(2 * 16);

    await tickEveryMinute([world.first], at("2027-03-20T11:00:00Z"));
    expect(refusedReads()).toHaveLength(2 * 16);
  });
});
