import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { at, commandsIn, deleteDataOf, fieldOf, postField, twoMembersScoreWeekOne } from "../helpers/postedBoards.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A weekly post set aside while it was on its way to Discord (an admin postponed the start while its first
 * message was held at the emulator) still shows the top five it was drawn with: a member's `/privacy delete`
 * or hiding edits it like any post already sent. The cohort starts Monday 2027-03-01 (UTC).
 */
const cohortName = "Set Aside Boards";
const topName = "🏆 Week 1 top five";
const changes = ["/privacy delete", "/privacy leaderboard:hidden"] as const;

describe("a member's privacy change after a weekly post was set aside while being sent", () => {
  let world: SchedulerWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it.each(changes)("takes the member off that post's top five, after %s", async (change) => {
    const current = await startSchedulerWorld(at("2027-02-22T08:00:00Z"));
    world = current;
    const channelId = current.createChannel("set-aside-boards").id;
    await current.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    await current.first.tickAt(at("2027-03-01T09:00:00Z"));
    const run = commandsIn(current, channelId);
    const { zed } = await twoMembersScoreWeekOne(current, run, [cohortName], at("2027-03-01T10:00:00Z"));
    await current.first.tickAt(at("2027-03-08T00:01:00Z"));

    // Week 2's post is drawn (with Zeddicus in week 1's top five) and on its way when the start is postponed a week.
    const drawn: string[] = [];
    current.emulator.on("message", (message: EmulatorMessage) => {
      if (postLabel(message) === "week 2") drawn.push(fieldOf(message, topName) ?? "");
    });
    const held = current.emulator.holdNext(`POST /channels/${channelId}/messages`);
    const tick = current.first.tickAt(at("2027-03-08T09:00:00Z"));
    await held.arrived;
    const editedAt = at("2027-03-08T09:00:30Z");
    current.first.clock.set(editedAt);
    await current.first.test.app.services.cohorts.edit({
      guildId: current.guild.id,
      cohort: cohortName,
      start: "2027-03-08",
      now: editedAt,
      actorId: current.admin.id,
    });
    held.release();
    expect((await tick).sent).toEqual([]);
    expect(drawn).toEqual([expect.stringContaining("Zeddicus")]);
    // Its recording flags it for a redraw: that one leaves Zeddicus, who has changed nothing yet, on it.
    await current.first.tickAt(at("2027-03-08T09:01:30Z"));
    expect(postField(current, channelId, "week 2", topName)).toContain("Zeddicus");

    if (change === "/privacy delete") await deleteDataOf(current, channelId, zed.id);
    else await run(zed.id, "privacy", { leaderboard: "hidden" });
    await current.first.tickAt(at("2027-03-08T09:02:30Z"));
    expect(postField(current, channelId, "week 2", topName)).toBe("🥇 **Ada Lovelace** · 36 pts");
  });
});
