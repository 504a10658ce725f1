import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, visibleText } from "../helpers/botHarness.js";
import { postLabel, startSchedulerWorld, type SchedulerWorld } from "../helpers/schedulerWorld.js";

/**
 * A member who `/leave`s and `/join`s again, through discord.js and the emulator: the live weekly
 * board shows them again at its next edit, and coming back in a later course week than the leave is
 * a late join (the same two buttons, earlier items a backlog, a catch-up left undone included, quiet
 * counted from the return, the first join kept); within the same week it is a plain welcome back.
 * The cohort starts Monday 2027-03-01 (UTC); its week-1 post goes out at 09:00.
 */
const cohortName = "Return Spring";
const at = (iso: string) => new Date(iso);

describe("a member who leaves and joins again", () => {
  let world: SchedulerWorld;
  let channelId: string;
  let alice: { id: string };
  let bob: { id: string };

  const board = () => {
    const found = world.posts(channelId, { liveBoards: true }).findLast((post) => postLabel(post.message).startsWith("live board"));
    if (found === undefined) throw new Error("no live board");
    return visibleText(found.message);
  };
  const runAs = (userId: string, name: string, options: Record<string, string | boolean> = {}) =>
    world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();

  beforeAll(async () => {
    world = await startSchedulerWorld(at("2027-03-01T08:00:00Z"));
    channelId = world.createChannel("return").id;
    await world.createCohort({ name: cohortName, channelId, start: "2027-03-01" });
    alice = world.emulator.createMember(world.guild.id, { username: "alice", displayName: "Alice Hopper" });
    bob = world.emulator.createMember(world.guild.id, { username: "bob", displayName: "Bob Kernighan" });
    expect((await world.first.tickAt(at("2027-03-01T09:00:00Z"))).sent.map((post) => post.period)).toEqual(["week-1"]);
  });
  afterAll(async () => world.close());

  it("is back on the live weekly board at its next edit", async () => {
    world.first.clock.set(at("2027-03-01T09:05:00Z"));
    await runAs(alice.id, "join", { cohort: cohortName });
    expect(visibleText(await runAs(alice.id, "done", { item: "Storage Engines" }))).toContain("Storage Engines");
    await world.first.tickAt(at("2027-03-01T09:06:00Z"));
    expect(board()).toContain("Alice Hopper");

    world.first.clock.set(at("2027-03-01T09:10:00Z"));
    await runAs(alice.id, "leave", { cohort: cohortName });
    await world.first.tickAt(at("2027-03-01T09:10:05Z"));
    expect(board()).toContain("No points yet this week");

    world.first.clock.set(at("2027-03-01T09:20:00Z"));
    expect(visibleText(await runAs(alice.id, "join", { cohort: cohortName }))).toContain("Welcome back");
    expect((await world.first.tickAt(at("2027-03-01T09:20:05Z"))).boardsEdited).toBe(1);
    expect(board()).toContain("Alice Hopper");
    expect(board()).not.toContain("No points yet this week");
  });

  it("after the first week, gets the late joiner's choice, no overdue items, and is not counted quiet on the first day back", async () => {
    world.first.clock.set(at("2027-03-02T10:00:00Z"));
    await runAs(bob.id, "join", { cohort: cohortName });
    expect(visibleText(await runAs(bob.id, "done", { item: "Storage Engines" }))).toContain("Storage Engines");
    await runAs(bob.id, "leave", { cohort: cohortName });

    // Monday of week 4.
    world.first.clock.set(at("2027-03-22T10:00:00Z"));
    const welcome = await runAs(bob.id, "join", { cohort: cohortName });
    expect(visibleText(welcome)).toContain("Welcome back");
    expect(buttonsOf(welcome).map((button) => button.label)).toEqual(["Start from this week", "Catch up"]);

    const today = visibleText(await runAs(bob.id, "today"));
    expect(today).not.toContain("Overdue");
    expect(today).toContain("📚 From before you came back:");
    // /pace words that backlog as /today does: they joined weeks before it.
    const pace = visibleText(await runAs(bob.id, "pace"));
    expect(pace).toContain("of them from before you came back");
    expect(pace).not.toContain("from before you joined");
    // Their completion stays: the backlog is what they have not done.
    expect(visibleText(await runAs(bob.id, "done", { item: "Storage Engines" }))).toContain("already");

    const quiet = visibleText(await runAs(world.admin.id, "cohort roster", { cohort: cohortName, filter: "quiet" }));
    expect(quiet).not.toContain(`<@${bob.id}>`);

    const started = await world.emulator
      .clickButton({ userId: bob.id, messageId: welcome.id, customId: buttonsOf(welcome)[0]?.customId ?? "" })
      .final();
    expect(visibleText(started)).toContain("You start from this week");
  });

  it("back weeks after a catch-up left undone, finds those items a backlog, not overdue", async () => {
    const bo = world.emulator.createMember(world.guild.id, { username: "bo", displayName: "Bo Liskov" });
    // Tuesday of week 2: a late join, the backlog spread by *Catch up*, then gone with it undone.
    world.first.clock.set(at("2027-03-09T10:00:00Z"));
    const first = await runAs(bo.id, "join", { cohort: cohortName });
    const caughtUp = await world.emulator
      .clickButton({ userId: bo.id, messageId: first.id, customId: buttonsOf(first)[1]?.customId ?? "" })
      .final();
    expect(visibleText(caughtUp)).not.toContain("You start from this week");
    await runAs(bo.id, "leave", { cohort: cohortName });

    // Monday of week 6: the catch-up's days are weeks in the past.
    world.first.clock.set(at("2027-04-05T10:00:00Z"));
    const welcome = await runAs(bo.id, "join", { cohort: cohortName });
    expect(buttonsOf(welcome).map((button) => button.label)).toEqual(["Start from this week", "Catch up"]);
    const today = visibleText(await runAs(bo.id, "today"));
    expect(today).not.toContain("Overdue");
    const behind = visibleText(await runAs(world.admin.id, "cohort roster", { cohort: cohortName, filter: "behind" }));
    expect(behind).not.toContain(`<@${bo.id}>`);
    const started = await world.emulator
      .clickButton({ userId: bo.id, messageId: welcome.id, customId: buttonsOf(welcome)[0]?.customId ?? "" })
      .final();
    expect(visibleText(started)).toContain("You start from this week");
  });

  it("leaving and joining again within the same week is a plain welcome back: what was overdue still is", async () => {
    const dee = world.emulator.createMember(world.guild.id, { username: "dee", displayName: "Dee Hamilton" });
    world.first.clock.set(at("2027-04-05T11:00:00Z"));
    const first = await runAs(dee.id, "join", { cohort: cohortName });
    await world.emulator.clickButton({ userId: dee.id, messageId: first.id, customId: buttonsOf(first)[0]?.customId ?? "" }).final();

    // Thursday of the same week: Monday's to Wednesday's reading is overdue.
    world.first.clock.set(at("2027-04-08T10:00:00Z"));
    expect(visibleText(await runAs(dee.id, "today"))).toContain("Overdue");
    await runAs(dee.id, "leave", { cohort: cohortName });
    world.first.clock.set(at("2027-04-08T10:01:00Z"));
    const welcome = await runAs(dee.id, "join", { cohort: cohortName });
    expect(visibleText(welcome)).toContain("Welcome back");
    expect(visibleText(welcome)).not.toContain("reminder");
    expect(buttonsOf(welcome)).toEqual([]);
    const today = visibleText(await runAs(dee.id, "today"));
    expect(today).toContain("Overdue");
    expect(today).toContain("📚 From before you joined:");
    const behind = visibleText(await runAs(world.admin.id, "cohort roster", { cohort: cohortName, filter: "behind" }));
    expect(behind).toContain(`<@${dee.id}>`);
  });

  it("tells a member whose daily reminder was on that it is on again, as none came while they were away", async () => {
    const eli = world.emulator.createMember(world.guild.id, { username: "eli", displayName: "Eli Ritchie" });
    world.first.clock.set(at("2027-04-06T07:00:00Z"));
    await runAs(eli.id, "join", { cohort: cohortName });
    expect(visibleText(await runAs(eli.id, "remind", { time: "08:30" }))).toContain("08:30");
    await runAs(eli.id, "leave", { cohort: cohortName });
    world.first.clock.set(at("2027-04-06T07:10:00Z"));
    const welcome = visibleText(await runAs(eli.id, "join", { cohort: cohortName }));
    expect(welcome).toContain("Welcome back");
    expect(welcome).toContain("Your daily reminder is on again, at **08:30** (UTC): `/remind off:True` stops it.");
  });

  it("keeps the first join in the admin export, the return beside it", async () => {
    const message = await runAs(world.admin.id, "cohort export", { cohort: cohortName, format: "json" });
    const body = (await (await fetch(message.attachments[0]?.url ?? "")).json()) as {
      members: { userId: string; joinedAt: string; returnedAt: string | null }[];
    };
    const entry = (userId: string) => body.members.find((member) => member.userId === userId);
    expect(entry(bob.id)).toMatchObject({ joinedAt: "2027-03-02T10:00:00.000Z", returnedAt: "2027-03-22T10:00:00.000Z" });
    // Alice came back within the week she left: a plain return, none stored.
    expect(entry(alice.id)).toMatchObject({ joinedAt: "2027-03-01T09:05:00.000Z", returnedAt: null });
  });
});
