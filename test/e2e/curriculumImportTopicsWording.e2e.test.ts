import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A path without time estimates counts topics, not readings ("lecturas"), as `/curriculum show`, the roster and
 * `/today` do: so do `/curriculum import`'s replies (the import, the update's diff, its result), in both languages.
 */
const topicsPath = (extra: string) =>
  ["Topic Path", "Week 1: Basics", "- [ ] Required -- Alpha", "- [ ] Required -- Beta", "Week 2: More", extra].join("\n");

describe("/curriculum import of a path without estimates", () => {
  let bot: BotHarness;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa", locale: "es-ES", manageGuild: true });
    const file = (content: string) => ({ file: { name: "topics.md", content } });
    texts.set("imported", visibleText(await bot.reply(jefa.id, "curriculum import", file(topicsPath("- [ ] Required -- Gamma")))));
    const preview = await bot.reply(jefa.id, "curriculum import", file(topicsPath("- [ ] Required -- Delta\n- [ ] Required -- Epsilon")));
    texts.set("diff", visibleText(preview));
    const confirm = buttonsOf(preview).find((button) => button.label === "Confirmar actualización")?.customId ?? "";
    texts.set("confirmed", visibleText(await bot.click(jefa.id, preview.id, confirm).final()));
    const english = await bot.reply(bot.admin.id, "curriculum import", file(topicsPath("- [ ] Required -- Zeta")));
    texts.set("englishDiff", visibleText(english));
    const other = ["Other Topics", "Week 1: Basics", "- [ ] Required -- One", "- [ ] Required -- Two", "Week 2: More"];
    const fresh = [...other, "- [ ] Required -- Three", "- [ ] Required -- Four", "- [ ] Required -- Five"].join("\n");
    texts.set("englishImport", visibleText(await bot.reply(bot.admin.id, "curriculum import", file(fresh))));
  }, 120_000);
  afterAll(async () => bot.close());

  it("counts topics in Spanish, never readings", () => {
    for (const [name, text] of texts) expect(`${name}: ${text}`).not.toMatch(/lectura/i);
    expect(texts.get("imported")).toContain("2 secciones, 3 temas.");
    expect(texts.get("diff")).toContain("Temas: 2 añadidos · 1 eliminado · 0 modificados · 2 sin cambios");
    expect(texts.get("diff")).toContain("Temas añadidos (2)");
    expect(texts.get("diff")).toContain("Ningún miembro había completado ningún tema eliminado: no se retira nada.");
    expect(texts.get("diff")).toContain("Temas eliminados (1)");
    expect(texts.get("confirmed")).toContain("los miembros conservan lo que completaron de los temas que siguen en él.");
    expect(texts.get("confirmed")).toContain("2 secciones, 4 temas.\n1 tema eliminado.");
  });

  it("counts topics in English, with no minutes", () => {
    expect(texts.get("englishImport")).toContain("2 sections, 5 topics.");
    expect(texts.get("englishDiff")).toContain("Topics: 1 added · 2 removed · 0 changed · 2 kept");
    expect(texts.get("englishDiff")).toContain("No member completed a removed topic: no completions are retired.");
    expect(texts.get("englishDiff")).toContain("Topics removed (2)");
    expect(texts.get("englishDiff")).not.toMatch(/reading|\bmin\b/i);
  });
});
