import { createHash } from "node:crypto";
import type { PrismaClient } from "../../src/generated/prisma/client.js";

/**
 * `/privacy export`'s file as version 5 was built (version 6 adds `returnedAt`, version 7 the booking order of days off, a catch-up's items and the other columns kept about the member) before it was written a page at a time: every row read
 * at once into one document, then `JSON.stringify(document, null, 2)`. The reference a paged export must
 * equal byte for byte when it fits. Lists are in the export's order, ties broken as it breaks them
 * (completions by item, the others by id), which the whole read left to the database.
 */
export async function memberExportOracle(
  prisma: PrismaClient,
  request: { guildId: string; userId: string; exportedAt: Date },
  documentBudgetBytes = 4 * 1024 * 1024,
): Promise<string> {
  const { guildId, userId } = request;
  const members = await prisma.member.findMany({
    where: { userId, cohort: { guildId } },
    orderBy: { id: "asc" },
    include: {
      cohort: { select: { name: true } },
      completions: { orderBy: [{ completedAt: "asc" }, { itemId: "asc" }], include: { item: { select: { title: true } } } },
      weeklyScores: { orderBy: { weekNumber: "asc" } },
      checkpointAnswers: { orderBy: [{ answeredAt: "asc" }, { id: "asc" }], include: { section: { select: { title: true } } } },
      reminders: { orderBy: { localDate: "asc" } },
      breaks: { orderBy: [{ fromDate: "asc" }, { id: "asc" }] },
      adjustments: { orderBy: { id: "asc" } },
      nudgeDeliveries: { orderBy: [{ claimedAt: "asc" }, { id: "asc" }] },
    },
  });
  const created = await prisma.cohort.findMany({ where: { guildId, createdBy: userId }, orderBy: { id: "asc" } });
  const auditLines = await prisma.auditEntry.findMany({
    where: { guildId, OR: [{ actorId: userId }, { subjectUserId: userId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const nudgesSent = await prisma.nudgeDelivery.findMany({
    where: { claimedBy: userId, member: { cohort: { guildId } } },
    orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
    include: { member: { include: { cohort: true } } },
  });
  const previews = await prisma.pendingImport.findMany({ where: { scope: guildId, userId }, orderBy: { id: "asc" } });
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
  const copied: { sha256: string; text: string }[] = [];
  let used = 0;
  for (const preview of previews) {
    const hash = sha256(preview.document);
    const size = Buffer.byteLength(JSON.stringify(preview.document));
    if (copied.some((document) => document.sha256 === hash) || used + size > documentBudgetBytes) continue;
    used += size;
    copied.push({ sha256: hash, text: preview.document });
  }
  const catchUpIds = (text: string | null): number[] | null => {
    const value = parsed(text);
    return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : null;
  };
  const itemTitles = new Map(
    (
      await prisma.item.findMany({
        where: { id: { in: members.flatMap((member) => member.adjustments.flatMap((row) => catchUpIds(row.itemIds) ?? [])) } },
        select: { id: true, title: true },
      })
    ).map((item) => [item.id, item.title]),
  );
  function parsed(text: string | null): unknown {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  const document = {
    format: "cohort-bot/member-export",
    version: 8,
    exportedAt: request.exportedAt,
    guildId,
    userId,
    memberships: members.map((member) => ({
      cohortId: member.cohortId,
      cohortName: member.cohort.name,
      displayName: member.displayName,
      joinedAt: member.joinedAt,
      leftAt: member.leftAt,
      returnedAt: member.returnedAt,
      remindTime: member.remindTime,
      remindTimeZone: member.remindTimeZone,
      dayNotBefore: member.dayNotBefore,
      nudges: member.nudges,
      locale: member.locale,
      boardVisibility: member.boardVisibility,
      alias: member.alias,
      points: member.points,
      pointsReachedAt: member.pointsReachedAt,
      finalPoints: member.finalPoints,
      finalRanked: member.finalRanked,
      completions: member.completions.map((row) => ({
        item: row.item.title,
        completedAt: row.completedAt,
        weekNumber: row.weekNumber,
        points: row.points,
        onTime: row.onTime,
        day: row.day,
        forYesterday: row.forYesterday,
      })),
      weeklyScores: member.weeklyScores.map((row) => ({ weekNumber: row.weekNumber, points: row.points, reachedAt: row.reachedAt })),
      checkpointAnswers: member.checkpointAnswers.map((row) => ({
        section: row.section.title,
        answer: row.answer,
        answeredAt: row.answeredAt,
      })),
      reminderDeliveries: member.reminders.map((row) => ({
        localDate: row.localDate,
        status: row.status,
        claimedAt: row.claimedAt,
        sentAt: row.sentAt,
        attempts: row.attempts,
        lastError: row.lastError,
      })),
      reminderFailures: member.remindFailures,
      reminderDisabledNotice: member.remindDisabledNotice,
      reminderRefusedNotice: member.remindRefusedNotice,
      lateJoinDay: member.joinedOn,
      excludedFromBoards: member.excluded,
      excludedFromBoardsMarkedAt: member.excludedMarkedAt,
      daysOff: member.breaks.map((row) => {
        const afterId = row.bookedAfterAdjustmentId;
        const bookedAfterPaceChanges = afterId === null ? null : member.adjustments.filter((adjustment) => adjustment.id <= afterId).length;
        return { from: row.fromDate, to: row.toDate, bookedAfterPaceChanges };
      }),
      paceChanges: member.adjustments.map((row) => {
        const ids = catchUpIds(row.itemIds);
        const items = ids === null ? null : ids.flatMap((id) => itemTitles.get(id) ?? []);
        return { kind: row.kind, appliedOn: row.appliedOn, days: row.days, items, at: row.createdAt };
      }),
      nudgesReceived: member.nudgeDeliveries.map((row) => ({
        status: row.status,
        claimedAt: row.claimedAt,
        sentAt: row.sentAt,
        lastError: row.lastError,
      })),
    })),
    cohortsCreated: created.map((row) => row.name),
    adminActions: auditLines.map((line) => ({
      cohortId: line.cohortId,
      action: line.action,
      byYou: line.actorId === userId,
      aboutYou: line.subjectUserId === userId,
      details: parsed(line.after),
      at: line.createdAt,
    })),
    nudgesSent: nudgesSent.map((row) => ({
      cohortId: row.member.cohortId,
      cohortName: row.member.cohort.name,
      status: row.status,
      claimedAt: row.claimedAt,
      sentAt: row.sentAt,
    })),
    pendingImports: previews.map((row) => ({
      curriculum: row.slug,
      status: row.status,
      documentBytes: Buffer.byteLength(row.document, "utf8"),
      documentSha256: sha256(row.document),
      documentInExport: copied.some((document) => document.sha256 === sha256(row.document)),
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    })),
    importDocuments: copied,
  };
  return JSON.stringify(document, null, 2);
}
