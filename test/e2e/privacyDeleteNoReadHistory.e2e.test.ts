import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import {
  at,
  canReadHistory,
  commandsIn,
  deleteDataWithoutHistory,
  postField,
  scoreWeekOneThenPostWeekTwo,
  tickEvery,
} from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";
import { until } from "../helpers/until.js";

/**
 * A posted board's edit after `/privacy delete` in a channel where the bot lacks Read Message History: it is
 * tried again after a growing delay (1, 2, 4 … minutes, at most a day apart), not every minute, and given up
 * after 16 tries; `/cohort info` tells the admin the permission is missing (in their language). The cohort
 * starts Monday 2027-03-01 (UTC).
 */
const cohortName = "No History";
const topName = "🏆 Week 1 top five";

describe("/privacy delete, posted boards in a channel without Read Message History", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const refusedReads = () =>
    world.emulator
      .requestLog()
      .filter((entry) => entry.method === "GET" && entry.path.startsWith(`/channels/${channelId}/messages/`) && entry.status === 403)
      .length;

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("no-history").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("backs off, gives up after 16 tries, and /cohort info says Read Message History is missing", async () => {
    const run = commandsIn(world, channelId);
    const { zed } = await scoreWeekOneThenPostWeekTwo(world, run, cohortName);
    expect(postField(world, channelId, "week 2", topName)).toContain("Zeddicus");

    await deleteDataWithoutHistory(world, channelId, zed.id, [world.first]);

    // Two posts show the member (week 1's board, week 2's top five), each read once a try. Forty minutes of
    // ticks a minute apart: each tried at 0, 1, 3, 7, 15 and 31 minutes, not forty times.
    await tickEvery(world.first, at("2027-03-08T10:00:05Z"), at("2027-03-08T10:40:05Z"), 60_000);
    expect(refusedReads()).toBe(2 * 6);
    // Days of ticks: the delay doubles up to a day, and the sixteenth refused try is the last.
    await tickEvery(world.first, at("2027-03-08T10:40:05Z"), at("2027-03-18T10:40:05Z"), 6 * 3_600_000);
    expect(refusedReads()).toBe(2 * 16);
    await tickEvery(world.first, at("2027-03-18T10:40:05Z"), at("2027-03-23T10:40:05Z"), 6 * 3_600_000);
    expect(refusedReads()).toBe(2 * 16);
    expect(postField(world, channelId, "week 2", topName)).toContain("Zeddicus");

    const info = visibleText(await run(world.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toMatch(/Read Message History/);
    // What the permission's return does: the boards given up on are edited then (postedBoardsPermissionBack).
    expect(info).toMatch(/boards I have given up on are edited once you give it back/);
    const directora = world.emulator.createMember(world.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const infoEs = visibleText(await run(directora.id, "cohort info", { cohort: cohortName }));
    expect(infoEs).toMatch(/Leer el historial de mensajes/);
    expect(infoEs).toMatch(/las clasificaciones en las que desistí se editan cuando me lo devuelvas/);

    world.emulator.setBotChannelPermissions(channelId, { botCanReadHistory: true });
    await until(() => canReadHistory(world.first, channelId), "the permission back in the bot's cache");
    expect(visibleText(await run(world.admin.id, "cohort info", { cohort: cohortName }))).not.toMatch(/Read Message History/);
  });
});
