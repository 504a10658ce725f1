import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportRepository } from "../../src/db/repositories/ExportRepository.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

const joinedAt = new Date("2027-01-05T12:00:00Z");

/** Runs `between` (once) when the export asks for its second batch of members: other interactions, mid-export. */
class InterleavedExportRepository extends ExportRepository {
  between: (() => Promise<void>) | undefined;

  override async members(...args: Parameters<ExportRepository["members"]>) {
    const [, afterId] = args;
    const between = this.between;
    if (afterId > 0 && between !== undefined) {
      this.between = undefined;
      await between();
    }
    return super.members(...args);
  }
}

interface ExportedJson {
  exportedAt: string;
  members: { userId: string; points: number; completions: { item: string; completedAt: string }[] }[];
}

describe("/cohort export is the cohort as it stood when the export began", () => {
  let bot: BotHarness;
  let rows: InterleavedExportRepository | undefined;
  beforeAll(async () => {
    bot = await startBotHarness({
      now: new Date("2027-01-20T12:00:00Z"),
      exportRepository: (prisma) => (rows = new InterleavedExportRepository(prisma)),
    });
  });
  afterAll(async () => bot.close());

  it("leaves out a completion logged and a member who joined while it was between two batches of members", async () => {
    const cohort = await bot.createCohort({ start: "2027-01-04", name: "Snapshot Cohort" });
    // A full first batch (200 members) ahead of Ada, so that she is read after the export has let other work run.
    await bot.test.app.database.prisma.member.createMany({
      data: Array.from({ length: 200 }, (_, index) => ({
        cohortId: cohort.id,
        userId: String(100_000_000_000_000_000n + BigInt(index)),
        displayName: `Member ${index}`,
        joinedAt,
      })),
    });
    const ada = bot.member("ada");
    const late = bot.member("late");
    await bot.reply(ada.id, "join", { cohort: "Snapshot Cohort" });
    await bot.reply(ada.id, "done", { item: "Database Selection Guide" });
    if (rows === undefined) throw new Error("no export repository");
    rows.between = async () => {
      bot.clock.advance(60_000);
      await bot.reply(ada.id, "done", { item: "PostgreSQL Internals" });
      await bot.reply(late.id, "join", { cohort: "Snapshot Cohort" });
    };

    const message = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id), format: "json" });
    const [file] = message.attachments;
    const body = (await (await fetch(file?.url ?? "")).json()) as ExportedJson;

    expect(rows.between).toBeUndefined();
    expect(body.members).toHaveLength(201);
    expect(body.members.some((member) => member.userId === late.id)).toBe(false);
    const adaRow = body.members.find((member) => member.userId === ada.id);
    expect(adaRow?.completions.map((done) => done.item)).toEqual(["Database Selection Guide"]);
    expect(adaRow?.completions.every((done) => done.completedAt <= body.exportedAt)).toBe(true);
  });
});
