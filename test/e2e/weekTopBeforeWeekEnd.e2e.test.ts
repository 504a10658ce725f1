import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld } from "../helpers/schedulerWorld.js";

/** A world with one cohort, "Midweek", starting on `start` with Ada and Bob as members, and the commands they run. */
async function midweekWorld(start: string, now: Date) {
  const world = await startSchedulerWorld(now);
  const channel = world.createChannel("midweek");
  await world.createCohort({ name: "Midweek", channelId: channel.id, start });
  const command = (userId: string, name: string, options: Record<string, string | number>) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId: channel.id, userId, name, options }).final();
  const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
  const bob = world.emulator.createMember(world.guild.id, { username: "bob", displayName: "Bob Builder" });
  await command(ada.id, "join", { cohort: "Midweek" });
  await command(bob.id, "join", { cohort: "Midweek" });
  /** `/done` (or `/undo`) of the first item autocomplete offers, `count` times. */
  const study = async (userId: string, name: "done" | "undo", count: number) => {
    for (let index = 0; index < count; index += 1) {
      const choices = await world.emulator.autocomplete({
        guildId: world.guild.id,
        channelId: channel.id,
        userId,
        name,
        options: { item: "" },
        focused: "item",
      });
      const reply = await command(userId, name, { item: String(choices[0]?.value ?? "") });
      expect(visibleText(reply)).toContain("points");
    }
  };
  /** The "Week N top five" part of the weekly post `label` ("week 2"). */
  const topFive = (label: string) => {
    const post = world.posts(channel.id).find((candidate) => postLabel(candidate.message) === label);
    const text = post === undefined ? "" : visibleText(post.message);
    return text.slice(text.lastIndexOf("Week", text.indexOf("top five")));
  };
  const weekBoard = (week: number) => {
    const board = world.posts(channel.id, { liveBoards: true }).find((post) => postLabel(post.message) === `live board ${week}`);
    return board === undefined ? "" : visibleText(board.message);
  };
  return { world, channel, ada, bob, command, study, topFive, weekBoard };
}

/**
 * A cohort starting on a Wednesday with the default Monday announcements: week 2's post goes out on the Monday
 * of week 1's last two study days, so the "Week 1 top five" it carries is drawn while week 1 still runs.
 * Once week 1 is over, that top five shows week 1's final standings, as week 1's own board does.
 */
describe("a weekly post sent before the week it ranks is over", () => {
  let setup: Awaited<ReturnType<typeof midweekWorld>>;

  beforeAll(async () => {
    setup = await midweekWorld("2027-03-03", new Date("2027-03-03T08:00:00Z"));
    const { world, ada, bob, study } = setup;
    await world.first.tickAt(new Date("2027-03-03T08:00:00Z"));
    world.first.clock.set(new Date("2027-03-03T12:00:00Z"));
    await study(ada.id, "done", 1);
    // Monday 09:00, week 1's sixth day: week 2's post.
    await world.first.tickAt(new Date("2027-03-08T09:00:00Z"));
    // Tuesday, still week 1: Bob reads more than Ada did.
    world.first.clock.set(new Date("2027-03-09T12:00:00Z"));
    await study(bob.id, "done", 3);
    await world.first.tickAt(new Date("2027-03-09T12:00:00Z"));
    // Week 1 ended at Wednesday 00:00; its board's final edit comes a minute later.
    await world.first.tickAt(new Date("2027-03-10T00:02:00Z"));
    await world.first.tickAt(new Date("2027-03-10T00:04:00Z"));
  });
  afterAll(async () => setup.world.close());

  it("shows week 1's final standings in week 2's post once week 1 is over", () => {
    const top = setup.topFive("week 2");
    expect(top).toContain("Week 1 top five");
    expect(top).toContain("🥇 **Bob Builder**");
    expect(top).toContain("🥈 **Ada Lovelace**");
  });

  it("agrees with week 1's own board, closed at the end of the week", () => {
    expect(setup.weekBoard(1)).toContain("🥇 **Bob Builder**");
  });
});

/**
 * The same Wednesday start with week 2 a break: week 3's post goes out on the Monday of the break week with week
 * 1's top five, final since week 1's board closed. Closing the break week's board does not draw it again: a
 * reading of week 1 taken back since would make it disagree with week 1's final board.
 */
describe("a weekly post sent during a break week", () => {
  let setup: Awaited<ReturnType<typeof midweekWorld>>;
  let drawn = "";

  beforeAll(async () => {
    setup = await midweekWorld("2027-03-03", new Date("2027-03-03T08:00:00Z"));
    const { world, ada, bob, command, study } = setup;
    expect(visibleText(await command(world.admin.id, "cohort break", { cohort: "Midweek", week: 2 }))).toContain(
      "Week 2 of **Midweek** is now a break",
    );
    await world.first.tickAt(new Date("2027-03-03T08:00:00Z"));
    world.first.clock.set(new Date("2027-03-03T12:00:00Z"));
    await study(ada.id, "done", 1);
    world.first.clock.set(new Date("2027-03-08T12:00:00Z"));
    await study(bob.id, "done", 3);
    // Week 2's post, week 1's board closed, then week 3's post on the Monday of break week 2.
    for (const at of ["2027-03-08T12:00:00Z", "2027-03-10T00:02:00Z", "2027-03-15T09:00:00Z"]) await world.first.tickAt(new Date(at));
    drawn = setup.topFive("week 3");
    // Bob takes back one of his week 1 readings, then break week 2 ends and its board closes.
    world.first.clock.set(new Date("2027-03-16T12:00:00Z"));
    await study(bob.id, "undo", 1);
    for (const at of ["2027-03-16T12:00:00Z", "2027-03-17T00:02:00Z", "2027-03-17T00:04:00Z"]) await world.first.tickAt(new Date(at));
  });
  afterAll(async () => setup.world.close());

  it("keeps week 3's 'Week 1 top five' as week 1's board closed it", () => {
    expect(drawn).toContain("Week 1 top five");
    expect(drawn).toContain("🥇 **Bob Builder**");
    expect(drawn).toContain("🥈 **Ada Lovelace**");
    expect(setup.topFive("week 3")).toBe(drawn);
    expect(setup.weekBoard(1)).toContain("🥇 **Bob Builder**");
  });
});

/**
 * Posts at Monday 00:00 of a Monday start: week 2's post goes out just after week 1 ended, with its final
 * standings. Week 1's board closes a minute later; a reading of week 1 taken back in between is on that board,
 * but week 2's post, drawn after the week was over, is not drawn again.
 */
describe("a weekly post sent after the week it ranks is over", () => {
  let setup: Awaited<ReturnType<typeof midweekWorld>>;
  let drawn = "";
  let weekTwoEdits = 0;

  beforeAll(async () => {
    setup = await midweekWorld("2027-03-01", new Date("2027-03-01T08:00:00Z"));
    const { world, ada, bob, command, study } = setup;
    expect(visibleText(await command(world.admin.id, "cohort edit", { cohort: "Midweek", announce_time: "00:00" }))).toContain("00:00");
    await world.first.tickAt(new Date("2027-03-01T08:00:00Z"));
    world.first.clock.set(new Date("2027-03-01T12:00:00Z"));
    await study(ada.id, "done", 1);
    world.first.clock.set(new Date("2027-03-06T12:00:00Z"));
    await study(bob.id, "done", 3);
    await world.first.tickAt(new Date("2027-03-08T00:00:20Z"));
    const weekTwo = world.posts(setup.channel.id).find((post) => postLabel(post.message) === "week 2");
    world.emulator.on("messageUpdate", (message: { id: string }) => {
      if (message.id === weekTwo?.message.id) weekTwoEdits += 1;
    });
    drawn = setup.topFive("week 2");
    world.first.clock.set(new Date("2027-03-08T00:00:40Z"));
    await study(bob.id, "undo", 1);
    for (const at of ["2027-03-08T00:02:00Z", "2027-03-08T00:04:00Z"]) await world.first.tickAt(new Date(at));
  });
  afterAll(async () => setup.world.close());

  it("leaves week 2's post as it was drawn when week 1's board closes after it", () => {
    expect(drawn).toContain("Week 1 top five");
    expect(drawn).toContain("🥇 **Bob Builder**");
    expect(drawn).toContain("🥈 **Ada Lovelace**");
    // The reading taken back is on week 1's final board: Bob's points there are not the post's.
    const bobDrawn = drawn.split("\n").find((line) => line.includes("Bob Builder")) ?? "";
    expect(setup.weekBoard(1)).toContain("Week 1 is over");
    expect(setup.weekBoard(1)).toContain("🥇 **Bob Builder** · ");
    expect(setup.weekBoard(1)).not.toContain(bobDrawn);
    expect(setup.topFive("week 2")).toBe(drawn);
    expect(weekTwoEdits).toBe(0);
  });
});
