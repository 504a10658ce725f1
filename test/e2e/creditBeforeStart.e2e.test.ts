import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/** Saturday before a cohort's first day (Monday 2027-01-04). */
const now = new Date("2027-01-02T12:00:00Z");

describe("/cohort credit before the course's first day", () => {
  const harness = useBotHarness({ now });

  it("tells the admin when the member's streak starts as the member's, not as the admin's own", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.join(ada, cohort, { name: "Ada" });
    const [item] = await bot.autocomplete(bot.admin.id, "cohort credit", "item", { cohort: String(cohort.id), member: ada.id, item: "" });
    const options = { cohort: String(cohort.id), member: ada.id, item: String(item?.value ?? "") };
    const english = visibleText(await bot.reply(bot.admin.id, "cohort credit", options));
    expect(english).toContain(`Logged for <@${ada.id}>`);
    expect(english).toContain("Streak: starts on **Mon, 4 Jan 2027**, their first study day of the course");
    expect(english).not.toMatch(/\byour\b/i);

    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    await bot.reply(directora.id, "cohort credit", { ...options, undo: true });
    const spanish = visibleText(await bot.reply(directora.id, "cohort credit", options));
    expect(spanish).toContain("su primer día de estudio del curso");
    expect(spanish).not.toMatch(/\btu\b/);

    // The member's own /done still speaks to them.
    await bot.reply(directora.id, "cohort credit", { ...options, undo: true });
    const own = visibleText(await bot.reply(ada.id, "done", { item: String(item?.value ?? "") }));
    expect(own).toContain("your first study day of the course");
  });
});
