import { setImmediate as nextTurn } from "node:timers/promises";
import type { Cohort } from "../domain/cohort/cohortModel.js";
import { csvLine, utf8Bom } from "../domain/export/csv.js";
import type { CohortExportCeiling, ExportCompletion, ExportMember, ExportRepository } from "../db/repositories/ExportRepository.js";
import { UserError } from "../errors.js";
import { AuditAction, type AuditValues } from "../domain/audit/auditAction.js";
import type { UploadOutcome } from "../domain/audit/uploadOutcome.js";
import type { AuditLog } from "./AuditLog.js";
import type { CohortService } from "./CohortService.js";
import type { PlanService } from "./PlanService.js";
import { BoundedFile } from "./boundedFile.js";
import { OneAtATime } from "./OneAtATime.js";

export const ExportFormat = { Csv: "csv", Json: "json" } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];

const mebibyte = 1024 * 1024;
/** Discord's attachment limit for bots in a server without boosts: what a refusal names. */
export const discordAttachmentLimitBytes = 10 * mebibyte;
/** The largest file built: Discord's limit, less room for the rest of the request. */
export const maxExportBytes = discordAttachmentLimitBytes - 64 * 1024;
/** Members read (with their rows) per round trip. */
export const membersPerBatch = 200;

export interface ExportFile {
  readonly cohort: Cohort;
  readonly format: ExportFormat;
  readonly filename: string;
  readonly data: Buffer;
  readonly members: number;
  /** The audit line written before the upload, which recordUpload completes with how it went. */
  readonly auditEntryId: number;
  /** Lets the server export again: recordUpload calls it; a caller that will not upload the file calls it itself. */
  readonly release: () => void;
}

/** The CSV's columns: one table, its `record` column telling member, completion, checkpoint and weekly_points rows apart. */
export const csvColumns = [
  "record",
  "user_id",
  "display_name",
  "joined_at",
  "left_at",
  "section",
  "item",
  "kind",
  "week",
  "completed_at",
  "points",
  "on_time",
  "answer",
  "answered_at",
  // Added after the first version: last, so that the columns before keep their places.
  "returned_at",
] as const;

type Row = Partial<Record<(typeof csvColumns)[number], string | number | boolean | null>>;

/**
 * `/cohort export`: everything a facilitator may take out of a cohort, as
 * CSV or JSON (shapes in the README). Built a batch of members at a time;
 * refused with what to do instead when it would not fit in a Discord attachment.
 */
export class ExportService {
  /** One export per server at a time: each holds its file until the upload, and admins (or a double click) could stack them. */
  private readonly running = new OneAtATime();

  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly rows: ExportRepository,
    private readonly audit: AuditLog,
    private readonly limitBytes: number = maxExportBytes,
  ) {}

  async export(request: {
    readonly guildId: string;
    readonly cohort: string;
    readonly format: ExportFormat;
    readonly now: Date;
    /** The admin exporting: the file holds every member's data, so the cohort's audit trail names who took it. */
    readonly actorId: string;
  }): Promise<ExportFile> {
    // The cohort first: a mistyped one is told as unknown, not as waiting for another export.
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    const release = this.running.take(request.guildId, request.now);
    if (release === null) throw new UserError("export.alreadyRunning");
    try {
      return { ...(await this.build(cohort, request)), release };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Completes the export's audit line with how its upload went (sent, refused as too large, failed), and lets the server export again. */
  async recordUpload(file: ExportFile, outcome: UploadOutcome): Promise<void> {
    // The upload is over however it went: the next export need not wait for the audit line.
    file.release();
    await this.audit.amend(file.auditEntryId, exportAuditValues(file.format, outcome));
  }

  private async build(cohort: Cohort, request: Parameters<ExportService["export"]>[0]): Promise<Omit<ExportFile, "release">> {
    // Other interactions run between batches: the file holds the cohort as it stood when it began (see ExportCeiling).
    const ceiling = await this.rows.ceiling(request.now);
    const pieces = request.format === ExportFormat.Csv ? this.csvPieces(cohort, ceiling) : this.jsonPieces(cohort, ceiling);
    const file = new BoundedFile(this.limitBytes);
    const tally = { members: 0 };
    // Discord's limit, not the margin kept under it ("9 MB" would be wrong).
    if (!(await file.writeAll(countingMembers(pieces, tally))))
      throw new UserError("export.tooLarge", { maxMb: discordAttachmentLimitBytes / mebibyte });
    // 60 characters, not UTF-16 units: a cut inside a character beyond U+FFFF would end the name in "�".
    const stem =
      Array.from(cohort.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, ""))
        .slice(0, 60)
        .join("") || "cohort";
    // Only a file that was built is handed out: a refused export (too large) leaves no line. Written before the
    // upload, as the data may leave even when the reply fails; recordUpload then adds how the upload went.
    const auditEntryId = await this.audit.record({
      guildId: request.guildId,
      cohortId: cohort.id,
      actorId: request.actorId,
      action: AuditAction.Export,
      after: exportAuditValues(request.format),
    });
    return {
      cohort,
      format: request.format,
      filename: `${stem}.${request.format}`,
      data: file.toBuffer(),
      members: tally.members,
      auditEntryId,
    };
  }

  private async *csvPieces(cohort: Cohort, ceiling: CohortExportCeiling): AsyncGenerator<string> {
    yield utf8Bom + csvLine(csvColumns);
    const line = (row: Row) => csvLine(csvColumns.map((column) => row[column] ?? null));
    for await (const batch of this.batches(cohort.id, ceiling)) {
      for (const { member, points, completions, answers, weeks } of batch) {
        yield memberMark;
        const who = { user_id: member.userId, display_name: member.displayName };
        yield line({
          record: "member",
          ...who,
          joined_at: member.joinedAt.toISOString(),
          left_at: member.leftAt?.toISOString() ?? null,
          returned_at: member.returnedAt?.toISOString() ?? null,
          points,
        });
        for (const done of completions)
          yield line({
            record: "completion",
            ...who,
            section: done.item.section.title,
            item: done.item.title,
            kind: done.item.kind,
            week: done.weekNumber,
            completed_at: done.completedAt.toISOString(),
            points: done.points,
            on_time: done.onTime,
          });
        for (const answer of answers)
          yield line({
            record: "checkpoint",
            ...who,
            section: answer.section.title,
            answer: answer.answer,
            answered_at: answer.answeredAt.toISOString(),
          });
        for (const week of weeks) yield line({ record: "weekly_points", ...who, week: week.weekNumber, points: week.points });
      }
    }
  }

  private async *jsonPieces(cohort: Cohort, ceiling: CohortExportCeiling): AsyncGenerator<string> {
    const { curriculum } = await this.plans.contextFor(cohort);
    const head = {
      format: "cohort-bot/cohort-export",
      version: 2,
      exportedAt: ceiling.now.toISOString(),
      cohort: {
        id: cohort.id,
        name: cohort.name,
        curriculum: curriculum.slug,
        startDate: cohort.settings.startDate,
        timeZone: cohort.settings.timeZone,
        status: cohort.status,
      },
    };
    yield `${JSON.stringify(head).slice(0, -1)},"members":[`;
    let first = true;
    for await (const batch of this.batches(cohort.id, ceiling)) {
      for (const { member, points, completions, answers, weeks } of batch) {
        yield memberMark;
        const entry = {
          userId: member.userId,
          displayName: member.displayName,
          joinedAt: member.joinedAt.toISOString(),
          leftAt: member.leftAt?.toISOString() ?? null,
          returnedAt: member.returnedAt?.toISOString() ?? null,
          points,
          completions: completions.map((done) => ({
            section: done.item.section.title,
            item: done.item.title,
            kind: done.item.kind,
            completedAt: done.completedAt.toISOString(),
            week: done.weekNumber,
            points: done.points,
            onTime: done.onTime,
          })),
          checkpoints: answers.map((answer) => ({
            section: answer.section.title,
            answer: answer.answer,
            answeredAt: answer.answeredAt.toISOString(),
          })),
          weeklyPoints: weeks.map((week) => ({ week: week.weekNumber, points: week.points })),
        };
        yield `${first ? "" : ","}\n${JSON.stringify(entry)}`;
        first = false;
      }
    }
    yield "\n]}\n";
  }

  /** The cohort's members with their rows, a batch at a time. */
  private async *batches(cohortId: number, ceiling: CohortExportCeiling) {
    let afterId = 0;
    for (;;) {
      // Other work runs between two batches' reads, as between the pieces written (BoundedFile.writeAll).
      if (afterId > 0) await nextTurn();
      const members = await this.rows.members(cohortId, afterId, membersPerBatch, ceiling);
      if (members.length === 0) return;
      afterId = members.at(-1)?.id ?? afterId;
      const ids = members.map((member) => member.id);
      const [completions, answers] = await Promise.all([this.rows.completions(ids, ceiling), this.rows.answers(ids, ceiling)]);
      const [completionsOf, answersOf] = [byMember(completions), byMember(answers)];
      yield members.map((member: ExportMember) => {
        const own = completionsOf.get(member.id) ?? [];
        return { member, ...scoresOf(own), completions: own, answers: answersOf.get(member.id) ?? [] };
      });
    }
  }
}

/** An export line's `after`, written before the upload and again with its outcome: one shape for both writes. */
function exportAuditValues(format: ExportFormat, upload?: UploadOutcome): AuditValues {
  return upload === undefined ? { format } : { format, upload };
}

/** Yielded once per member by the generators, to count them (never written). */
const memberMark = "\u0000member";

/** The pieces to write, each member's mark counted and left out. */
async function* countingMembers(pieces: AsyncIterable<string>, tally: { members: number }): AsyncGenerator<string> {
  for await (const piece of pieces) {
    if (piece === memberMark) tally.members += 1;
    else yield piece;
  }
}

/**
 * A member's points and weekly points summed from the completions listed, as the bot keeps them (Member.points,
 * WeeklyScore): the stored totals may already count a `/done` logged after the export began, which it leaves out.
 */
function scoresOf(completions: readonly ExportCompletion[]): { points: number; weeks: { weekNumber: number; points: number }[] } {
  const weekly = new Map<number, number>();
  let points = 0;
  for (const done of completions) {
    points += done.points;
    // A week's score sums its completions worth points (a week of only 0-point ones has no row).
    if (done.points > 0) weekly.set(done.weekNumber, (weekly.get(done.weekNumber) ?? 0) + done.points);
  }
  const weeks = [...weekly].sort(([a], [b]) => a - b).map(([weekNumber, sum]) => ({ weekNumber, points: sum }));
  return { points, weeks };
}

function byMember<T extends { readonly memberId: number }>(rows: readonly T[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.memberId);
    if (list === undefined) grouped.set(row.memberId, [row]);
    else list.push(row);
  }
  return grouped;
}
