import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rosterGroupOf } from "../helpers/rosterGroupOf.js";

/** "More" and "Last" both end in week 3: their prompts go out at the same moment; "After" keeps the course running. */
const samePostingPath = [
  "Same Posting Path",
  "Week 1-2: Basics",
  "- [ ] Required -- One (20 min)",
  "- [ ] Required -- Two (20 min)",
  "Checkpoint",
  "You can explain the basics.",
  "Week 2-3: More",
  "- [ ] Required -- Three (20 min)",
  "- [ ] Required -- Four (20 min)",
  "Checkpoint",
  "You can explain more.",
  "Week 3: Last",
  "- [ ] Required -- Five (20 min)",
  "Checkpoint",
  "You can explain the last.",
  "Week 4: After",
  "- [ ] Required -- Six (20 min)",
  "- [ ] Required -- Seven (20 min)",
  "Checkpoint",
  "You can explain what comes after.",
  "",
].join("\n");

const buttonId = (message: EmulatorMessage, label: string) => buttonsOf(message).find((button) => button.label === label)?.customId ?? "";

/** The bot on Friday 2027-01-01 with the path above imported, a cohort `cohortName` on it from Monday, and `names` in it. */
async function startOnSamePath<Name extends string>(cohortName: string, names: readonly Name[]) {
  const bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
  await bot.reply(bot.admin.id, "curriculum import", { file: { name: "same.md", content: samePostingPath } });
  const cohort = await bot.createCohort({ name: cohortName, curriculum: "same-posting-path", start: "2027-01-04" });
  const people = {} as Record<Name, { id: string; username: string }>;
  for (const name of names) {
    people[name] = bot.member(name);
    await bot.join(people[name], cohort, { at: new Date("2027-01-04T08:00:00Z") });
  }
  return { bot, people };
}

/** The admin presses "Nudge <username>" on the roster of the cohort's members behind: what the admin is told. */
async function nudgeBehind(bot: BotHarness, cohortName: string, username: string): Promise<string> {
  const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName, filter: "behind" });
  const nudge = buttonsOf(roster).find((button) => button.label === `Nudge ${username}`);
  expect(nudge).toBeDefined();
  return visibleText(await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final());
}

/**
 * Two checkpoints posted at the same moment: a member who answered "Not yet" on either of them is listed under
 * "Not yet" with how many, whichever is listed last, and the filter agrees; one who simply left one unanswered stays
 * on track; a Nudge (to a member behind) names the one they left unanswered.
 */
describe("the roster and the Nudge read every checkpoint posted at the latest moment", () => {
  let bot: BotHarness;
  const cohortName = "Same";
  let people: Record<"ada" | "bob" | "cal" | "dan", { id: string; username: string }>;
  const posts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);
  const promptOf = (section: string) => {
    const prompt = posts().find((message) => message.embeds[0]?.title === `✅ Checkpoint · ${section}`);
    if (prompt === undefined) throw new Error(`${section}'s prompt was not posted`);
    return prompt;
  };
  const answer = async (userId: string, section: string, label: string) => {
    const prompt = promptOf(section);
    await bot.click(userId, prompt.id, buttonId(prompt, label)).final();
  };
  const lineOf = (text: string, userId: string) => text.split("\n").find((line) => line.includes(`<@${userId}>`)) ?? "";

  beforeAll(async () => {
    ({ bot, people } = await startOnSamePath(cohortName, ["ada", "bob", "cal", "dan"]));
    // Friday of week 3, after 17:00: More's and Last's prompts go out together.
    for (const at of ["2027-01-15T17:00:00Z", "2027-01-22T17:00:00Z", "2027-01-22T18:00:00Z"]) await tickAt(bot, at);
    // ada, cal and dan read everything due before today (on pace, not quiet); bob reads nothing (behind).
    for (const name of ["ada", "cal", "dan"] as const) {
      for (const weekNumber of [1, 2, 3]) {
        const { week } = await bot.test.app.services.study.week({
          guildId: bot.guild.id,
          userId: people[name].id,
          cohort: null,
          now: bot.clock.now(),
          weekNumber,
        });
        for (const day of week.days)
          for (const item of day.items)
            if (item.kind === "Required" && day.date < "2027-01-22")
              await bot.test.app.services.study.complete({
                guildId: bot.guild.id,
                userId: people[name].id,
                cohort: null,
                item: String(item.id),
                now: bot.clock.now(),
              });
      }
    }
    // ada: "Not yet" on More, Confident on Last; cal answers both; dan answers More only; bob answers Last only.
    await answer(people.ada.id, "More", "Not yet");
    await answer(people.ada.id, "Last", "Confident");
    await answer(people.cal.id, "More", "Confident");
    await answer(people.cal.id, "Last", "Partly");
    await answer(people.dan.id, "More", "Confident");
    await answer(people.bob.id, "Last", "Partly");
  });
  afterAll(async () => bot.close());

  it('lists a member who answered "Not yet" on one of the two under Not yet, saying so, and the filter agrees; one who left one unanswered stays on track', async () => {
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    const text = visibleText(roster);
    expect(rosterGroupOf(roster, people.ada.id)).toBe("Not yet");
    expect(lineOf(text, people.ada.id)).toContain("🤔 1/2");
    expect(text).toContain('🤔 2/3: "Not yet" on 2 of the 3 latest checkpoints');
    for (const name of ["cal", "dan"] as const) {
      expect(rosterGroupOf(roster, people[name].id), name).toBe("On track");
      expect(lineOf(text, people[name].id), name).not.toContain("🤔");
    }
    expect(text).toContain("🔴 Behind 1 · 💤 Quiet 0 · 🤔 Not yet 1 · 🟢 On track 2 · 🏁 Finished 0");
    const notYet = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName, filter: "not_yet" }));
    expect(notYet).toContain(`<@${people.ada.id}>`);
    for (const name of ["cal", "dan"] as const) expect(notYet).not.toContain(`<@${people[name].id}>`);
  });

  it('moves the member to On track once they change that answer, and back to Not yet for "Not yet" on the other one', async () => {
    await answer(people.ada.id, "More", "Partly");
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    expect(rosterGroupOf(roster, people.ada.id)).toBe("On track");
    await answer(people.ada.id, "Last", "Not yet");
    const again = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    expect(rosterGroupOf(again, people.ada.id)).toBe("Not yet");
    expect(lineOf(visibleText(again), people.ada.id)).toContain("🤔 1/2");
  });

  it("names the checkpoint a nudged member has not answered, to the admin and in the DM", async () => {
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName, filter: "behind" });
    expect(rosterGroupOf(roster, people.bob.id)).toBe("Behind");
    const answered = await nudgeBehind(bot, cohortName, "bob");
    expect(answered).toContain("Nudged");
    expect(answered).toContain("**More**");
    expect(answered).not.toContain("Last");
    const dms = bot.emulator.dmMessages(people.bob.id);
    expect(dms).toHaveLength(1);
    const dm = visibleText(dms[0] as EmulatorMessage);
    expect(dm).toContain("**More**");
    expect(dm).not.toContain("Last");
  });
});

/**
 * After the closing post no checkpoint takes answers (its buttons refuse): a member who finishes late, behind and
 * nudged then, is not told a checkpoint is still waiting for them.
 */
describe("the Nudge after the closing post names no checkpoint", () => {
  let bot: BotHarness;
  const cohortName = "Closed";
  let eve: { id: string; username: string };

  beforeAll(async () => {
    let people: Record<"eve", { id: string; username: string }>;
    ({ bot, people } = await startOnSamePath(cohortName, ["eve"]));
    eve = people.eve;
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    for (let week = 1; week <= 2; week += 1) expect(visibleText(await bot.reply(eve.id, "pace", { mode: "extend" }))).toContain(cohortName);
    // Week 4's Friday brings After's prompt (the last one); the Monday after, the closing post.
    for (const at of ["2027-01-29T17:00:30Z", "2027-01-29T18:00:00Z", "2027-02-01T09:00:30Z", "2027-02-01T18:00:00Z"])
      await tickAt(bot, at);
    bot.clock.set(new Date("2027-02-02T12:00:00Z"));
  }, 180_000);
  afterAll(async () => bot.close());

  it("nudges a member who finishes late without naming the checkpoint they can no longer answer", async () => {
    const prompt = bot.emulator
      .channelMessages(bot.channel.id)
      .find((message) => message.authorId === bot.emulator.botUserId && message.embeds[0]?.title === "✅ Checkpoint · After");
    expect(prompt).toBeDefined();
    const refused = visibleText(await bot.click(eve.id, prompt?.id ?? "", buttonId(prompt as EmulatorMessage, "Confident")).final());
    expect(refused).toContain("take no more answers");
    const answered = await nudgeBehind(bot, cohortName, "eve");
    expect(answered).toContain("Nudged");
    expect(answered).not.toContain("checkpoint");
    const dms = bot.emulator.dmMessages(eve.id);
    expect(dms).toHaveLength(1);
    const dm = visibleText(dms[0] as EmulatorMessage);
    expect(dm).not.toContain("After");
    expect(dm).not.toContain("waiting for your answer");
  });
});

/**
 * A prompt the scheduler skipped (more than 24 hours late) never reached the channel: the Nudge does not send the
 * member looking for it.
 */
describe("the Nudge names no checkpoint whose prompt was never posted", () => {
  let bot: BotHarness;
  const cohortName = "Skipped";
  let bob: { id: string; username: string };

  beforeAll(async () => {
    let people: Record<"bob", { id: string; username: string }>;
    ({ bot, people } = await startOnSamePath(cohortName, ["bob"]));
    bob = people.bob;
    // More's and Last's prompts go out on week 3's Friday; After's, due on week 4's Friday, is over 24 hours late.
    for (const at of ["2027-01-22T17:00:30Z", "2027-01-22T18:00:00Z", "2027-01-30T19:00:00Z"]) await tickAt(bot, at);
  }, 180_000);
  afterAll(async () => bot.close());

  it("nudges a member behind without naming the checkpoint whose prompt was skipped", async () => {
    const posted = bot.emulator.channelMessages(bot.channel.id).map((message) => message.embeds[0]?.title ?? "");
    expect(posted).toContain("✅ Checkpoint · Last");
    expect(posted).not.toContain("✅ Checkpoint · After");
    const answered = await nudgeBehind(bot, cohortName, "bob");
    expect(answered).toContain("Nudged");
    expect(answered).not.toContain("After");
    const dm = visibleText(bot.emulator.dmMessages(bob.id)[0] as EmulatorMessage);
    expect(dm).toContain("Your facilitators");
    expect(dm).not.toContain("After");
  });
});
