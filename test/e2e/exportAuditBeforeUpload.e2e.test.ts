import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

const now = new Date("2027-01-06T12:00:00Z");

describe("/cohort export's audit line", () => {
  const harness = useBotHarness({ now });

  it("is written before the upload: an upload Discord refuses still leaves its 'exported' line, as the data may have left", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const exported = () =>
      bot.reply(bot.admin.id, "cohort audit", { cohort: String(cohort.id) }).then((audit) =>
        visibleText(audit)
          .split("\n")
          .filter((line) => line.includes("exported the cohort's data")),
      );
    // Discord refuses the reply carrying the file (the deferred reply's edit).
    bot.emulator.failNext("PATCH /webhooks/:applicationId/:token/messages/:messageId", 413, 1, {
      body: { message: "Request entity too large", code: 40005 },
    });
    const refused = await bot.run(bot.admin.id, "cohort export", { cohort: String(cohort.id) }).final();
    expect(refused.attachments).toHaveLength(0);
    expect(await exported()).toHaveLength(1);
    const taken = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id) });
    expect(taken.attachments).toHaveLength(1);
    expect(await exported()).toHaveLength(2);
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
