import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonIdOf, buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { moreSection, shortCheckpointPath } from "../helpers/shortCheckpointPath.js";

/** Three sections; the last two end in week 3, so their prompts go out on the same day. */
function shortPath(options: { withMore: boolean }): string {
  const last = { heading: "Week 3: Last", items: ["Five"], checkpoint: "You can explain the last." };
  return shortCheckpointPath(options.withMore ? [moreSection, last] : [last]);
}

/** Members answering checkpoints as a cohort does, and what the facilitators then read, through discord.js and the emulator. */
describe("checkpoint answers as members give them and facilitators read them", () => {
  describe("on the built-in learning path, whose last section has no checkpoint paragraph", () => {
    let bot: BotHarness;
    const cohortName = "Backend Spring 2027";

    beforeAll(async () => {
      // Monday of week 1, the course's first day: /checkpoint offers the first section's checkpoint.
      bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
      await bot.createCohort();
    });
    afterAll(async () => bot.close());

    it("tells a member on /checkpoint that admins see each answer, as the channel's prompt does", async () => {
      const ada = bot.member("ada");
      await bot.reply(ada.id, "join", { cohort: cohortName });
      const reply = await bot.reply(ada.id, "checkpoint");
      expect(visibleText(reply)).toContain("Admins see each member's answer.");
    });

    it("counts an answer to the last section's checkpoint in /cohort info's self-assessments, as in its confidence map", async () => {
      const bob = bot.member("bob");
      await bot.reply(bob.id, "join", { cohort: cohortName });
      bot.clock.set(new Date("2027-03-24T10:00:00Z"));
      const capstone = await bot.reply(bob.id, "checkpoint");
      expect(capstone.embeds[0]?.title).toBe("✅ Checkpoint · Production Blueprints & Capstone");
      await bot.click(bob.id, capstone.id, buttonIdOf(capstone, "Partly")).final();
      const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
      const tallies = info.slice(info.indexOf("Checkpoint self-assessments"), info.indexOf("Confidence map"));
      expect(tallies).toContain("Production Blueprints & Capstone: Confident 0 · Partly 1 · Not yet 0");
      expect(info).toContain("Production Blueprints & Capstone: Confident 0/0 · Partly 0/1 · Not yet 0/0");
    });

    it("counts in /cohort info's self-assessments only the members still in the cohort, as its member count and confidence map do", async () => {
      const cy = bot.member("cy");
      await bot.reply(cy.id, "join", { cohort: cohortName });
      const capstone = await bot.reply(cy.id, "checkpoint");
      await bot.click(cy.id, capstone.id, buttonIdOf(capstone, "Confident")).final();
      await bot.reply(cy.id, "leave", { cohort: cohortName });
      const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
      const tallies = info.slice(info.indexOf("Checkpoint self-assessments"), info.indexOf("Confidence map"));
      expect(tallies).toContain("Production Blueprints & Capstone: Confident 0 · Partly 1 · Not yet 0");
      expect(info).toContain("Production Blueprints & Capstone: Confident 0/0 · Partly 0/1 · Not yet 0/0");
    });
  });

  describe("on a curriculum re-imported after members answered", () => {
    let bot: BotHarness;
    let ada: { id: string };
    const cohortName = "Short";
    const posts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);
    const promptOf = (section: string) => posts().find((message) => message.embeds[0]?.title === `✅ Checkpoint · ${section}`);

    beforeAll(async () => {
      bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
      await bot.reply(bot.admin.id, "curriculum import", { file: { name: "short.md", content: shortPath({ withMore: true }) } });
      await bot.createCohort({ name: cohortName, curriculum: "short-path", start: "2027-01-04" });
      ada = bot.member("ada");
      await bot.reply(ada.id, "join", { cohort: cohortName });
      for (const at of ["2027-01-15T17:00:00Z", "2027-01-22T17:00:00Z"]) {
        bot.clock.set(new Date(at));
        await bot.test.app.scheduler.tick(bot.clock.now());
      }
    });
    afterAll(async () => bot.close());

    it("posts the prompts of two sections that end the same week, and /checkpoint offers both", async () => {
      expect(posts().map((message) => message.embeds[0]?.title)).toEqual(
        expect.arrayContaining(["✅ Checkpoint · More", "✅ Checkpoint · Last"]),
      );
      const reply = await bot.reply(ada.id, "checkpoint");
      expect(reply.embeds.map((embed) => embed.title)).toEqual(["✅ Checkpoint · More", "✅ Checkpoint · Last"]);
      // A row each, its buttons naming their section.
      expect(buttonsOf(reply).map((button) => button.label)).toEqual([
        "More: Confident",
        "More: Partly",
        "More: Not yet",
        "Last: Confident",
        "Last: Partly",
        "Last: Not yet",
      ]);
      const answered = await bot.click(ada.id, reply.id, buttonIdOf(reply, "Last: Not yet")).final();
      expect(visibleText(answered)).toContain("Recorded **Not yet** for the **Last** checkpoint.");
      const again = await bot.reply(ada.id, "checkpoint");
      expect(visibleText(again)).toContain("Your answer so far: **Not yet**.");
      expect(buttonsOf(again).map((button) => button.label)).toContain("Last: ✓ Not yet");
    });

    it("shows on a member's roster line only the answers of the curriculum's sections once one was removed", async () => {
      for (const section of ["Basics", "More", "Last"]) {
        const prompt = promptOf(section);
        if (prompt === undefined) throw new Error(`${section}'s prompt was not posted`);
        await bot.click(ada.id, prompt.id, buttonIdOf(prompt, "Not yet")).final();
      }
      const preview = await bot.reply(bot.admin.id, "curriculum import", {
        file: { name: "short.md", content: shortPath({ withMore: false }) },
      });
      await bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Confirm update")).final();
      const roster = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName }));
      const line = roster.split("\n").find((entry) => entry.includes(`<@${ada.id}>`)) ?? "";
      // Basics and Last are left; More's answer stays stored (exports) but is no checkpoint of the cohort any more.
      expect(line).toContain("✅ 0 🟡 0 🔴 2");
      const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
      const tallies = info.slice(info.indexOf("Checkpoint self-assessments"), info.indexOf("Confidence map"));
      expect(tallies.split("\n").filter((line) => line.includes(": Confident"))).toEqual([
        "Basics: Confident 0 · Partly 0 · Not yet 1",
        "Last: Confident 0 · Partly 0 · Not yet 1",
      ]);
    });
  });
});
