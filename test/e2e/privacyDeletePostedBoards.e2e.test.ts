import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { APIEmbed } from "discord.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { visibleText } from "../helpers/botHarness.js";
import {
  at,
  commandsIn,
  createZedAndAda,
  deleteDataOf,
  fieldOf,
  joinAndFinishStorageEngines,
  postLabelled,
  type RunCommand,
} from "../helpers/postedBoards.js";
import { startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * `/privacy delete` takes the member off the boards the bot already posted, not only off the live one:
 * the week-2 post's "Week 1 top five", the weeks' final boards and the closing post's final board are
 * edited by the scheduler (a tick after the delete), each once, and nothing else in those messages changes.
 * The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Posted Boards";

/** A message's embeds with the one field named `fieldName` left out (what must not change). */
function withoutField(message: EmulatorMessage, fieldName: string): APIEmbed[] {
  return message.embeds.map((embed) => ({ ...embed, fields: (embed.fields ?? []).filter((field) => field.name !== fieldName) }));
}

describe("/privacy delete edits the boards already posted", () => {
  let world: SchedulerWorld;
  let channelId: string;
  const editsByMessage = new Map<string, number>();
  const edits = (messageId: string) => editsByMessage.get(messageId) ?? 0;
  let adaId = "";
  let caraId = "";
  let runAs: RunCommand;
  const post = (label: string) => postLabelled(world, channelId, label, { liveBoards: true });

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("boards").id;
    runAs = commandsIn(world, channelId);
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    world.emulator.on("messageUpdate", (message: { id: string }) => editsByMessage.set(message.id, edits(message.id) + 1));
  });
  afterAll(async () => world.close());

  it("leaves no trace of the member's name in the week-2 top five, the final boards and the closing post, changing nothing else", async () => {
    expect((await world.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((sent) => sent.period)).toEqual(["week-1"]);
    const { zed, ada } = createZedAndAda(world);
    adaId = ada.id;
    world.first.clock.set(at("2027-03-01T10:00:00Z"));
    const cara = world.emulator.createMember(world.guild.id, { username: "cara", displayName: "Cara Mason" });
    caraId = cara.id;
    await joinAndFinishStorageEngines(runAs, [zed, ada, cara], [cohortName]);
    await world.first.tickAt(at("2027-03-01T10:01:00Z"));
    // Week 1's board gets its final edit; the week-2 post shows week 1's top five.
    await world.first.tickAt(at("2027-03-08T00:01:00Z"));
    expect((await world.first.tickAt(at("2027-03-08T09:00:00Z"))).sent.map((sent) => sent.period)).toEqual(["week-2"]);
    world.first.clock.set(at("2027-03-08T10:00:00Z"));
    await runAs(zed.id, "done", { item: "PostgreSQL Internals" });
    await world.first.tickAt(at("2027-03-08T10:01:00Z"));
    // The admin ends the cohort: the closing post goes out with the final board, week 2's board gets its final edit.
    world.first.clock.set(at("2027-03-09T12:00:00Z"));
    await world.first.test.app.services.cohorts.setStatus(world.guild.id, cohortName, "ended", world.admin.id, at("2027-03-09T12:00:00Z"));
    expect((await world.first.tickAt(at("2027-03-09T12:00:05Z"))).sent.map((sent) => sent.period)).toEqual(["closing"]);
    await world.first.tickAt(at("2027-03-09T12:01:10Z"));

    const topName = "🏆 Week 1 top five";
    const finalName = "🏆 Final leaderboard";
    const before = new Map(world.posts(channelId, { liveBoards: true }).map(({ message }) => [message.id, message]));
    const week2 = post("week 2");
    const closing = post("closing");
    expect(fieldOf(week2, topName)).toContain("Zeddicus");
    expect(fieldOf(closing, finalName)).toContain("Zeddicus");
    expect(visibleText(post("live board 1"))).toContain("Zeddicus");
    expect(visibleText(post("live board 2"))).toContain("Zeddicus");
    const editsBefore = new Map([...before.keys()].map((id) => [id, edits(id)]));

    world.first.clock.set(at("2027-03-09T13:00:00Z"));
    const done = await deleteDataOf(world, channelId, zed.id);
    await world.first.tickAt(at("2027-03-09T13:00:05Z"));
    await world.first.tickAt(at("2027-03-09T13:01:10Z"));

    for (const { message } of world.posts(channelId, { liveBoards: true })) expect(visibleText(message)).not.toContain("Zeddicus");
    const week2After = post("week 2");
    const closingAfter = post("closing");
    expect(fieldOf(week2After, topName)).toContain("Ada Lovelace");
    // Ranked as before, without the member: no "…and 1 more" standing for them.
    expect(fieldOf(closingAfter, finalName)).toBe("🥈 **Ada Lovelace** · 36 pts\n🥈 **Cara Mason** · 36 pts");
    expect(visibleText(post("live board 1"))).toContain("Ada Lovelace");
    // Nothing else in those messages changed: the rest of their embeds, their pictures, their titles.
    expect(withoutField(week2After, topName)).toEqual(withoutField(week2, topName));
    expect(week2After.attachments.map((file) => file.filename)).toEqual(week2.attachments.map((file) => file.filename));
    expect(withoutField(closingAfter, finalName)).toEqual(withoutField(closing, finalName));
    expect(closingAfter.attachments.map((file) => file.filename)).toEqual(closing.attachments.map((file) => file.filename));
    expect(post("live board 1").embeds[0]?.title).toBe(before.get(post("live board 1").id)?.embeds[0]?.title);
    expect(post("live board 2").embeds[0]?.title).toBe(before.get(post("live board 2").id)?.embeds[0]?.title);
    // Each message that showed the member was edited once; the week-1 post (no top five) not at all.
    for (const label of ["week 2", "closing", "live board 1", "live board 2"]) {
      const id = post(label).id;
      expect([label, edits(id) - (editsBefore.get(id) ?? 0)]).toEqual([label, 1]);
    }
    expect(edits(post("week 1").id)).toBe(editsBefore.get(post("week 1").id));
    // The reply says so.
    expect(visibleText(done)).toContain("already posted");
    // Later ticks edit nothing more.
    const snapshot = new Map([...editsByMessage]);
    await world.first.tickAt(at("2027-03-09T13:10:00Z"));
    expect(new Map([...editsByMessage])).toEqual(snapshot);
  }, 120_000);

  it("takes a member who then chooses to be hidden off the same posted boards, each edited once", async () => {
    const week2 = post("week 2");
    const closing = post("closing");
    const editsBefore = new Map([week2.id, closing.id, post("live board 1").id].map((id) => [id, edits(id)]));
    world.first.clock.set(at("2027-03-09T14:00:00Z"));
    await runAs(adaId, "privacy", { leaderboard: "hidden" });
    await world.first.tickAt(at("2027-03-09T14:00:05Z"));
    await world.first.tickAt(at("2027-03-09T14:01:10Z"));
    for (const { message } of world.posts(channelId, { liveBoards: true })) expect(visibleText(message)).not.toContain("Ada Lovelace");
    expect(fieldOf(post("week 2"), "🏆 Week 1 top five")).toBe("🥇 **Cara Mason** · 36 pts");
    expect(withoutField(post("week 2"), "🏆 Week 1 top five")).toEqual(withoutField(week2, "🏆 Week 1 top five"));
    expect(withoutField(post("closing"), "🏆 Final leaderboard")).toEqual(withoutField(closing, "🏆 Final leaderboard"));
    for (const [id, count] of editsBefore) expect(edits(id)).toBe(count + 1);
  }, 120_000);

  it("tries an edit that met Discord trouble again a minute later, and edits each message once", async () => {
    const week2 = post("week 2");
    const closing = post("closing");
    expect(fieldOf(week2, "🏆 Week 1 top five")).toContain("Cara Mason");
    const editsBefore = new Map([week2.id, closing.id].map((id) => [id, edits(id)]));
    world.first.clock.set(at("2027-03-09T15:00:00Z"));
    await deleteDataOf(world, channelId, caraId);
    world.emulator.failNext(`PATCH /channels/${channelId}/messages/${week2.id}`, 503, 4);
    await world.first.tickAt(at("2027-03-09T15:00:05Z"));
    expect(fieldOf(post("week 2"), "🏆 Week 1 top five")).toContain("Cara Mason");
    // Within the minute: not yet; then once.
    await world.first.tickAt(at("2027-03-09T15:00:30Z"));
    expect(fieldOf(post("week 2"), "🏆 Week 1 top five")).toContain("Cara Mason");
    await world.first.tickAt(at("2027-03-09T15:01:10Z"));
    expect(fieldOf(post("week 2"), "🏆 Week 1 top five")).not.toContain("Cara Mason");
    expect(edits(week2.id)).toBe((editsBefore.get(week2.id) ?? 0) + 1);
    await world.first.tickAt(at("2027-03-09T15:05:00Z"));
    for (const { message } of world.posts(channelId, { liveBoards: true })) expect(visibleText(message)).not.toContain("Cara Mason");
    for (const [id, count] of editsBefore) expect(edits(id)).toBe(count + 1);
  }, 120_000);
});
