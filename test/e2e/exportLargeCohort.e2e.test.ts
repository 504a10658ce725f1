import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportFormat, membersPerBatch } from "../../src/services/ExportService.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

const joinedAt = new Date("2027-01-05T12:00:00Z");
/** Five batches: enough to tell an export that gives the event loop back from one that holds it throughout. */
const memberCount = 5 * membersPerBatch;

/** Runs `work`, counting how many times the event loop came round (other interactions could be served) meanwhile. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let done = false;
  const finished = () => done;
  let turns = 0;
  const loop = (async () => {
    while (!finished()) {
      await new Promise((resolve) => setImmediate(resolve));
      turns += 1;
    }
  })();
  const value = await work();
  done = true;
  await loop;
  return { value, turns };
}

describe(`/cohort export of a ${memberCount}-member cohort`, () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-20T12:00:00Z") });
  });
  afterAll(async () => bot.close());

  it.each([ExportFormat.Csv, ExportFormat.Json])("lets the bot serve other interactions while the %s file is built", async (format) => {
    const cohort = await bot.createCohort({ start: "2027-01-04", name: `Big ${format}` });
    await bot.test.app.database.prisma.member.createMany({
      data: Array.from({ length: memberCount }, (_, index) => ({
        cohortId: cohort.id,
        userId: String(100_000_000_000_000_000n + BigInt(index)),
        displayName: `Member ${index}`,
        joinedAt,
      })),
    });
    const { value: file, turns } = await turnsDuring(() =>
      bot.test.app.services.exports.export({
        guildId: bot.guild.id,
        cohort: String(cohort.id),
        format,
        now: bot.clock.now(),
        actorId: bot.admin.id,
      }),
    );
    // Never uploaded: free the server's turn, as the router does once an upload ends, for the next format's case.
    file.release();
    expect(file.members).toBe(memberCount);
    // SQLite answers without waiting: without pauses the whole file was built in one turn, every other command
    // waiting. PostgreSQL's reads wait on the network, so there this passes without the pauses too.
    expect(turns).toBeGreaterThanOrEqual(memberCount / membersPerBatch);
  });
});
