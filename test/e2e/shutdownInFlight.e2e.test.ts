import { describe, expect, it, vi } from "vitest";
import { startBotHarness, visibleText } from "../helpers/botHarness.js";
import { watchShutdownStep } from "../helpers/shutdownWaits.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Shutdown Spring";

describe("an interaction in flight when the bot shuts down", () => {
  it("a /done still working when close() is called is recorded and answered before the database closes", async () => {
    const bot = await startBotHarness({ now: tuesdayOfWeek1 });
    let reader: TestApp | undefined;
    try {
      const cohort = await bot.createCohort({ name: cohortName });
      const ada = bot.member("ada");
      const joined = await bot.run(ada.id, "join", { cohort: cohortName }).final();
      expect(visibleText(joined)).toContain("Welcome");
      const item = await bot.test.app.database.prisma.item.findFirstOrThrow({
        where: { curriculumId: cohort.curriculumId },
        orderBy: { id: "asc" },
      });

      // The /done's work waits (as a slow step would) until released, after close() has begun.
      const study = bot.test.app.services.study;
      const complete = study.complete.bind(study);
      let arrived!: () => void;
      const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      vi.spyOn(study, "complete").mockImplementationOnce(async (request) => {
        arrived();
        await released;
        return complete(request);
      });

      const done = bot.run(ada.id, "done", { item: item.title });
      await hasArrived;
      const settling = watchShutdownStep(bot.test.app.discord, "settleInteractions");
      const closing = bot.test.app.close();
      // The /done is released only once close() can get no further without it: a close() that does not
      // wait has by then closed the client and the database, however slow the machine.
      expect(await settling.blocked(closing), "close() went on without waiting for the /done").toBe("waiting");
      expect(bot.test.app.discord.client.token, "the client is still connected while close() waits").not.toBeNull();
      release();
      await closing;

      // The process exits as soon as close() resolves (main.ts): by then the member has their answer.
      const reply = done.originalMessage();
      if (reply === null) throw new Error("the /done had no answer when close() resolved");
      expect(done.failed).toBe(false);
      expect(visibleText(reply)).toContain(item.title);
      expect(visibleText(reply)).not.toContain("went wrong");
      reader = await startTestApp({ clock: bot.clock, environment: { DATABASE_URL: bot.test.databaseUrl } });
      const recorded = await reader.app.database.prisma.completion.count({ where: { member: { userId: ada.id }, itemId: item.id } });
      expect(recorded).toBe(1);
    } finally {
      await reader?.close();
      await bot.close();
    }
  }, 120_000);
});
