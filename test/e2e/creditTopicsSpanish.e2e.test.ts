import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

/**
 * On the 36-week path items are topics ("tema", masculine in Spanish), not readings ("lectura", feminine): the
 * replies that say a topic is, or is not, logged never call it "marcada como hecha" (the wording is the same on both
 * paths, "registrado", which agrees with either), as `/undo`'s "ya no está marcado" agrees with a topic.
 */
describe("/cohort credit and /undo in Spanish on the 36-week path, whose items are topics", () => {
  const harness = useBotHarness({ now: new Date("2027-01-12T12:00:00Z") });

  it("says a topic is (or is not) logged without calling it a reading, to the admin and to the member", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Maestría", start: "2027-01-04", curriculum: "backend-engineer-complete-mastery-path" });
    const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa", locale: "es-ES", manageGuild: true });
    const ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    await bot.join(ana, cohort, { at: new Date("2027-01-05T12:00:00Z") });
    const [topic] = await bot.autocomplete(jefa.id, "cohort credit", "item", { cohort: String(cohort.id), member: ana.id, item: "" });
    const credit = (undo: boolean) =>
      bot.reply(jefa.id, "cohort credit", { cohort: String(cohort.id), member: ana.id, item: String(topic?.value), undo });

    await credit(false);
    expect(visibleText(await credit(false))).toMatch(/^<@\d+> ya tenía registrado \*\*.+\*\*, así que no ha cambiado nada\.$/);
    expect(visibleText(await credit(true))).toContain("ya no está marcado como hecho");
    expect(visibleText(await credit(true))).toMatch(/^<@\d+> no tiene registrado \*\*.+\*\*, así que no hay nada que retirar\.$/);
    expect(visibleText(await bot.reply(ana.id, "undo", { item: String(topic?.value) }))).toMatch(
      /^Aún no has registrado \*\*.+\*\*, así que no hay nada que deshacer\.$/,
    );
    // The audit trail names the credit and its removal without calling the topic a reading ("lectura").
    const audit = visibleText(await bot.reply(jefa.id, "cohort audit", { cohort: String(cohort.id) }));
    expect(audit).not.toMatch(/lectura/i);
    expect(audit).toContain("· marcó algo como hecho en nombre de un miembro · <@");
    expect(audit).toContain("· desmarcó algo en nombre de un miembro · <@");
  });

  it("words a reading on the 12-week path the same way", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Primavera", start: "2027-01-04" });
    const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefe", locale: "es-ES", manageGuild: true });
    const luis = bot.emulator.createMember(bot.guild.id, { username: "luis", locale: "es-ES" });
    await bot.join(luis, cohort, { at: new Date("2027-01-05T12:00:00Z") });
    const credit = (undo: boolean) =>
      bot.reply(jefa.id, "cohort credit", { cohort: String(cohort.id), member: luis.id, item: "Storage Engines", undo });

    await credit(false);
    expect(visibleText(await credit(false))).toMatch(/^<@\d+> ya tenía registrado \*\*Storage Engines\*\*, así que no ha cambiado nada\.$/);
    await credit(true);
    expect(visibleText(await credit(true))).toMatch(
      /^<@\d+> no tiene registrado \*\*Storage Engines\*\*, así que no hay nada que retirar\.$/,
    );
    expect(visibleText(await bot.reply(luis.id, "undo", { item: "Storage Engines", cohort: "Primavera" }))).toContain(
      "Aún no has registrado **Storage Engines**, así que no hay nada que deshacer.",
    );
  });
});
