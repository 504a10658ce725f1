import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { at, commandsIn, deleteDataOf, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
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
  /** Whether the bot's discord.js cache says it may read the channel's history (the permission change reached it). */
  const botCanReadHistory = () => {
    const client = world.first.test.app.discord.client;
    const channel = client.channels.cache.get(channelId);
    if (channel === undefined || client.user === null || !("permissionsFor" in channel)) return true;
    return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.ReadMessageHistory) === true;
  };
  /** Ticks every `stepMs` from `from` (inclusive) to `to` (exclusive). */
  const tickEvery = async (from: Date, to: Date, stepMs: number) => {
    for (let time = from.getTime(); time < to.getTime(); time += stepMs) await world.first.tickAt(new Date(time));
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    channelId = world.createChannel("no-history").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
  });
  afterAll(async () => world.close());

  it("backs off, gives up after 16 tries, and /cohort info says Read Message History is missing", async () => {
    const run = commandsIn(world, channelId);
    await world.first.tickAt(at("2027-03-01T09:00:00Z"));
    const { zed } = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    await world.first.tickAt(at("2027-03-08T09:00:00Z"));
    expect(postField(world, channelId, "week 2", topName)).toContain("Zeddicus");

    world.emulator.setBotChannelPermissions(channelId, { botCanReadHistory: false });
    await until(() => !botCanReadHistory(), "the lost permission in the bot's cache");
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    await deleteDataOf(world, channelId, zed.id);

    // Two posts show the member (week 1's board, week 2's top five), each read once a try. Forty minutes of
    // ticks a minute apart: each tried at 0, 1, 3, 7, 15 and 31 minutes, not forty times.
    await tickEvery(at("2027-03-08T10:00:05Z"), at("2027-03-08T10:40:05Z"), 60_000);
    expect(refusedReads()).toBe(2 * 6);
    // Days of ticks: the delay doubles up to a day, and the sixteenth refused try is the last.
    await tickEvery(at("2027-03-08T10:40:05Z"), at("2027-03-18T10:40:05Z"), 6 * 3_600_000);
    expect(refusedReads()).toBe(2 * 16);
    await tickEvery(at("2027-03-18T10:40:05Z"), at("2027-03-23T10:40:05Z"), 6 * 3_600_000);
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
    await until(() => botCanReadHistory(), "the permission back in the bot's cache");
    expect(visibleText(await run(world.admin.id, "cohort info", { cohort: cohortName }))).not.toMatch(/Read Message History/);
  });
});
