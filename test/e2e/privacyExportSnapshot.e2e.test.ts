import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrivacyRepository } from "../../src/db/repositories/PrivacyRepository.js";
import { memberExportFile } from "../../src/services/memberExportFile.js";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, type RankedCohort } from "../helpers/rankedCohort.js";

async function collected<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/**
 * `/privacy export:True` as the rows stood when it began, though it reads them a page at a time while
 * members go on using the bot; and it lets them, on SQLite too, whose reads never wait.
 */
describe("/privacy export:True is a snapshot taken while other interactions run", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ({ people } = await rankedCohort(bot, "Snapshot Spring"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("writes a row changed between two of its pages once, as it stood: an item undone and logged again, a checkpoint re-answered, a nudge retaken", async () => {
    const prisma = bot.test.app.database.prisma;
    const member = await prisma.member.findFirstOrThrow({ where: { userId: people.ada.id } });
    const cohort = await prisma.cohort.findUniqueOrThrow({ where: { id: member.cohortId } });
    const sections = await prisma.section.findMany({ where: { curriculumId: cohort.curriculumId }, orderBy: { position: "asc" }, take: 2 });
    const earlier = new Date(bot.clock.now().getTime() - 60 * 60_000);
    await prisma.checkpointAnswer.createMany({
      data: sections.map((section) => ({ memberId: member.id, sectionId: section.id, answer: "partly", answeredAt: earlier })),
    });
    await prisma.nudgeDelivery.createMany({
      data: [1, 2].map((window) => ({ memberId: member.id, window, status: "failed", claimedBy: bot.admin.id, claimedAt: earlier })),
    });
    const now = bot.clock.now();
    const repository = new PrivacyRepository(prisma, bot.test.app.database.target.provider, undefined, {
      rows: 1,
      auditLines: 1,
      previews: 1,
    });
    const pages = repository.exportPages(bot.guild.id, people.ada.id, await repository.exportCeiling(now));
    const [membership] = await collected(pages.memberships);
    if (membership === undefined) throw new Error("no membership");
    const completions = membership.completions[Symbol.asyncIterator]();
    const answers = membership.checkpointAnswers[Symbol.asyncIterator]();
    const nudges = membership.nudgesReceived[Symbol.asyncIterator]();
    const firstItem = await completions.next();
    const firstAnswer = await answers.next();
    const firstNudge = await nudges.next();
    expect([firstItem.done, firstAnswer.done, firstNudge.done]).toEqual([false, false, false]);
    if (firstItem.done === true) return;

    // Between the first page and the next: an hour later, Ada undoes and redoes her first item, re-answers her
    // first checkpoint, and a facilitator retakes the first nudge.
    bot.clock.advance(60 * 60_000);
    const later = bot.clock.now();
    const first = await prisma.completion.findFirstOrThrow({
      where: { memberId: member.id },
      orderBy: [{ completedAt: "asc" }, { itemId: "asc" }],
    });
    await prisma.completion.delete({ where: { id: first.id } });
    const { id: _removed, ...again } = first;
    await prisma.completion.create({ data: { ...again, completedAt: later } });
    const answer = await prisma.checkpointAnswer.findFirstOrThrow({ where: { memberId: member.id }, orderBy: { id: "asc" } });
    await prisma.checkpointAnswer.update({ where: { id: answer.id }, data: { answer: "done", answeredAt: later } });
    const nudge = await prisma.nudgeDelivery.findFirstOrThrow({ where: { memberId: member.id }, orderBy: { id: "asc" } });
    await prisma.nudgeDelivery.update({ where: { id: nudge.id }, data: { status: "claimed", claimedAt: later } });

    /** How many rows the list gives in all, its first read already. */
    const total = async <T>(tail: AsyncIterator<T>) => {
      let count = 1;
      for (let next = await tail.next(); next.done !== true; next = await tail.next()) count += 1;
      return count;
    };
    const items = [firstItem.value.item];
    for (let next = await completions.next(); next.done !== true; next = await completions.next()) items.push(next.value.item);
    expect(items).toHaveLength(3);
    expect(new Set(items).size).toBe(3);
    expect([await total(answers), await total(nudges)]).toEqual([2, 2]);
  });

  it("leaves out what was added after it began, in every list (an id past the ones it began with, a time past its own)", async () => {
    const prisma = bot.test.app.database.prisma;
    const now = bot.clock.now();
    const repository = new PrivacyRepository(prisma, bot.test.app.database.target.provider);
    const ceiling = await repository.exportCeiling(now);
    const member = await prisma.member.findFirstOrThrow({ where: { userId: people.bob.id } });
    const before = await collected(repository.exportPages(bot.guild.id, people.bob.id, ceiling).memberships);
    bot.clock.advance(60_000);
    await prisma.memberAdjustment.create({ data: { memberId: member.id, kind: "extend" } });
    await prisma.memberBreak.create({ data: { memberId: member.id, fromDate: "2027-01-10", toDate: "2027-01-11" } });
    await prisma.pendingImport.create({
      data: { scope: bot.guild.id, userId: people.bob.id, slug: "late", baseVersion: "", document: "Late", expiresAt: bot.clock.now() },
    });
    await bot.createCohort({ name: "Snapshot Autumn" });
    await bot.reply(people.bob.id, "join", { cohort: "Snapshot Autumn" });
    const pages = repository.exportPages(bot.guild.id, people.bob.id, ceiling);
    const memberships = await collected(pages.memberships);
    expect(memberships.map((row) => row.cohortName)).toEqual(before.map((row) => row.cohortName));
    const [first] = memberships;
    if (first === undefined) throw new Error("no membership");
    expect([(await collected(first.paceChanges)).length, (await collected(first.daysOff)).length]).toEqual([0, 0]);
    expect(await collected(repository.importPreviews(bot.guild.id, people.bob.id, ceiling))).toEqual([]);
  });

  it("still copies a document named by two previews when the first is cleared before its text is read again", async () => {
    const prisma = bot.test.app.database.prisma;
    const at = new Date(bot.clock.now().getTime() - 60_000);
    const preview = (document: string) => ({
      scope: bot.guild.id,
      userId: people.cy.id,
      slug: "draft",
      baseVersion: "",
      document,
      createdAt: at,
      expiresAt: at,
    });
    await prisma.pendingImport.createMany({ data: [preview("Draft A\n"), preview("Draft B\n"), preview("Draft A\n")] });
    const [cleared] = await prisma.pendingImport.findMany({ where: { userId: people.cy.id }, orderBy: { id: "asc" }, take: 1 });
    /** The expiry sweep clears the first preview of Draft A after the previews are written, before the texts are read. */
    class SweptMidExport extends PrivacyRepository {
      override async *importDocumentTexts(ids: readonly number[]): AsyncGenerator<{ id: number; text: string }> {
        await prisma.pendingImport.deleteMany({ where: { id: cleared?.id ?? 0 } });
        yield* super.importDocumentTexts(ids);
      }
    }
    const exported = await memberExportFile(
      new SweptMidExport(prisma, bot.test.app.database.target.provider),
      { guildId: bot.guild.id, userId: people.cy.id, now: bot.clock.now() },
      10_000_000,
    );
    const file = JSON.parse(exported?.file.toString("utf8") ?? "{}") as { importDocuments: { text: string }[] };
    expect(file.importDocuments.map((document) => document.text)).toEqual(["Draft A\n", "Draft B\n"]);
    await prisma.pendingImport.deleteMany({ where: { userId: people.cy.id } });
  });

  it("lets other work run while it writes a history whose lists each fit one page", async () => {
    const prisma = bot.test.app.database.prisma;
    const cy = await prisma.member.findFirstOrThrow({ where: { userId: people.cy.id } });
    const at = new Date(bot.clock.now().getTime() - 60_000);
    // 150 audit lines of 1 KB about Cy: one page of them (200), some 150 KB of file.
    await prisma.auditEntry.createMany({
      data: Array.from({ length: 150 }, () => ({
        guildId: bot.guild.id,
        cohortId: cy.cohortId,
        actorId: bot.admin.id,
        action: "credit",
        subjectUserId: people.cy.id,
        after: JSON.stringify({ note: "n".repeat(1_000) }),
        createdAt: at,
      })),
    });
    let ran = 0;
    let probing = true;
    const probe = () => {
      if (!probing) return;
      ran += 1;
      setImmediate(probe);
    };
    setImmediate(probe);
    const exported = await memberExportFile(
      new PrivacyRepository(prisma, bot.test.app.database.target.provider),
      { guildId: bot.guild.id, userId: people.cy.id, now: bot.clock.now() },
      10_000_000,
    );
    probing = false;
    expect(exported?.file.length).toBeGreaterThan(150_000);
    expect(ran).toBeGreaterThan(0);
  });
});
