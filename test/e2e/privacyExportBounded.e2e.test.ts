import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditRepository } from "../../src/db/repositories/AuditRepository.js";
import { PrivacyRepository, type ExportPageRows } from "../../src/db/repositories/PrivacyRepository.js";
import { AuditLog } from "../../src/services/AuditLog.js";
import { memberExportFile } from "../../src/services/memberExportFile.js";
import { isExportRefused, PrivacyService } from "../../src/services/PrivacyService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { memberExportOracle } from "../helpers/memberExportOracle.js";
import { rankedCohort, type RankedCohort } from "../helpers/rankedCohort.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/**
 * `/privacy export:True` is written as its rows are read, a page at a time, and counted as written: a
 * history that fits gives the same file, byte for byte, as the whole document did (export version 8);
 * one past Discord's limit is refused as soon as the file would pass it, the rest of it left unread.
 */
describe("/privacy export:True reads a page at a time and stops at the limit", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  const cohortName = "Paged Spring";
  const otherCohort = 'Paged "Autumn" ✨';

  /** The export over `pages` rows per statement, on the app's database. */
  const privacyWith = (pages: ExportPageRows) => {
    const prisma = bot.test.app.database.prisma;
    return new PrivacyService(
      new PrivacyRepository(prisma, bot.test.app.database.target.provider, undefined, pages),
      captureLogger().logger,
      new AuditLog(new AuditRepository(prisma), () => bot.clock.now()),
    );
  };

  /** A history with a row of every kind, several of most, ties (three days off, three answers), and text that JSON escapes. */
  const fillHistory = async (userId: string, otherId: string) => {
    const prisma = bot.test.app.database.prisma;
    const now = bot.clock.now();
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const [first, second] = await prisma.member.findMany({ where: { userId }, orderBy: { id: "asc" } });
    const other = await prisma.member.findFirstOrThrow({ where: { userId: otherId } });
    if (first === undefined || second === undefined) throw new Error("two memberships expected");
    await prisma.member.update({
      where: { id: first.id },
      data: { displayName: 'Ada "Lovelace" \u2028 ✨ <b>\\', alias: 7, remindTime: "08:30" },
    });
    await prisma.cohort.updateMany({ where: { guildId: bot.guild.id }, data: { createdBy: userId } });
    const cohort = await prisma.cohort.findUniqueOrThrow({ where: { id: first.cohortId } });
    const sections = await prisma.section.findMany({ where: { curriculumId: cohort.curriculumId }, orderBy: { position: "asc" }, take: 3 });
    await prisma.checkpointAnswer.createMany({
      data: sections.map((section) => ({
        memberId: first.id,
        sectionId: section.id,
        answer: "partly",
        // Three tied: a page of two ends inside the tie (broken by id).
        answeredAt: at(0),
      })),
    });
    await prisma.weeklyScore.createMany({
      data: [2, 3, 4].map((weekNumber) => ({
        memberId: first.id,
        cohortId: first.cohortId,
        weekNumber,
        points: weekNumber * 10,
        reachedAt: now,
      })),
    });
    await prisma.reminderDelivery.createMany({
      data: ["2027-01-07", "2027-01-05", "2027-01-06", "2027-01-08", "2027-01-09"].map((localDate, index) => ({
        memberId: first.id,
        localDate,
        status: index === 1 ? "failed" : "sent",
        claimedAt: now,
        sentAt: index === 1 ? null : now,
        attempts: index === 1 ? 3 : 1,
        lastError: index === 1 ? 'Cannot send messages to this user "50007"' : null,
      })),
    });
    await prisma.memberBreak.createMany({
      data: [
        { memberId: first.id, fromDate: "2027-01-12", toDate: "2027-01-13" },
        { memberId: first.id, fromDate: "2027-01-06", toDate: "2027-01-07" },
        { memberId: first.id, fromDate: "2027-01-06", toDate: "2027-01-06" },
        { memberId: first.id, fromDate: "2027-01-06", toDate: "2027-01-08" },
      ],
    });
    const items = await prisma.item.findMany({ where: { curriculumId: cohort.curriculumId }, orderBy: { position: "asc" }, take: 2 });
    await prisma.memberAdjustment.createMany({
      data: [
        // The items it re-planned, by id (one gone since: left out), read back as their titles.
        {
          memberId: first.id,
          kind: "catch_up",
          appliedOn: "2027-01-05",
          days: 5,
          itemIds: JSON.stringify([...items.map((item) => item.id).reverse(), 999_999]),
          createdAt: at(1),
        },
        { memberId: first.id, kind: "extend", createdAt: at(0) },
        { memberId: second.id, kind: "reset", createdAt: at(2) },
      ],
    });
    // Booked before the pace changes, after the first, after both, and before this was kept (null).
    const made = await prisma.memberAdjustment.findMany({ where: { memberId: first.id }, orderBy: { id: "asc" } });
    const breaks = await prisma.memberBreak.findMany({ where: { memberId: first.id }, orderBy: { id: "asc" } });
    for (const [index, entry] of breaks.entries())
      await prisma.memberBreak.update({
        where: { id: entry.id },
        data: { bookedAfterAdjustmentId: [0, made[0]?.id ?? 0, made[1]?.id ?? 0, null][index] ?? null },
      });
    await prisma.nudgeDelivery.createMany({
      data: [
        { memberId: first.id, window: 1, status: "sent", claimedBy: bot.admin.id, claimedAt: at(3), sentAt: at(3) },
        { memberId: first.id, window: 2, status: "failed", claimedBy: bot.admin.id, claimedAt: at(3), lastError: "Missing Access" },
        { memberId: first.id, window: 3, status: "claimed", claimedBy: bot.admin.id, claimedAt: at(1) },
        ...[1, 2, 3].map((window) => ({
          memberId: other.id,
          window,
          status: "sent",
          claimedBy: userId,
          claimedAt: at(window % 2),
          sentAt: at(4),
        })),
      ],
    });
    await prisma.auditEntry.createMany({
      data: [
        {
          after: JSON.stringify({
            item: "Storage Engines",
            points: 36,
            note: 'line\nbreak "quoted" ✨',
            nested: { list: [1, { a: [] }], empty: {} },
          }),
        },
        { after: "not json {" },
        { after: null },
        { after: JSON.stringify([1, "two", null, { three: 3 }]) },
        { after: JSON.stringify("a string") },
      ].map((line, index) => ({
        guildId: bot.guild.id,
        cohortId: index === 4 ? null : first.cohortId,
        actorId: index % 2 === 0 ? bot.admin.id : userId,
        action: "credit",
        subjectUserId: index % 2 === 0 ? userId : null,
        after: line.after,
        createdAt: at(index < 3 ? 0 : 2),
      })),
    });
    const documents = ["Draft A\nWeek 1: Basics\n", 'Draft B "quoted"\t\u0001 ✨ \u2028', "Draft C\r\n- [ ] Item (5 min)\n"];
    await prisma.pendingImport.createMany({
      data: [0, 1, 0, 2, 1].map((which, index) => ({
        scope: bot.guild.id,
        userId,
        slug: `draft-${which}`,
        baseVersion: "",
        document: documents[which] ?? "",
        status: index === 0 ? "applied" : "pending",
        createdAt: at(index),
        expiresAt: at(60 + index),
      })),
    });
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ({ people } = await rankedCohort(bot, cohortName));
    await bot.createCohort({ name: otherCohort });
    await bot.reply(people.ada.id, "join", { cohort: otherCohort });
    await fillHistory(people.ada.id, people.bob.id);
    // The history's times are all before the exports (an export reads rows up to its own time).
    bot.clock.advance(60 * 60_000);
  }, 120_000);
  afterAll(async () => bot.close());

  it("hands over a history that fits byte for byte as the whole document gave it", async () => {
    const reply = await bot.reply(people.ada.id, "privacy", { export: true });
    const [file] = reply.attachments;
    if (file === undefined) throw new Error(`no attachment: ${visibleText(reply)}`);
    const text = await (await fetch(file.url)).text();
    const { exportedAt, memberships, pendingImports, importDocuments } = JSON.parse(text) as {
      exportedAt: string;
      memberships: { completions: unknown[] }[];
      pendingImports: unknown[];
      importDocuments: unknown[];
    };
    expect(memberships.map((membership) => membership.completions.length)).toEqual([3, 0]);
    expect([pendingImports.length, importDocuments.length]).toEqual([5, 3]);
    const expected = await memberExportOracle(bot.test.app.database.prisma, {
      guildId: bot.guild.id,
      userId: people.ada.id,
      exportedAt: new Date(exportedAt),
    });
    expect(text).toBe(expected);
  });

  it("gives the same bytes read a row or two at a time, across every page's edge", async () => {
    const now = bot.clock.now();
    const exported = await privacyWith({ rows: 2, auditLines: 2, previews: 1 }).export(bot.guild.id, people.ada.id, now);
    if (isExportRefused(exported)) throw new Error("refused");
    exported.release();
    const expected = await memberExportOracle(bot.test.app.database.prisma, {
      guildId: bot.guild.id,
      userId: people.ada.id,
      exportedAt: now,
    });
    expect(exported.file.toString("utf8")).toBe(expected);
  });

  it("copies every document when the file fits its limit to the byte, and leaves the last out, still within it, a byte short", async () => {
    const prisma = bot.test.app.database.prisma;
    const now = bot.clock.now();
    const request = { guildId: bot.guild.id, userId: people.ada.id, now };
    const expected = await memberExportOracle(prisma, { guildId: bot.guild.id, userId: people.ada.id, exportedAt: now });
    const exact = Buffer.byteLength(expected);
    const repository = new PrivacyRepository(prisma, bot.test.app.database.target.provider);
    expect((await memberExportFile(repository, request, exact))?.file.toString("utf8")).toBe(expected);
    const short = await memberExportFile(repository, request, exact - 1);
    if (short === null) throw new Error("refused");
    expect(short.file.length).toBeLessThanOrEqual(exact - 1);
    const copied = (JSON.parse(short.file.toString("utf8")) as { pendingImports: { documentInExport: boolean }[] }).pendingImports;
    // Previews of drafts A, B, A, C, B: C's text no longer fits.
    expect(copied.map((preview) => preview.documentInExport)).toEqual([true, true, true, false, true]);
  });

  it("refuses a history just over the limit without reading what comes after it, and a larger one without reading it all", async () => {
    const prisma = bot.test.app.database.prisma;
    const eve = bot.member("eve", { manageGuild: true });
    await bot.reply(eve.id, "join", { cohort: cohortName });
    const member = await prisma.member.findFirstOrThrow({ where: { userId: eve.id } });
    const createdAt = bot.clock.now();
    /** Audit lines about Eve of 10 KB each: 1,100 of them pass Discord's 10 MB. */
    const addLines = (count: number) =>
      prisma.auditEntry.createMany({
        data: Array.from({ length: count }, () => ({
          guildId: bot.guild.id,
          cohortId: member.cohortId,
          actorId: bot.admin.id,
          action: "credit",
          subjectUserId: eve.id,
          after: JSON.stringify({ note: "n".repeat(10_000) }),
          createdAt,
        })),
      });
    await addLines(1_100);
    // After the audit lines in the file: a nudge Eve pressed and a preview she made.
    const bob = await prisma.member.findFirstOrThrow({ where: { userId: people.bob.id, cohort: { name: cohortName } } });
    await prisma.nudgeDelivery.create({ data: { memberId: bob.id, window: 99, status: "sent", claimedBy: eve.id, claimedAt: createdAt } });
    await prisma.pendingImport.create({
      data: { scope: bot.guild.id, userId: eve.id, slug: "draft", baseVersion: "", document: "Draft", createdAt, expiresAt: createdAt },
    });
    const privacy = privacyWith({ rows: 100, auditLines: 100, previews: 2 });
    const counter = StatementCounter.install();
    try {
      let outcome: unknown;
      const justOver = await counter.during(async () => {
        outcome = await privacy.export(bot.guild.id, eve.id, createdAt);
      });
      expect(outcome).toEqual({ tooLargeMaxMb: 10 });
      expect(justOver.filter((sql) => (sql.includes("PendingImport") && sql.includes("userId")) || sql.includes("claimedBy"))).toEqual([]);

      // 2,100 lines, 21 MB: about 1 MB a page, the file passes the limit in the eleventh of 21 pages.
      await addLines(1_000);
      const twiceOver = await counter.during(async () => {
        outcome = await privacy.export(bot.guild.id, eve.id, createdAt);
      });
      expect(outcome).toEqual({ tooLargeMaxMb: 10 });
      const auditReads = twiceOver.filter((sql) => sql.includes("AuditEntry"));
      expect(auditReads.length).toBeGreaterThan(0);
      expect(auditReads.length).toBeLessThanOrEqual(12);
    } finally {
      counter.uninstall();
    }
  });

  it("stops reading import previews once the file's end after them would no longer fit", async () => {
    const prisma = bot.test.app.database.prisma;
    const pia = bot.member("pia", { manageGuild: true });
    const createdAt = bot.clock.now();
    await prisma.pendingImport.createMany({
      data: ["Draft P", "Draft Q", "Draft P"].map((document) => ({
        scope: bot.guild.id,
        userId: pia.id,
        slug: "draft",
        baseVersion: "",
        document,
        createdAt,
        expiresAt: createdAt,
      })),
    });
    const request = { guildId: bot.guild.id, userId: pia.id, now: createdAt };
    const repository = new PrivacyRepository(prisma, bot.test.app.database.target.provider, undefined, {
      rows: 1,
      auditLines: 1,
      previews: 1,
    });
    const whole = await memberExportFile(repository, request, 10_000_000);
    // The same file with no document copied: the least the previews need, their file's end included.
    const document = JSON.parse(whole?.file.toString("utf8") ?? "{}") as { pendingImports: { documentInExport: boolean }[] };
    for (const preview of document.pendingImports) preview.documentInExport = false;
    const least = Buffer.byteLength(JSON.stringify({ ...document, importDocuments: [] }, null, 2));
    expect((await memberExportFile(repository, request, least))?.file.toString("utf8")).toBe(
      JSON.stringify({ ...document, importDocuments: [] }, null, 2),
    );
    const counter = StatementCounter.install();
    try {
      let outcome: unknown;
      const reads = await counter.during(async () => {
        outcome = await memberExportFile(repository, request, least - 1);
      });
      expect(outcome).toBeNull();
      // One preview a page: the third does not fit with the end after it, and no further page or document is read.
      expect(reads.filter((sql) => sql.includes("PendingImport") && sql.includes("userId"))).toHaveLength(3);
      expect(reads.filter((sql) => sql.includes("PendingImport") && sql.includes("document"))).toHaveLength(3);
    } finally {
      counter.uninstall();
    }
  });
});
