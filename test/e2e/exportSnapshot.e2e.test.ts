import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InterleavedExportRepository } from "../helpers/InterleavedExportRepository.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

const joinedAt = new Date("2027-01-05T12:00:00Z");

interface ExportedJson {
  exportedAt: string;
  members: {
    userId: string;
    points: number;
    completions: { item: string; completedAt: string; week: number; points: number }[];
    weeklyPoints: { week: number; points: number }[];
  }[];
}

/** A cohort with a full first batch (200 members) ahead of whoever joins next, who is then read after other work ran. */
async function cohortWithFullFirstBatch(bot: BotHarness, name: string) {
  const cohort = await bot.createCohort({ start: "2027-01-04", name });
  await bot.test.app.database.prisma.member.createMany({
    data: Array.from({ length: 200 }, (_, index) => ({
      cohortId: cohort.id,
      userId: String(100_000_000_000_000_000n + BigInt(cohort.id * 1000 + index)),
      displayName: `Member ${index}`,
      joinedAt,
    })),
  });
  return cohort;
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
    const cohort = await cohortWithFullFirstBatch(bot, "Snapshot Cohort");
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

  it("counts a member's points and weekly points from the same completions it lists, with a /done at the very instant it began", async () => {
    const cohort = await cohortWithFullFirstBatch(bot, "Consistent Rows Cohort");
    const grace = bot.member("grace");
    await bot.reply(grace.id, "join", { cohort: "Consistent Rows Cohort" });
    await bot.reply(grace.id, "done", { item: "Database Selection Guide" });
    if (rows === undefined) throw new Error("no export repository");
    // The clock stands still: the /done is timed at the export's exportedAt, yet logged after it began.
    rows.between = async () => {
      await bot.reply(grace.id, "done", { item: "PostgreSQL Internals" });
    };

    const message = await bot.reply(bot.admin.id, "cohort export", { cohort: String(cohort.id), format: "json" });
    const body = (await (await fetch(message.attachments[0]?.url ?? "")).json()) as ExportedJson;

    expect(rows.between).toBeUndefined();
    const graceRow = body.members.find((member) => member.userId === grace.id);
    expect(graceRow?.completions.map((done) => done.item)).toEqual(["Database Selection Guide"]);
    const listed = graceRow?.completions.reduce((sum, done) => sum + done.points, 0) ?? -1;
    expect(listed).toBeGreaterThan(0);
    expect(graceRow?.points).toBe(listed);
    expect(graceRow?.weeklyPoints).toEqual([{ week: graceRow?.completions[0]?.week, points: listed }]);
    // The bot itself has both (the file is a snapshot, not a stale read).
    const stored = await bot.test.app.database.prisma.member.findFirst({ where: { cohortId: cohort.id, userId: grace.id } });
    expect(stored?.points).toBeGreaterThan(listed);
  });
});
