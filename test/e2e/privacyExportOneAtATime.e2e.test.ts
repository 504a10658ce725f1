import { describe, expect, it, vi } from "vitest";
import { buttonsOf, useBotHarness, visibleText, waitLimitMs } from "../helpers/botHarness.js";

const uploadRoute = "PATCH /webhooks/:applicationId/:token/messages/:messageId";

describe("/privacy export:True runs one at a time per member", () => {
  const harness = useBotHarness({ now: new Date("2027-01-06T12:00:00Z") });

  it("tells a member whose copy is still being sent to wait, lets others export, and frees the turn however the upload ends", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04", name: "Private Cohort" });
    const ada = bot.member("ada");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await bot.join(ada, cohort);
    await bot.join(lucia, cohort);
    const exportFor = (userId: string) => bot.run(userId, "privacy", { export: true }).final();
    // The turn is freed as the bot hears how the upload went, just after the member sees it: ask until a copy comes.
    const exportedOnceFree = (userId: string) =>
      vi.waitFor(
        async () => {
          const message = await exportFor(userId);
          expect(message.attachments).toHaveLength(1);
        },
        { timeout: waitLimitMs, interval: 50 },
      );

    const held = bot.emulator.holdNext(uploadRoute);
    const first = exportFor(ada.id);
    await held.arrived;
    const refused = await exportFor(ada.id);
    expect(visibleText(refused)).toContain("Your copy is still being made");
    expect(refused.attachments).toHaveLength(0);
    expect(refused.ephemeral).toBe(true);
    // Another member's copy is theirs to take meanwhile.
    expect((await exportFor(lucia.id)).attachments).toHaveLength(1);
    held.release();
    expect((await first).attachments).toHaveLength(1);
    await exportedOnceFree(ada.id);

    // Discord failing the upload (its errors after the retries) frees the turn too.
    bot.emulator.failNext(uploadRoute, 503, 4);
    expect((await exportFor(lucia.id)).attachments).toHaveLength(0);
    await exportedOnceFree(lucia.id);

    // In Spanish.
    const heldAgain = bot.emulator.holdNext(uploadRoute);
    const second = exportFor(lucia.id);
    await heldAgain.arrived;
    expect(visibleText(await exportFor(lucia.id))).toContain("Tu copia todavía se está preparando");
    heldAgain.release();
    await second;
  });

  it("saves a setting sent with export:True, and asks a delete sent with it, while the member's copy is still being sent", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04", name: "Busy Private Cohort" });
    const bea = bot.member("bea");
    await bot.join(bea, cohort);
    const held = bot.emulator.holdNext(uploadRoute);
    const first = bot.run(bea.id, "privacy", { export: true }).final();
    await held.arrived;

    const saved = await bot.run(bea.id, "privacy", { leaderboard: "alias", export: true }).final();
    expect(visibleText(saved)).toContain("Saved: this applies to all your cohorts in this server.");
    expect(visibleText(saved)).toContain("Your copy is still being made");
    expect(saved.attachments).toHaveLength(0);
    const asked = await bot.run(bea.id, "privacy", { nudges: "off", delete: true, export: true }).final();
    expect(visibleText(asked)).toContain("Saved: this applies to all your cohorts in this server.");
    expect(visibleText(asked)).toContain("Your copy is still being made");
    expect(buttonsOf(asked).map((button) => button.label)).toContain("Delete my data");
    expect(asked.attachments).toHaveLength(0);

    held.release();
    expect((await first).attachments).toHaveLength(1);
  });
});
