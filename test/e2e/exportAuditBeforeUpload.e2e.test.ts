import { describe, expect, it, vi } from "vitest";
import { useBotHarness, visibleText, waitLimitMs } from "../helpers/botHarness.js";

const now = new Date("2027-01-06T12:00:00Z");

describe("/cohort export's audit line", () => {
  const harness = useBotHarness({ now });

  it("is written before the upload and then says how the upload went: sent, refused as too large, or failed", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const exportLines = () =>
      bot.reply(bot.admin.id, "cohort audit", { cohort: String(cohort.id) }).then((audit) =>
        visibleText(audit)
          .split("\n")
          .filter((line) => line.includes("export of the cohort's data")),
      );
    // Discord refuses the reply carrying the file (the deferred reply's edit): the line stays (the data may have left), truthfully.
    bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 413, 1, {
      body: { message: "Request entity too large", code: 40005 },
    });
    const refused = await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final();
    expect(refused.attachments).toHaveLength(0);
    // The outcome is recorded once the reply's upload has been answered, just after the admin sees it.
    const newestLine = (count: number, text: string) =>
      vi.waitFor(
        async () => {
          const lines = await exportLines();
          expect(lines).toHaveLength(count);
          expect(lines[0]).toContain(text);
          return lines;
        },
        { timeout: waitLimitMs, interval: 50 },
      );
    const afterRefusal = await newestLine(1, "CSV · not sent: Discord refused the file as too large");
    expect(afterRefusal[0]).not.toMatch(/· sent/);

    const taken = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id), format: "json" });
    expect(taken.attachments).toHaveLength(1);
    const afterSending = await newestLine(2, "JSON · sent");
    expect(afterSending[1]).toContain("refused the file as too large");

    // Any other refusal of the upload (a 4xx answer): the admin gets the usual error, the line says it was not sent.
    bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 403, 1, {
      body: { message: "Missing Permissions", code: 50013 },
    });
    await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final();
    await newestLine(3, "CSV · not sent: Discord refused it");

    // Discord failing (5xx on every retry) is no refusal: it may have posted the file before failing, so
    // the line must not claim it was not sent.
    bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 503, 4);
    await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final();
    const afterFailure = await newestLine(4, "CSV · the upload failed; Discord may have received the file");
    expect(afterFailure[0]).not.toContain("not sent");
  });

  it("tells the admin Discord refused the file as too large, not that something went wrong on our side", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Refused Upload Cohort", start: "2027-01-04" });
    const refuseNextUpload = () =>
      bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 413, 1, {
        body: { message: "Request entity too large", code: 40005 },
      });
    refuseNextUpload();
    const refused = visibleText(await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final());
    expect(refused).toContain("Discord refused the file as too large");
    expect(refused).toContain("Try `format:JSON` or `format:CSV (spreadsheets)`");
    expect(refused).not.toContain("Something went wrong");
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    refuseNextUpload();
    const spanish = visibleText(await bot.run(directora.id, "cohort export", { cohort: String(cohort.id) }).final());
    expect(spanish).toContain("Discord ha rechazado el archivo por ser demasiado grande");
  });

  it("reads Discord's 'file exceeds maximum size' (400, code 50045) as too large too", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Oversized File Cohort", start: "2027-01-04" });
    bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 400, 1, {
      body: { message: "File uploaded exceeds the maximum size", code: 50045 },
    });
    const refused = visibleText(await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final());
    expect(refused).toContain("Discord refused the file as too large");
    expect(refused).not.toContain("Something went wrong");
  });
});
