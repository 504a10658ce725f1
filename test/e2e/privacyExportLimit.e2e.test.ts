import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/privacy export:True` of a long history: audit lines and reminder deliveries grow without limit, so
 * the copy can outgrow Discord's 10 MB attachment limit. The command acknowledges at once (the work can
 * be long) and, past the limit, says so in the member's language rather than fail.
 */
describe("/privacy export:True of a history larger than Discord's attachment limit", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  let bea: { id: string };
  const cohortName = "Long Haul";

  /** Audit lines about the user (an admin's credits, say) with long details: 1,100 × 10 KB is about 11 MB. */
  const fillHistory = async (userId: string) => {
    const prisma = bot.test.app.database.prisma;
    const member = await prisma.member.findFirstOrThrow({ where: { userId } });
    const details = JSON.stringify({ note: "n".repeat(10_000) });
    const createdAt = bot.clock.now();
    await prisma.auditEntry.createMany({
      data: Array.from({ length: 1_100 }, () => ({
        guildId: bot.guild.id,
        cohortId: member.cohortId,
        actorId: bot.admin.id,
        action: "credit",
        subjectUserId: userId,
        after: details,
        createdAt,
      })),
    });
    await prisma.reminderDelivery.createMany({
      data: Array.from({ length: 2_000 }, (_, day) => ({
        memberId: member.id,
        localDate: new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10),
        status: "sent",
        claimedAt: createdAt,
        sentAt: createdAt,
      })),
    });
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    bea = bot.member("bea");
    for (const member of [ada, lucia, bea]) await bot.reply(member.id, "join", { cohort: cohortName });
    await fillHistory(ada.id);
    await fillHistory(lucia.id);
  }, 120_000);
  afterAll(async () => bot.close());

  it("acknowledges at once, then refuses, naming the limit, with no file", async () => {
    const handle = bot.run(ada.id, "privacy", { export: true });
    expect((await handle.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const reply = await handle.final();
    expect(reply.attachments).toHaveLength(0);
    expect(visibleText(reply)).toContain("larger than Discord's 10 MB attachment limit");
  });

  it("still says a setting changed in the same request was saved, and still asks before deleting", async () => {
    const changed = await bot.reply(ada.id, "privacy", { export: true, leaderboard: "alias" });
    expect(visibleText(changed)).toContain("larger than Discord's 10 MB attachment limit");
    expect(visibleText(changed)).toContain("Saved: this applies to all your cohorts in this server.");
    const asked = await bot.reply(ada.id, "privacy", { export: true, delete: true });
    expect(visibleText(asked)).toContain("larger than Discord's 10 MB attachment limit");
    expect(buttonsOf(asked)).toHaveLength(1);
  });

  it("says so in Spanish", async () => {
    const reply = await bot.reply(lucia.id, "privacy", { export: true });
    expect(reply.attachments).toHaveLength(0);
    expect(visibleText(reply)).toContain("supera el límite de 10 MB");
  });

  it("copies fewer import documents, not none of the export, when the rest of the history is large", async () => {
    const prisma = bot.test.app.database.prisma;
    const cy = bot.member("cy", { manageGuild: true });
    await bot.reply(cy.id, "join", { cohort: cohortName });
    const member = await prisma.member.findFirstOrThrow({ where: { userId: cy.id } });
    const createdAt = bot.clock.now();
    // About 7 MB of audit lines, and two distinct 2 MB drafts: both would pass the limit; one fits.
    await prisma.auditEntry.createMany({
      data: Array.from({ length: 700 }, () => ({
        guildId: bot.guild.id,
        cohortId: member.cohortId,
        actorId: cy.id,
        action: "credit",
        after: JSON.stringify({ note: "n".repeat(10_000) }),
        createdAt,
      })),
    });
    const expiresAt = new Date(createdAt.getTime() + 86_400_000);
    await prisma.pendingImport.createMany({
      data: ["a", "b"].map((letter) => ({
        scope: bot.guild.id,
        userId: cy.id,
        slug: `draft-${letter}`,
        baseVersion: "",
        document: letter.repeat(2_000_000),
        createdAt,
        expiresAt,
      })),
    });
    const reply = await bot.reply(cy.id, "privacy", { export: true });
    const [file] = reply.attachments;
    if (file === undefined) throw new Error(`no attachment: ${visibleText(reply)}`);
    const text = await (await fetch(file.url)).text();
    expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024 * 1024);
    const data = JSON.parse(text) as { pendingImports: { documentInExport: boolean }[]; importDocuments: unknown[] };
    expect(data.pendingImports.map((preview) => preview.documentInExport).sort()).toEqual([false, true]);
    expect(data.importDocuments).toHaveLength(1);
  });

  it("still hands over a copy of a history that fits", async () => {
    const reply = await bot.reply(bea.id, "privacy", { export: true });
    expect(reply.attachments).toHaveLength(1);
  });
});
