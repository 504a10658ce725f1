import { describe, expect, it, vi } from "vitest";
import { startBotHarness, visibleText } from "../helpers/botHarness.js";
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
      const closing = bot.test.app.close();
      // Had close() not waited for the /done, the client and then the database would have gone by now: give it that chance.
      const clientGone = () => expect(bot.test.app.discord.client.token).toBeNull();
      await vi.waitFor(clientGone, { timeout: 2000, interval: 50 }).catch(() => undefined);
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
