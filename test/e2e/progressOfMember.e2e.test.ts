import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/** `/progress member:` asked by a member of several cohorts, without `cohort:`, through discord.js and the emulator. */
describe("/progress member: from a member of several cohorts", () => {
  const harness = useBotHarness({ now: new Date("2027-01-06T10:00:00Z") });
  let ada: { id: string };
  /** A new member `username` who has run /join for each of `cohorts`, in order. */
  const memberOf = async (username: string, ...cohorts: string[]) => {
    const user = harness.bot.member(username);
    for (const cohort of cohorts)
      expect(visibleText(await harness.bot.reply(user.id, "join", { cohort }))).toContain(`Welcome to **${cohort}**!`);
    return user;
  };

  beforeAll(async () => {
    for (const name of ["Backend Spring 2027", "Backend Autumn 2027", "Mastery Evenings"]) await harness.bot.createCohort({ name });
    ada = await memberOf("ada-asks", "Backend Spring 2027", "Backend Autumn 2027", "Mastery Evenings");
  });

  const progressOf = async (userId: string) => {
    const reply = await harness.bot.reply(ada.id, "progress", { member: userId });
    expect(reply.ephemeral).toBe(true);
    return visibleText(reply);
  };

  it("shows the progress of someone who shares only one of them with the caller, in that cohort", async () => {
    const bob = await memberOf("bob-one", "Backend Autumn 2027");
    await harness.bot.reply(bob.id, "done", { item: "Storage Engines" });
    const text = await progressOf(bob.id);
    expect(text).toContain("Progress · bob-one");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).toContain("Required items: ▱▱▱▱▱▱▱▱▱▱ **1/109**");
  });

  it("asks which cohort when the caller shares several with them, naming only those", async () => {
    const cy = await memberOf("cy-both", "Backend Spring 2027", "Backend Autumn 2027");
    const text = await progressOf(cy.id);
    expect(text).toContain("You share several cohorts with them");
    expect(text).toContain("Backend Spring 2027");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).not.toContain("Mastery Evenings");
    expect(await progressOf(ada.id)).toContain("Mastery Evenings");
  });

  it("says at once that someone who shares none of the caller's cohorts is in none of them", async () => {
    await harness.bot.createCohort({ name: "Frontend Evenings" });
    const dee = await memberOf("dee-elsewhere", "Frontend Evenings");
    const text = await progressOf(dee.id);
    expect(text).toContain("isn't in any of your cohorts");
    expect(text).not.toContain("Backend Spring 2027");
  });
  it("shows the progress of someone who left the one cohort they shared with the caller, saying they left", async () => {
    const eve = await memberOf("eve-left", "Backend Spring 2027");
    await harness.bot.reply(eve.id, "done", { item: "Storage Engines" });
    await harness.bot.reply(eve.id, "leave", { cohort: "Backend Spring 2027" });
    const text = await progressOf(eve.id);
    expect(text).toContain("Progress · eve-left");
    expect(text).toContain("Backend Spring 2027");
    expect(text).toContain("eve-left has left this cohort");
    expect(text).not.toContain("isn't in any of your cohorts");
  });

  it("prefers the shared cohort they are still in over one they left, without asking", async () => {
    const finn = await memberOf("finn-stayed", "Backend Spring 2027", "Backend Autumn 2027");
    await harness.bot.reply(finn.id, "leave", { cohort: "Backend Spring 2027" });
    const text = await progressOf(finn.id);
    expect(text).toContain("Progress · finn-stayed");
    expect(text).toContain("Backend Autumn 2027");
    expect(text).not.toContain("has left this cohort");
    expect(text).not.toContain("You share several cohorts with them");
  });
});
