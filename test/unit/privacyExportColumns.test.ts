import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import type { ExportedMembership } from "../../src/db/repositories/PrivacyRepository.js";

/**
 * `/privacy export` holds every column kept about the member. For the member's own row and each table keyed by
 * `memberId` (read from the generated client's scalar-field lists, i.e. the schema), every column is either
 * mapped to the export key that carries it (type-checked against the export's shape) or listed, with why, as
 * internal. A column added to one of those tables fails here until it is exported or explicitly left out.
 */
type ListKey = {
  [K in keyof ExportedMembership]: ExportedMembership[K] extends AsyncIterable<unknown> ? K : never;
}[keyof ExportedMembership];
type RowKey<K extends ListKey> = ExportedMembership[K] extends AsyncIterable<infer R> ? keyof R & string : never;

interface Coverage {
  /** Column → the export key carrying it (its value, or what it names). */
  readonly exported: Readonly<Record<string, string>>;
  /** Column → why it is not in the export. */
  readonly internal: Readonly<Record<string, string>>;
}
const membership = (exported: Readonly<Record<string, keyof ExportedMembership>>, internal: Coverage["internal"]): Coverage => ({
  exported,
  internal,
});
const list = <K extends ListKey>(_key: K, exported: Readonly<Record<string, RowKey<K>>>, internal: Coverage["internal"]): Coverage => ({
  exported,
  internal,
});

const keys = { id: "the row's own id: no meaning outside the database", memberId: "the membership the list is under" };

const coverage: Readonly<Record<string, Coverage>> = {
  Member: membership(
    {
      cohortId: "cohortId",
      displayName: "displayName",
      joinedAt: "joinedAt",
      leftAt: "leftAt",
      returnedAt: "returnedAt",
      remindTime: "remindTime",
      remindTimeZone: "remindTimeZone",
      dayNotBefore: "dayNotBefore",
      remindFailures: "reminderFailures",
      remindDisabledNotice: "reminderDisabledNotice",
      remindRefusedNotice: "reminderRefusedNotice",
      nudges: "nudges",
      locale: "locale",
      joinedOn: "lateJoinDay",
      boardVisibility: "boardVisibility",
      alias: "alias",
      excluded: "excludedFromBoards",
      excludedMarkedAt: "excludedFromBoardsMarkedAt",
      points: "points",
      pointsReachedAt: "pointsReachedAt",
      finalPoints: "finalPoints",
      finalRanked: "finalRanked",
    },
    {
      id: keys.id,
      userId: "the caller's own Discord id, which the file is for (the export names it once, at the top)",
      nameKey: "displayName as replies show it (trimmed, NFC), worked out from it for the roster's lookups: nothing more about the member",
      nameKeyRule: "the version of the rule nameKey was worked out by: nothing about the member",
    },
  ),
  WeeklyScore: list(
    "weeklyScores",
    { weekNumber: "weekNumber", points: "points", reachedAt: "reachedAt" },
    {
      ...keys,
      cohortId: "the membership's cohort (cohortId above)",
    },
  ),
  Completion: list(
    "completions",
    {
      itemId: "item",
      completedAt: "completedAt",
      weekNumber: "weekNumber",
      points: "points",
      onTime: "onTime",
      day: "day",
      forYesterday: "forYesterday",
    },
    { ...keys, cohortId: "the membership's cohort (cohortId above)" },
  ),
  CheckpointAnswer: list("checkpointAnswers", { sectionId: "section", answer: "answer", answeredAt: "answeredAt" }, keys),
  ReminderDelivery: list(
    "reminderDeliveries",
    { localDate: "localDate", status: "status", claimedAt: "claimedAt", sentAt: "sentAt", attempts: "attempts", lastError: "lastError" },
    {
      ...keys,
      sentMarks:
        "what the DM was recognised by on a retry (the cohort's channel link and name, the reminder's time): nothing about the member",
    },
  ),
  MemberAdjustment: list("paceChanges", { kind: "kind", appliedOn: "appliedOn", days: "days", itemIds: "items", createdAt: "at" }, keys),
  MemberBreak: list("daysOff", { fromDate: "from", toDate: "to", bookedAfterAdjustmentId: "bookedAfterPaceChanges" }, keys),
  NudgeDelivery: list(
    "nudgesReceived",
    { status: "status", claimedAt: "claimedAt", sentAt: "sentAt", lastError: "lastError" },
    {
      ...keys,
      claimedBy: "the facilitator who pressed Nudge: someone else's id, never in another person's file",
      window: "the delivery's de-duplication key (one nudge per member and window), derived from claimedAt",
    },
  ),
};

/** Every model's scalar columns, as the generated client lists them: model name → columns. */
function schemaColumns(): Map<string, string[]> {
  const namespace = Prisma as unknown as Record<string, unknown>;
  return new Map(
    Object.values(Prisma.ModelName).map((model) => [model, Object.keys(namespace[`${model}ScalarFieldEnum`] as Record<string, string>)]),
  );
}

describe("/privacy export covers every column kept about the member", () => {
  it("lists the member's row and every table keyed by memberId", () => {
    const memberOwned = [...schemaColumns()].filter(([model, columns]) => model === "Member" || columns.includes("memberId"));
    expect(memberOwned.map(([model]) => model).sort()).toEqual(Object.keys(coverage).sort());
  });

  it.each([...schemaColumns()].filter(([model]) => model in coverage))("exports or explains each column of %s", (model, columns) => {
    const { exported, internal } = coverage[model] ?? { exported: {}, internal: {} };
    expect(Object.keys(exported).filter((column) => column in internal)).toEqual([]);
    expect([...Object.keys(exported), ...Object.keys(internal)].sort()).toEqual([...columns].sort());
  });
});
