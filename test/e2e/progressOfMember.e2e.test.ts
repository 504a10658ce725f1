import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** `/progress member:` asked by a member of several cohorts, without `cohort:`, through discord.js and the emulator. */
describe("/progress member: from a member of several cohorts", () => {
  let bot: BotHarness;
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-06T10:00:00Z") });
    await bot.createCohort({ name: "Backend Spring 2027" });
    await bot.createCohort({ name: "Backend Autumn 2027" });
    await bot.createCohort({ name: "Mastery Evenings" });
    ada = bot.member("ada-asks");
    await bot.reply(ada.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(ada.id, "join", { cohort: "Backend Autumn 2027" });
    await bot.reply(ada.id, "join", { cohort: "Mastery Evenings" });
  });
  afterAll(async () => bot.close());

  const progressOf = async (userId: string) => {
    const reply = await bot.reply(ada.id, "progress", { member: userId });
    expect(reply.ephemeral).toBe(true);
    return visibleText(reply);
  };

  it("shows the progress of someone who shares only one of them with the caller, in that cohort", async () => {
    const bob = bot.member("bob-one");
    await bot.reply(bob.id, "join", { cohort: "Backend Autumn 2027" });
    await bot.reply(bob.id, "done", { item: "Storage Engines" });
    const text = await progressOf(bob.id);
    expect(text).toContain("Progress · bob-one");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).toContain("Required items: ▱▱▱▱▱▱▱▱▱▱ **1/109**");
  });

  it("asks which cohort when the caller shares several with them, naming only those", async () => {
    const cy = bot.member("cy-both");
    await bot.reply(cy.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(cy.id, "join", { cohort: "Backend Autumn 2027" });
    const text = await progressOf(cy.id);
    expect(text).toContain("You share several cohorts with them");
    expect(text).toContain("Backend Spring 2027");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).not.toContain("Mastery Evenings");
    expect(await progressOf(ada.id)).toContain("Mastery Evenings");
  });

  it("says at once that someone who shares none of the caller's cohorts is in none of them", async () => {
    await bot.createCohort({ name: "Frontend Evenings" });
    const dee = bot.member("dee-elsewhere");
    await bot.reply(dee.id, "join", { cohort: "Frontend Evenings" });
    const text = await progressOf(dee.id);
    expect(text).toContain("isn't in any of your cohorts");
    expect(text).not.toContain("Backend Spring 2027");
  });
  it("shows the progress of someone who left the one cohort they shared with the caller, saying they left", async () => {
    const eve = bot.member("eve-left");
    await bot.reply(eve.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(eve.id, "done", { item: "Storage Engines" });
    await bot.reply(eve.id, "leave", { cohort: "Backend Spring 2027" });
    const text = await progressOf(eve.id);
    expect(text).toContain("Progress · eve-left");
    expect(text).toContain("Backend Spring 2027");
    expect(text).toContain("eve-left has left this cohort");
    expect(text).not.toContain("isn't in any of your cohorts");
  });

  it("prefers the shared cohort they are still in over one they left, without asking", async () => {
    const finn = bot.member("finn-stayed");
    await bot.reply(finn.id, "join", { cohort: "Backend Spring 2027" });
    await bot.reply(finn.id, "join", { cohort: "Backend Autumn 2027" });
    await bot.reply(finn.id, "leave", { cohort: "Backend Spring 2027" });
    const text = await progressOf(finn.id);
    expect(text).toContain("Progress · finn-stayed");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).not.toContain("has left this cohort");
    expect(text).not.toContain("You share several cohorts with them");
  });
});
