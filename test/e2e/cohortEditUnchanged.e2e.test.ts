import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/**
 * `/cohort edit` whose every given value is already the cohort's changes nothing: the admin is told so, and the
 * audit log (`/cohort audit`) gains no "edited the settings" line for it; a real change still gets its line.
 */
describe("/cohort edit that changes nothing", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  const auditText = async () => visibleText(await harness.bot.reply(harness.bot.admin.id, "cohort audit", { cohort: "Same Values" }));

  it("says nothing changed and writes no audit line; a real change is saved and audited", async () => {
    const { bot } = harness;
    await bot.createCohort({ name: "Same Values" });
    const same = await bot.reply(bot.admin.id, "cohort edit", {
      cohort: "Same Values",
      name: "Same Values",
      announce_time: "09:00",
      leaderboard: "names",
      include_optional: false,
    });
    expect(visibleText(same)).toContain("Nothing changed: **Same Values** already has these settings.");
    expect(visibleText(same)).not.toContain("Saved.");
    expect(await auditText()).not.toContain("edited the settings");

    const none = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Same Values" });
    expect(visibleText(none)).toContain("Give at least one option to change.");
    expect(await auditText()).not.toContain("edited the settings");

    const changed = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Same Values", announce_time: "08:30" });
    expect(visibleText(changed)).toContain("Saved. These are **Same Values**'s settings now.");
    expect((await auditText()).split("edited the settings")).toHaveLength(2);
  });

  it("answers in Spanish for an admin whose Discord speaks it", async () => {
    const { bot } = harness;
    await bot.createCohort({ name: "Mismos Valores" });
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const same = await bot.reply(directora.id, "cohort edit", { cohort: "Mismos Valores", announce_time: "09:00" });
    expect(visibleText(same)).toContain("No ha cambiado nada: **Mismos Valores** ya tiene estos ajustes.");
  });
});
