import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AuditAction } from "../../src/domain/audit/auditAction.js";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { InterleavedExportRepository } from "../helpers/InterleavedExportRepository.js";
import { startBotHarness, visibleText, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";

const uploadRoute = "PATCH /webhooks/:applicationId/:token/messages/:messageId";

describe("/cohort export runs one at a time per server", () => {
  let bot: BotHarness;
  let rows: InterleavedExportRepository | undefined;
  let cohort: Cohort;
  let other: { id: string };
  let directora: { id: string };
  beforeAll(async () => {
    bot = await startBotHarness({
      now: new Date("2027-01-20T12:00:00Z"),
      exportRepository: (prisma) => (rows = new InterleavedExportRepository(prisma)),
    });
    cohort = await bot.createCohort({ start: "2027-01-04", name: "Busy Cohort" });
    // A full first batch (200 members) and one more: an export lets other work run before it reads the rest.
    await bot.test.app.database.prisma.member.createMany({
      data: Array.from({ length: 201 }, (_, index) => ({
        cohortId: cohort.id,
        userId: String(100_000_000_000_000_000n + BigInt(index)),
        displayName: `Member ${index}`,
        joinedAt: new Date("2027-01-05T12:00:00Z"),
      })),
    });
    other = bot.member("other-admin", { manageGuild: true });
    directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
  });
  afterAll(async () => bot.close());

  const exportLines = () => bot.test.app.database.prisma.auditEntry.count({ where: { action: AuditAction.Export } });
  const exportAs = (userId: string, options: Record<string, string> = {}) =>
    bot.run(userId, "cohort export", { cohort: String(cohort.id), ...options }).final();
  const expectExported = async (userId: string) => {
    const message = await exportAs(userId);
    expect(message.attachments).toHaveLength(1);
    return message;
  };
  /**
   * Until every export's audit line says how its upload went: the bot frees the server's turn as it hears that,
   * just after the admin sees the reply, so only then is the next export sure to be the only one.
   */
  const uploadsSettled = () =>
    vi.waitFor(
      async () => {
        const lines = await bot.test.app.database.prisma.auditEntry.findMany({ where: { action: AuditAction.Export } });
        expect(lines.filter((line) => !(line.after ?? "").includes('"upload"'))).toEqual([]);
      },
      { timeout: waitLimitMs, interval: 50 },
    );
  const expectExportedOnceFree = async (userId: string) => {
    await uploadsSettled();
    return expectExported(userId);
  };
  beforeEach(uploadsSettled);

  it("tells a second admin, privately and in their language, that one is being built, and starts nothing", async () => {
    if (rows === undefined) throw new Error("no export repository");
    const before = await exportLines();
    const refusals: string[] = [];
    const ephemeral: boolean[] = [];
    rows.between = async () => {
      for (const userId of [other.id, directora.id, bot.admin.id]) {
        const refused = await exportAs(userId, { format: "json" });
        refusals.push(visibleText(refused));
        ephemeral.push(refused.ephemeral);
        expect(refused.attachments).toHaveLength(0);
      }
    };

    const first = await expectExported(bot.admin.id);

    expect(rows.between).toBeUndefined();
    expect(visibleText(first)).toContain("201 members exported");
    expect(refusals[0]).toContain("An export of this server is already being made");
    expect(refusals[1]).toContain("Ya se está haciendo una exportación en este servidor");
    expect(refusals[2]).toContain("An export of this server is already being made");
    expect(ephemeral).toEqual([true, true, true]);
    // Only the first export was made (its audit line), and once it was sent the server may export again.
    expect(await exportLines()).toBe(before + 1);
    await expectExportedOnceFree(other.id);
  });

  it("holds the server's turn until the file is uploaded", async () => {
    const held = bot.emulator.holdNext(uploadRoute);
    const first = exportAs(bot.admin.id);
    await held.arrived;
    const refused = await exportAs(other.id);
    expect(visibleText(refused)).toContain("An export of this server is already being made");
    held.release();
    expect((await first).attachments).toHaveLength(1);
    await expectExportedOnceFree(other.id);
  });

  it("tells an admin who mistyped the cohort that it is unknown, even while another export is being sent", async () => {
    const held = bot.emulator.holdNext(uploadRoute);
    const first = exportAs(bot.admin.id);
    await held.arrived;
    const mistyped = await bot.run(other.id, "cohort export", { cohort: "Busy Cohrot" }).final();
    expect(visibleText(mistyped)).toContain('There\'s no cohort called "Busy Cohrot" in this server');
    held.release();
    expect((await first).attachments).toHaveLength(1);
    await expectExportedOnceFree(other.id);
  });

  it("lets the server export again after Discord refused the upload, as too large or otherwise", async () => {
    bot.emulator.failNext(uploadRoute, 413, 1, { body: { message: "Request entity too large", code: 40005 } });
    expect(visibleText(await exportAs(bot.admin.id))).toContain("Discord refused the file as too large");
    await expectExportedOnceFree(other.id);
    bot.emulator.failNext(uploadRoute, 403, 1, { body: { message: "Missing Permissions", code: 50013 } });
    expect((await exportAs(bot.admin.id)).attachments).toHaveLength(0);
    await expectExportedOnceFree(other.id);
  });

  it("lets the server export again after the upload failed (Discord's errors after the retries)", async () => {
    bot.emulator.failNext(uploadRoute, 503, 4);
    expect((await exportAs(bot.admin.id)).attachments).toHaveLength(0);
    await expectExportedOnceFree(other.id);
  });

  it("lets the server export again after an export that failed before its file was made", async () => {
    const unknown = await bot.run(bot.admin.id, "cohort export", { cohort: "No Such Cohort" }).final();
    expect(unknown.attachments).toHaveLength(0);
    if (rows === undefined) throw new Error("no export repository");
    rows.between = () => Promise.reject(new Error("the database went away"));
    const failed = await exportAs(bot.admin.id);
    expect(visibleText(failed)).toContain("Something went wrong");
    await expectExportedOnceFree(other.id);
  });

  it("frees the server's turn after 15 minutes, when an upload never heard of can no longer happen", async () => {
    const held = bot.emulator.holdNext(uploadRoute);
    const first = exportAs(bot.admin.id);
    await held.arrived;
    expect(visibleText(await exportAs(other.id))).toContain("An export of this server is already being made");
    bot.clock.advance(15 * 60_000);
    await expectExported(other.id);
    held.release();
    await first;
  });
});
