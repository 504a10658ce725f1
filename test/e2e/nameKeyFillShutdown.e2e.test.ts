import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startBotHarness } from "../helpers/botHarness.js";
import { HoldLine } from "../helpers/holdLine.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

describe("the name-key fill when the bot shuts down", () => {
  it("close() resolves only after a fill in progress has written its chunk, with the database still open", async () => {
    const bot = await startBotHarness();
    let again: TestApp | undefined;
    let reader: TestApp | undefined;
    try {
      const cohort = await bot.createCohort({ name: "Fill Spring" });
      const ada = bot.member("ada");
      await bot.join(ada, cohort, { name: " Ada\u200b " });
      // Stored before the key existed: the next start fills it.
      await bot.test.app.database.prisma.member.updateMany({ data: { nameKey: null, nameKeyRule: null } });
      await bot.test.app.close();

      again = await startTestApp({
        clock: bot.clock,
        schedulerTickCron: null,
        environment: { DISCORD_TOKEN: bot.emulator.token, DISCORD_API_URL: bot.emulator.apiUrl, DATABASE_URL: bot.test.databaseUrl },
      });
      // The fill's first write waits in line until released (nothing else writes: no tick, no interaction).
      const writes = again.app.writes;
      const run = writes.run.bind(writes);
      const line = new HoldLine();
      line.holding = true;
      let fillWrite: Promise<unknown> | undefined;
      writes.run = <T>(write: () => Promise<T>): Promise<T> => {
        writes.run = run;
        const held = line.through().then(() => run(write));
        fillWrite = held;
        return held;
      };
      await again.app.start();
      await line.waitingFor(1);

      const order: string[] = [];
      // The step of close() after its waits: reached while the fill's write is held, close() went on without it.
      const cohorts = again.app.services.cohorts;
      const settle = cohorts.settle.bind(cohorts);
      cohorts.settle = () => {
        order.push(line.waiting > 0 ? "went on while the fill was held" : "went on after the fill");
        line.release();
        return settle();
      };
      const closing = again.app.close().then(() => void order.push("closed"));
      const written = (fillWrite ?? Promise.reject(new Error("no fill write"))).then(
        () => void order.push("fill written"),
        (error: unknown) => void order.push(`fill failed: ${String(error)}`),
      );
      // Every other wait of close() has nothing to wait for: a close() that does not wait for the fill is at its
      // next step within these turns (no clock: a slow machine only takes longer to get there).
      for (let turn = 0; turn < 5; turn += 1) await nextTurn();
      line.release();
      await closing;
      await written;
      expect(order).toEqual(["fill written", "went on after the fill", "closed"]);
      const warnings = again.logs().filter((line) => Number(line.level) >= 40);
      expect(warnings.map((line) => line.msg)).toEqual([]);

      reader = await startTestApp({ clock: bot.clock, environment: { DATABASE_URL: bot.test.databaseUrl } });
      const member = await reader.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
      expect(member.nameKey).toBe("Ada");
    } finally {
      await reader?.close();
      await again?.close();
      await bot.close();
    }
  }, 120_000);
});
