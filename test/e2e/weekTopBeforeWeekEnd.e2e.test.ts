import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A cohort starting on a Wednesday with the default Monday announcements: week 2's post goes out on the Monday
 * of week 1's last two study days, so the "Week 1 top five" it carries is drawn while week 1 still runs.
 * Once week 1 is over, that top five shows week 1's final standings, as week 1's own board does.
 */
describe("a weekly post sent before the week it ranks is over", () => {
  let world: SchedulerWorld;
  let channel: { id: string };
  let bob: { id: string };

  const done = async (userId: string, count: number) => {
    for (let index = 0; index < count; index += 1) {
      const choices = await world.emulator.autocomplete({
        guildId: world.guild.id,
        channelId: channel.id,
        userId,
        name: "done",
        options: { item: "" },
        focused: "item",
      });
      const reply = await world.emulator
        .runCommand({
          guildId: world.guild.id,
          channelId: channel.id,
          userId,
          name: "done",
          options: { item: String(choices[0]?.value ?? "") },
        })
        .final();
      expect(visibleText(reply)).toContain("points");
    }
  };

  beforeAll(async () => {
    world = await startSchedulerWorld(new Date("2027-03-03T08:00:00Z"));
    channel = world.createChannel("midweek");
    await world.createCohort({ name: "Midweek", channelId: channel.id, start: "2027-03-03" });
    const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
    bob = world.emulator.createMember(world.guild.id, { username: "bob", displayName: "Bob Builder" });
    const join = (userId: string) =>
      world.emulator
        .runCommand({ guildId: world.guild.id, channelId: channel.id, userId, name: "join", options: { cohort: "Midweek" } })
        .final();
    await join(ada.id);
    await join(bob.id);
    await world.first.tickAt(new Date("2027-03-03T08:00:00Z"));
    world.first.clock.set(new Date("2027-03-03T12:00:00Z"));
    await done(ada.id, 1);
    // Monday 09:00, week 1's sixth day: week 2's post.
    await world.first.tickAt(new Date("2027-03-08T09:00:00Z"));
    // Tuesday, still week 1: Bob reads more than Ada did.
    world.first.clock.set(new Date("2027-03-09T12:00:00Z"));
    await done(bob.id, 3);
    await world.first.tickAt(new Date("2027-03-09T12:00:00Z"));
    // Week 1 ended at Wednesday 00:00; its board's final edit comes a minute later.
    await world.first.tickAt(new Date("2027-03-10T00:02:00Z"));
    await world.first.tickAt(new Date("2027-03-10T00:04:00Z"));
  });
  afterAll(async () => world.close());

  it("shows week 1's final standings in week 2's post once week 1 is over", () => {
    const weekTwo = world.posts(channel.id).find((post) => postLabel(post.message) === "week 2");
    const text = weekTwo === undefined ? "" : visibleText(weekTwo.message);
    const top = text.slice(text.indexOf("Week 1 top five"));
    expect(top).toContain("🥇 **Bob Builder**");
    expect(top).toContain("🥈 **Ada Lovelace**");
  });

  it("agrees with week 1's own board, closed at the end of the week", () => {
    const board = world.posts(channel.id, { liveBoards: true }).find((post) => postLabel(post.message) === "live board 1");
    expect(board === undefined ? "" : visibleText(board.message)).toContain("🥇 **Bob Builder**");
  });
});
